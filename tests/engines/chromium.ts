/**
 * Chromium through playwright-core (the DevTools protocol): Debian's Chromium, launched as the
 * Chromium suite launches it. The intranet host name resolves to the loopback by a resolver
 * rule. Observes everything: console, page errors, CSP violations (from an init script, before
 * the page's own scripts), failed requests and HTTP errors.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { launch } from '../support/browser.ts';
import { callSource, centreOf, chord, nextFrames, settleAfterLoad, INTRANET_HOST, reportCspToConsole, SHOTS, type Engine, type EngineEnvironment, type EnginePage, type PageOptions } from './engine.ts';

const KEYS: Record<string, string> = { Control: 'Control', Shift: 'Shift', Alt: 'Alt', Meta: 'Meta' };

class ChromiumPage implements EnginePage {
  readonly engine = 'chromium' as const;
  private problems: string[] = [];

  constructor(
    private readonly context: BrowserContext,
    private readonly page: Page,
  ) {
    page.on('console', (m) => {
      if (m.type() === 'error') this.problems.push(`console: ${m.text()}`);
    });
    page.on('pageerror', (e) => this.problems.push(`pageerror: ${e.message}`));
    page.on('response', (r) => {
      if (r.status() >= 400) this.problems.push(`http ${r.status()}: ${r.url()}`);
    });
    page.on('requestfailed', (r) => {
      // The browser cancelling a request because the page moved on is not a failure of the site.
      const reason = r.failure()?.errorText ?? '';
      if (reason !== 'net::ERR_ABORTED') this.problems.push(`requestfailed: ${r.url()} ${reason}`);
    });
  }

  async goto(url: string) {
    await this.page.goto(url, { waitUntil: 'load' });
    // A page that moves on by itself (a permalink's refresh) is not there to ask: no matter.
    await this.evaluate(settleAfterLoad).catch(() => undefined);
  }
  async reload() {
    await this.page.reload({ waitUntil: 'load' });
    // A page that moves on by itself (a permalink's refresh) is not there to ask: no matter.
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
  async press(keys: string) {
    const { modifiers, key } = chord(keys);
    await this.page.keyboard.press([...modifiers.map((m) => KEYS[m] ?? m), key].join('+'));
  }
  async setViewport(width: number, height: number) {
    await this.page.setViewportSize({ width, height });
  }
  async screenshot(name: string, options: { fullPage?: boolean } = {}) {
    await this.evaluate(nextFrames);
    await this.page.screenshot({ path: `${SHOTS}/chromium-${name}.png`, fullPage: options.fullPage ?? false });
  }
  async setInputFile(selector: string, path: string) {
    await this.page.locator(selector).setInputFiles(path);
  }
  async errors() {
    return [...this.problems];
  }
  async close() {
    await this.context.close();
  }
}

export async function launchChromium(_env?: EngineEnvironment): Promise<Engine> {
  const browser = await launch([`--host-resolver-rules=MAP ${INTRANET_HOST} 127.0.0.1`]);
  return {
    name: 'chromium',
    version: `Chromium ${browser.version()}`,
    observes: { loadErrors: true, network: true },
    async newPage(options: PageOptions = {}) {
      const context = await browser.newContext({ viewport: { width: options.width ?? 1280, height: options.height ?? 900 } });
      await context.addInitScript(reportCspToConsole);
      // The Clipboard API on the secure origin (127.0.0.1), as a reader's click allows it.
      await context.grantPermissions(['clipboard-read', 'clipboard-write']);
      return new ChromiumPage(context, await context.newPage());
    },
    close: () => browser.close(),
  };
}
