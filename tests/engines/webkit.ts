/**
 * WebKit: WebKitGTK's MiniBrowser through its WebDriver (WebKitWebDriver, classic W3C
 * WebDriver) and selenium-webdriver, on the X display the setup started. Each launch starts its
 * own WebKitWebDriver (one session per driver) on a free port; MiniBrowser is started with the
 * setup's proxy for the intranet host name, and with a GTK style that shrinks its toolbar so
 * the window can be as narrow as a phone (its window cannot otherwise be narrower than 447 px).
 *
 * There is one window per launch: a new page is that window, resized, with the storage of the
 * origins visited so far cleared.
 *
 * What classic WebDriver cannot observe: the console, page errors and the network. So the
 * adapter installs listeners in a page the first time a test touches it (after its load event):
 * from then on CSP violations, uncaught errors, unhandled rejections, console errors and
 * resources that fail to load are kept and collected before every navigation or input the test
 * makes. Errors raised while a page loads, before WebDriver can run a script in it, and HTTP
 * errors of fetches, are not observable; the tests check instead that the page's scripts did
 * their work (see `observes`). Screenshots are of the viewport only.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { freePort } from '../support/free-port.ts';
import { Builder, By, Key, Origin, type WebDriver } from 'selenium-webdriver';
import { inject } from 'vitest';
import { callSource, centreOf, chord, nextFrames, settleAfterLoad, SHOTS, takeProblems, type Engine, type EngineEnvironment, type EnginePage, type PageOptions } from './engine.ts';

const DRIVER = process.env.WEBKIT_WEBDRIVER ?? '/usr/bin/WebKitWebDriver';
const MINIBROWSER = process.env.MINIBROWSER ?? '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';

const KEYS: Record<string, string> = {
  Enter: Key.ENTER,
  Escape: Key.ESCAPE,
  Tab: Key.TAB,
  Backspace: Key.BACK_SPACE,
  ArrowDown: Key.ARROW_DOWN,
  ArrowUp: Key.ARROW_UP,
  ArrowLeft: Key.ARROW_LEFT,
  ArrowRight: Key.ARROW_RIGHT,
  Control: Key.CONTROL,
  Shift: Key.SHIFT,
  Alt: Key.ALT,
  Meta: Key.META,
};
const key = (name: string) => KEYS[name] ?? name;

/** What MiniBrowser's window adds around the page (its toolbar), learnt on the first resize. */
const chrome = { width: 0, height: 0 };

/** The page-side script that installs the problem listeners, then runs `body`. */
const withListeners = (body: string) => `(${takeProblems.toString()})(false); ${body}`;

class WebKitPage implements EnginePage {
  readonly engine = 'webkit' as const;
  problems: string[] = [];

  constructor(
    private readonly driver: WebDriver,
    private readonly visited: Set<string>,
  ) {}

  /** Collects what the listeners kept in the current page (and installs them if not there yet). */
  async harvest() {
    try {
      const taken = (await this.driver.executeScript(`return (${takeProblems.toString()})();`)) as string[];
      this.problems.push(...taken);
    } catch {
      // No page to ask (about:blank mid-navigation): nothing to collect.
    }
  }

  private remember(url: string) {
    const parsed = new URL(url);
    if (parsed.protocol.startsWith('http')) this.visited.add(parsed.origin);
  }

