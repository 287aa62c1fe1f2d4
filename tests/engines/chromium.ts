/**
 * Chromium through playwright-core (the DevTools protocol): Debian's Chromium, launched as the
 * Chromium suite launches it. The intranet host name resolves to the loopback by a resolver
 * rule. Observes everything: console, page errors, CSP violations (from an init script, before
 * the page's own scripts), failed requests and HTTP errors.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { launch } from '../support/browser.ts';
import { chord, nextFrames, INTRANET_HOST, reportCspToConsole, SHOTS, type Engine, type EngineEnvironment, type PageOptions } from './engine.ts';
import { ScriptedPage } from './scripted-page.ts';

const KEYS: Record<string, string> = { Control: 'Control', Shift: 'Shift', Alt: 'Alt', Meta: 'Meta' };

class ChromiumPage extends ScriptedPage {
  readonly engine = 'chromium' as const;

  constructor(context: BrowserContext, private readonly playwright: Page) {
    super(playwright, playwright, () => context.close(), (reason) => reason === 'net::ERR_ABORTED');
  }

  async press(keys: string) {
    const { modifiers, key } = chord(keys);
    await this.playwright.keyboard.press([...modifiers.map((m) => KEYS[m] ?? m), key].join('+'));
  }
  async setViewport(width: number, height: number) {
    await this.playwright.setViewportSize({ width, height });
  }
  async screenshot(name: string, options: { fullPage?: boolean } = {}) {
    await this.evaluate(nextFrames);
    await this.playwright.screenshot({ path: `${SHOTS}/chromium-${name}.png`, fullPage: options.fullPage ?? false });
  }
  async setInputFile(selector: string, path: string) {
    await this.playwright.locator(selector).setInputFiles(path);
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
