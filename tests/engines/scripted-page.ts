/**
 * What the Chromium (playwright-core) and Firefox (puppeteer-core) adapters share: both drivers
 * hand out a page object with the same shape — `goto`, `evaluate`, `mouse`, `keyboard`, events
 * for console messages, page errors, responses and failed requests — so the adapters differ
 * only in keys, viewport, screenshots and file inputs. (WebKit's classic WebDriver has none of
 * this, and its adapter is written out in full.)
 */
import { callSource, centreOf, settleAfterLoad, type EngineName, type EnginePage } from './engine.ts';

/** The part of a playwright or puppeteer page the adapters use. */
export interface DriverPage {
  goto(url: string, options: { waitUntil: 'load' }): Promise<unknown>;
  reload(options: { waitUntil: 'load' }): Promise<unknown>;
  url(): string;
  evaluate(source: string): Promise<unknown>;
  mouse: { click(x: number, y: number): Promise<void> };
  keyboard: { down(key: string): Promise<void>; up(key: string): Promise<void>; type(text: string): Promise<void> };
}

/** What a driver reports, as the adapter turns its events into problems. */
export interface DriverEvents {
  on(event: 'console', listener: (message: { type(): string; text(): string }) => void): unknown;
  on(event: 'pageerror', listener: (error: unknown) => void): unknown;
  on(event: 'response', listener: (response: { status(): number; url(): string }) => void): unknown;
  on(event: 'requestfailed', listener: (request: { url(): string; failure(): { errorText: string } | null }) => void): unknown;
}

export abstract class ScriptedPage implements EnginePage {
  abstract readonly engine: EngineName;
  private readonly problems: string[] = [];

  /**
   * @param aborted whether a failed request's reason is the browser cancelling it because the
   *   page moved on (each engine words it its own way), which is not a failure of the site.
   */
  constructor(
    protected readonly page: DriverPage,
    events: DriverEvents,
    private readonly closeContext: () => Promise<void>,
    aborted: (reason: string) => boolean,
  ) {
    events.on('console', (m) => {
      if (m.type() === 'error') this.problems.push(`console: ${m.text()}`);
    });
    events.on('pageerror', (e) => this.problems.push(`pageerror: ${e instanceof Error ? e.message : String(e)}`));
    events.on('response', (r) => {
      if (r.status() >= 400) this.problems.push(`http ${r.status()}: ${r.url()}`);
    });
    events.on('requestfailed', (r) => {
      const reason = r.failure()?.errorText ?? '';
      if (!aborted(reason)) this.problems.push(`requestfailed: ${r.url()} ${reason}`);
    });
  }

  async goto(url: string) {
    await this.page.goto(url, { waitUntil: 'load' });
    // A page that moves on by itself (a permalink's refresh) is not there to ask: no matter.
    await this.evaluate(settleAfterLoad).catch(() => undefined);
  }
  async reload() {
    await this.page.reload({ waitUntil: 'load' });
    await this.evaluate(settleAfterLoad).catch(() => undefined);
  }
  async url() {
    return this.page.url();
  }
  evaluate<R, A extends unknown[]>(fn: (...args: A) => R, ...args: A): Promise<Awaited<R>> {
    return this.page.evaluate(callSource(fn as (...a: never[]) => unknown, args)) as Promise<Awaited<R>>;
  }
  async click(selector: string, options: { shift?: boolean } = {}) {
    const [x, y] = await centreOf(this, selector);
    if (options.shift) await this.page.keyboard.down('Shift');
    await this.page.mouse.click(x, y);
    if (options.shift) await this.page.keyboard.up('Shift');
  }
  async clickAt(x: number, y: number) {
    await this.page.mouse.click(x, y);
  }
  async type(text: string) {
    await this.page.keyboard.type(text);
  }
  async errors() {
    return [...this.problems];
  }
  async close() {
    await this.closeContext();
  }
  abstract press(keys: string): Promise<void>;
  abstract setViewport(width: number, height: number): Promise<void>;
  abstract screenshot(name: string, options?: { fullPage?: boolean }): Promise<void>;
  abstract setInputFile(selector: string, path: string): Promise<void>;
}