  async goto(url: string) {
    await this.harvest();
    await this.driver.get(url);
    this.remember(url);
    // A page that moves on by itself (a permalink's refresh) is not there to ask: no matter.
    await this.evaluate(settleAfterLoad).catch(() => undefined);
  }
  async reload() {
    await this.harvest();
    await this.driver.navigate().refresh();
    // A page that moves on by itself (a permalink's refresh) is not there to ask: no matter.
    await this.evaluate(settleAfterLoad).catch(() => undefined);
  }
  async url() {
    return this.driver.getCurrentUrl();
  }
  async evaluate<R, A extends unknown[]>(fn: (...args: A) => R, ...args: A): Promise<Awaited<R>> {
    return (await this.driver.executeScript(withListeners(`return ${callSource(fn as (...a: never[]) => unknown, args)};`))) as Awaited<R>;
  }
  async click(selector: string, options: { shift?: boolean } = {}) {
    await this.harvest();
    const [x, y] = await centreOf(this, selector);
    let actions = this.driver.actions();
    if (options.shift) actions = actions.keyDown(Key.SHIFT);
    actions = actions.move({ x, y, origin: Origin.VIEWPORT }).click();
    if (options.shift) actions = actions.keyUp(Key.SHIFT);
    await actions.perform();
  }
  async clickAt(x: number, y: number) {
    await this.harvest();
    await this.driver.actions().move({ x: Math.round(x), y: Math.round(y), origin: Origin.VIEWPORT }).click().perform();
  }
  async type(text: string) {
    await this.harvest();
    await this.driver.actions().sendKeys(text).perform();
  }
  async press(keys: string) {
    await this.harvest();
    const { modifiers, key: last } = chord(keys);
    let actions = this.driver.actions();
    for (const m of modifiers) actions = actions.keyDown(key(m));
    actions = actions.keyDown(key(last)).keyUp(key(last));
    for (const m of [...modifiers].reverse()) actions = actions.keyUp(key(m));
    await actions.perform();
  }
  async setViewport(width: number, height: number) {
    // The window holds MiniBrowser's toolbar: size it so that the page gets width × height. The
    // toolbar's size is learnt from the first resize; a resize takes effect a moment later.
    const inner = async () => (await this.driver.executeScript('return [innerWidth, innerHeight]')) as [number, number];
    const window = this.driver.manage().window();
    for (let attempt = 0; attempt < 3; attempt++) {
      await window.setRect({ width: width + chrome.width, height: height + chrome.height });
      let got = await inner();
      for (let i = 0; i < 40 && (got[0] !== width || got[1] !== height); i++) {
        await new Promise((r) => setTimeout(r, 25));
        got = await inner();
      }
      if (got[0] === width && got[1] === height) return;
      const outer = await window.getRect();
      chrome.width = outer.width - got[0];
      chrome.height = outer.height - got[1];
    }
    throw new Error(`webkit: could not give the page a ${width}×${height} viewport`);
  }
  async screenshot(name: string) {
    await this.evaluate(nextFrames);
    // Classic WebDriver takes the viewport only.
    writeFileSync(`${SHOTS}/webkit-${name}.png`, Buffer.from(await this.driver.takeScreenshot(), 'base64'));
  }
  async setInputFile(selector: string, path: string) {
    await this.driver.findElement(By.css(selector)).sendKeys(path);
  }
  async errors() {
    await this.harvest();
    return [...this.problems];
  }
  async close() {
    await this.harvest();
  }
}

export async function launchWebKit(env: EngineEnvironment): Promise<Engine> {
  for (const [path, pkg] of [
    [DRIVER, 'webkit2gtk-driver'],
    [MINIBROWSER, 'webkit2gtk-driver'],
  ])
    if (!existsSync(path!)) throw new Error(`没有找到 ${path}。运行 apt-get install -y ${pkg} xvfb，或设置 WEBKIT_WEBDRIVER、MINIBROWSER。`);
  const port = await freePort();
  const child: ChildProcess = spawn(DRIVER, [`--port=${port}`], {
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, DISPLAY: env.display, XDG_CONFIG_HOME: env.gtkConfig },
  });
  let stderr = '';
  child.stderr?.on('data', (d) => (stderr += d));
  // Should the test process end without closing the engine, the driver goes with it.
  const killDriver = () => child.kill();
  process.once('exit', killDriver);
  const server = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`${server}/status`)).ok) break;
    } catch {
      // not up yet
    }
    if (child.exitCode !== null || i > 100) throw new Error(`WebKitWebDriver 没有启动：${stderr}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  const proxy = new URL(env.proxy);
  const driver = await new Builder()
    .usingServer(server)
    .withCapabilities({
      browserName: 'MiniBrowser',
      'webkitgtk:browserOptions': {
        binary: MINIBROWSER,
        args: ['--automation', `--proxy=http://${proxy.host}`, '--ignore-host=127.0.0.1,localhost'],
      },
    })
    .build();
  const capabilities = await driver.getCapabilities();
  const base = inject('base');
  const visited = new Set<string>();
  let current: WebKitPage | undefined;
  return {
    name: 'webkit',
    version: `WebKitGTK ${capabilities.get('browserVersion')} (MiniBrowser)`,
    observes: { loadErrors: false, network: false },
    async newPage(options: PageOptions = {}) {
      await current?.close();
      // A fresh page: the storage of every origin visited so far is cleared, from the page
      // still open where it is on one of them, else from a small page of the origin.
      const here = await driver.getCurrentUrl().then((u) => (u.startsWith('http') ? new URL(u).origin : ''), () => '');
      for (const origin of visited) {
        if (origin !== here) await driver.get(`${origin}${base}404.html`);
        await driver.executeScript('localStorage.clear(); sessionStorage.clear();');
      }
      await driver.get('about:blank');
      const page = new WebKitPage(driver, visited);
      await page.setViewport(options.width ?? 1280, options.height ?? 900);
      current = page;
      return page;
    },
    async close() {
      try {
        await driver.quit();
      } finally {
        process.off('exit', killDriver);
        child.kill();
      }
    },
  };
}
