/**
 * Firefox ESR through puppeteer-core over WebDriver BiDi. Each page is a new user context
 * (its own storage). The intranet host name goes through the setup's proxy (Firefox resolves
 * names itself; a proxy is how it can be sent to the loopback without touching /etc/hosts).
 *
 * Observes: console errors and uncaught errors (BiDi `log.entryAdded`), CSP violations (a
 * preload script, before the page's own scripts, turns them into console errors), HTTP errors
 * and failed requests (BiDi network events).
 */
import { existsSync } from 'node:fs';
import puppeteer, { type Browser, type BrowserContext, type KeyInput, type Page } from 'puppeteer-core';
import { callSource, centreOf, chord, nextFrames, settleAfterLoad, reportCspToConsole, SHOTS, type Engine, type EngineEnvironment, type EnginePage, type PageOptions } from './engine.ts';

const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

class FirefoxPage implements EnginePage {
  readonly engine = 'firefox' as const;
  private problems: string[] = [];

  constructor(
    private readonly context: BrowserContext,
    private readonly page: Page,
  ) {
    page.on('console', (m) => {
      if (m.type() === 'error') this.problems.push(`console: ${m.text()}`);
    });
    page.on('pageerror', (e) => this.problems.push(`pageerror: ${e instanceof Error ? e.message : String(e)}`));
    page.on('response', (r) => {
      if (r.status() >= 400) this.problems.push(`http ${r.status()}: ${r.url()}`);
    });
    page.on('requestfailed', (r) => {
      // NS_BINDING_ABORTED: Firefox cancelling a request because the page moved on.
      const reason = r.failure()?.errorText ?? '';
      if (!/ABORTED/.test(reason)) this.problems.push(`requestfailed: ${r.url()} ${reason}`);
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
    for (const m of modifiers) await this.page.keyboard.down(m as KeyInput);
    await this.page.keyboard.press(key as KeyInput);
    for (const m of modifiers.reverse()) await this.page.keyboard.up(m as KeyInput);
  }
  async setViewport(width: number, height: number) {
    await this.page.setViewport({ width, height });
  }
  async screenshot(name: string, options: { fullPage?: boolean } = {}) {
    await this.evaluate(nextFrames);
    await this.page.screenshot({ path: `${SHOTS}/firefox-${name}.png`, fullPage: options.fullPage ?? false });
  }
  async setInputFile(selector: string, path: string) {
    const input = await this.page.$(selector);
    if (!input) throw new Error(`no element matches ${selector}`);
    await (input as unknown as { uploadFile(...paths: string[]): Promise<void> }).uploadFile(path);
  }
  async errors() {
    return [...this.problems];
  }
  async close() {
    await this.context.close();
  }
}

export async function launchFirefox(env: EngineEnvironment): Promise<Engine> {
  if (!existsSync(FIREFOX))
    throw new Error(`没有找到 Firefox（${FIREFOX}）。运行 apt-get install -y firefox-esr，或设置 FIREFOX_PATH=/path/to/firefox。`);
  const proxy = new URL(env.proxy);
  const browser: Browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    extraPrefsFirefox: {
      // intranet.test (and any other name) through the setup's proxy; the loopback directly.
      'network.proxy.type': 1,
      'network.proxy.http': proxy.hostname,
      'network.proxy.http_port': Number(proxy.port),
      'network.proxy.no_proxies_on': 'localhost, 127.0.0.1',
      // Nothing from the network: no updates, no remote settings, no captive-portal probe.
      'app.update.enabled': false,
      'network.captive-portal-service.enabled': false,
      'network.connectivity-service.enabled': false,
      'browser.safebrowsing.update.enabled': false,
    },
  });
  return {
    name: 'firefox',
    version: (await browser.version()).replace(/^firefox\//, 'Firefox '),
    observes: { loadErrors: true, network: true },
    async newPage(options: PageOptions = {}) {
      const context = await browser.createBrowserContext();
      const page = await context.newPage();
      await page.setViewport({ width: options.width ?? 1280, height: options.height ?? 900 });
      await page.evaluateOnNewDocument(reportCspToConsole);
      return new FirefoxPage(context, page);
    },
    close: () => browser.close(),
  };
}
