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
import { chord, nextFrames, reportCspToConsole, SHOTS, type Engine, type EngineEnvironment, type PageOptions } from './engine.ts';
import { ScriptedPage, type DriverEvents } from './scripted-page.ts';

const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

class FirefoxPage extends ScriptedPage {
  readonly engine = 'firefox' as const;

  // Puppeteer types `on` by a generic event map, which TypeScript cannot match to the overloads
  // of DriverEvents, although the events are the same. NS_BINDING_ABORTED: Firefox cancelling a
  // request because the page moved on.
  constructor(context: BrowserContext, private readonly puppeteer: Page) {
    super(puppeteer, puppeteer as unknown as DriverEvents, () => context.close(), (reason) => /ABORTED/.test(reason));
  }

  async press(keys: string) {
    const { modifiers, key } = chord(keys);
    for (const m of modifiers) await this.puppeteer.keyboard.down(m as KeyInput);
    await this.puppeteer.keyboard.press(key as KeyInput);
    for (const m of modifiers.reverse()) await this.puppeteer.keyboard.up(m as KeyInput);
  }
  async setViewport(width: number, height: number) {
    await this.puppeteer.setViewport({ width, height });
  }
  async screenshot(name: string, options: { fullPage?: boolean } = {}) {
    await this.evaluate(nextFrames);
    await this.puppeteer.screenshot({ path: `${SHOTS}/firefox-${name}.png`, fullPage: options.fullPage ?? false });
  }
  async setInputFile(selector: string, path: string) {
    const input = await this.puppeteer.$(selector);
    if (!input) throw new Error(`no element matches ${selector}`);
    await (input as unknown as { uploadFile(...paths: string[]): Promise<void> }).uploadFile(path);
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
