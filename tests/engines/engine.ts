/**
 * One interface over three browser engines and their drivers, so one set of test bodies runs in
 * each: Chromium (playwright-core, over the DevTools protocol), Firefox ESR (puppeteer-core, over
 * WebDriver BiDi) and WebKitGTK's MiniBrowser (selenium-webdriver, over classic WebDriver).
 *
 * Only what every driver can do is in the interface. Page functions are sent as source text
 * with JSON arguments, as all three drivers can run them; a function given to `evaluate` must
 * therefore use nothing from the test file's scope. Clicks go to the centre of an element, as a
 * pointer would (the element is scrolled to the middle of the window first only if it is not
 * wholly in view), so a test decides where on screen things are.
 *
 * What a driver cannot observe is declared in `observes` and said in each adapter; the README's
 * 浏览器 section and the test files repeat it.
 */
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, inject } from 'vitest';

export type EngineName = 'chromium' | 'firefox' | 'webkit';
export const ENGINES: readonly EngineName[] = ['chromium', 'firefox', 'webkit'];

/** Where the engine tests save screenshots: `<engine>-<name>.png`. */
export const SHOTS = 'test-results/screenshots';

export interface PageOptions {
  /** Viewport width and height in CSS pixels (default 1280 × 900). */
  width?: number;
  height?: number;
}

export interface EnginePage {
  readonly engine: EngineName;
  /** Opens a URL and waits for its load event. */
  goto(url: string): Promise<void>;
  reload(): Promise<void>;
  url(): Promise<string>;
  /** Runs `fn` in the page with JSON-serialisable arguments; awaits a returned promise. */
  evaluate<R, A extends unknown[]>(fn: (...args: A) => R, ...args: A): Promise<Awaited<R>>;
  /** A pointer click in the middle of the first element matching `selector`. */
  click(selector: string, options?: { shift?: boolean }): Promise<void>;
  /** A pointer click at viewport coordinates. */
  clickAt(x: number, y: number): Promise<void>;
  /** Types text into the focused element, key by key. */
  type(text: string): Promise<void>;
  /** Presses a key or a chord: `Enter`, `Escape`, `Tab`, `ArrowDown`, `Control+k`, `Shift+ArrowRight`. */
  press(keys: string): Promise<void>;
  setViewport(width: number, height: number): Promise<void>;
  /** Saves `test-results/screenshots/<engine>-<name>.png`; full page where the driver can. */
  screenshot(name: string, options?: { fullPage?: boolean }): Promise<void>;
  /** Gives a file input a file from disk, as a reader choosing it would. */
  setInputFile(selector: string, path: string): Promise<void>;
  /**
   * Uncaught errors, console errors, CSP violations and failed requests observed so far (see
   * the engine's `observes` for which of these its driver can see, and from when).
   */
  errors(): Promise<string[]>;
  close(): Promise<void>;
}

export interface Engine {
  readonly name: EngineName;
  /** The browser's own version string. */
  readonly version: string;
  /**
   * What the driver can observe. `loadErrors`: errors and CSP violations while a page loads
   * (before any test script can run in it); `network`: failed requests and HTTP errors.
   */
  readonly observes: { loadErrors: boolean; network: boolean };
  /** A page with its own storage (a new browser context, or the one window, cleared). */
  newPage(options?: PageOptions): Promise<EnginePage>;
  close(): Promise<void>;
}

/** Where the engines' global setup put things (see tests/support/global-setup-engines.ts). */
export interface EngineEnvironment {
  /** The X display WebKitGTK draws on. */
  display: string;
  /** XDG_CONFIG_HOME holding the GTK style that lets MiniBrowser's window be phone-narrow. */
  gtkConfig: string;
  /** An HTTP proxy that sends any host name to the loopback: `http://intranet.test:PORT/`. */
  proxy: string;
}

export function environment(): EngineEnvironment {
  return { display: inject('display'), gtkConfig: inject('gtkConfig'), proxy: inject('proxy') };
}

/** The host name tests use for a plain-HTTP intranet origin (not a secure context). */
export const INTRANET_HOST = 'intranet.test';

/** The same site on the intranet host name: not a secure context, as intranets often serve. */
export const intranet = (url: string) => url.replace('127.0.0.1', INTRANET_HOST);

/** Launches an engine by name. */
export async function launchEngine(name: EngineName): Promise<Engine> {
  const env = environment();
  if (name === 'chromium') return (await import('./chromium.ts')).launchChromium(env);
  if (name === 'firefox') return (await import('./firefox.ts')).launchFirefox(env);
  return (await import('./webkit.ts')).launchWebKit(env);
}

/** One browser of an engine for a `describe` block: launched before its tests, closed after. */
export function useEngine(name: EngineName): () => Engine {
  let engine: Engine | undefined;
  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    engine = await launchEngine(name);
  }, 120_000);
  afterAll(async () => engine?.close());
  return () => engine!;
}

/** The page-side source of `fn(...args)`, as every driver can run it. */
export function callSource(fn: (...args: never[]) => unknown, args: readonly unknown[]): string {
  return `(${fn.toString()}).apply(null, ${JSON.stringify(args)})`;
}

/** Splits `Control+Shift+k` into modifiers and the key. */
export function chord(keys: string): { modifiers: string[]; key: string } {
  const parts = keys.split('+');
  // `+` itself as the key: `Control++`.
  if (keys.endsWith('++')) return { modifiers: parts.slice(0, -2), key: '+' };
  return { modifiers: parts.slice(0, -1), key: parts.at(-1)! };
}

/**
 * Polls `fn` in the page until it returns a truthy value, which it resolves with; fails after
 * `timeout` ms with `message` and the last value. `fn` must return JSON (a boolean, a string…),
 * never an element: the drivers hand elements back differently (puppeteer over BiDi as
 * `undefined`).
 */
export async function waitUntil<R, A extends unknown[]>(
  page: EnginePage,
  fn: (...args: A) => R,
  args: A,
  { timeout = 30_000, message = 'condition' }: { timeout?: number; message?: string } = {},
): Promise<NonNullable<Awaited<R>>> {
  const end = Date.now() + timeout;
  let last: unknown;
  for (;;) {
    try {
      last = await page.evaluate(fn, ...args);
      if (last) return last as NonNullable<Awaited<R>>;
    } catch (error) {
      // A navigation in progress: the page is not there to ask; try again.
      last = error;
    }
    if (Date.now() > end) throw new Error(`${page.engine}: timed out waiting for ${message} (last: ${String(last)})`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * Waits until an element matching `selector` is rendered (not hidden, has a box) and has kept
 * its place for an animation frame: a floating panel is placed just after it is shown, and a
 * click must land where the panel is, not where it was.
 */
export function waitForVisible(page: EnginePage, selector: string, timeout?: number) {
  return waitUntil(
    page,
    (sel: string) => {
      const shown = () => {
        const el = document.querySelector<HTMLElement>(sel);
        if (!el || el.closest('[hidden]') || el.getClientRects().length === 0) return null;
        const box = el.getBoundingClientRect();
        return `${box.left},${box.top},${box.width},${box.height}`;
      };
      const before = shown();
      if (!before) return false;
      return new Promise<boolean>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve(shown() === before))));
    },
    [selector],
    { timeout, message: `${selector} to be visible` },
  );
}

/** Waits until no element matching `selector` is rendered. */
export function waitForHidden(page: EnginePage, selector: string, timeout?: number) {
  return waitUntil(
    page,
    (sel: string) => {
      const el = document.querySelector<HTMLElement>(sel);
      return !el || !!el.closest('[hidden]') || el.getClientRects().length === 0;
    },
    [selector],
    { timeout, message: `${selector} to be hidden` },
  );
}

/**
 * Scrolls so the element is wholly in view if it is not (to the middle of the window), and
 * returns the viewport coordinates of its centre: where a pointer click lands.
 */
export function centreOf(page: EnginePage, selector: string): Promise<[number, number]> {
  return page.evaluate((sel: string) => {
    const el = document.querySelector(sel);
    if (!el) throw new Error(`no element matches ${sel}`);
    let box = el.getBoundingClientRect();
    const header = document.querySelector('.site-header')?.getBoundingClientRect().bottom ?? 0;
    if (box.top < header || box.bottom > innerHeight || box.left < 0 || box.right > innerWidth) {
      el.scrollIntoView({ block: 'center', inline: 'nearest', behavior: 'instant' as ScrollBehavior });
      box = el.getBoundingClientRect();
    }
    // The first line box of an inline element that wraps: where a reader would click.
    const first = el.getClientRects()[0] ?? box;
    return [Math.round(first.left + first.width / 2), Math.round(first.top + first.height / 2)] as [number, number];
  }, selector);
}

/** Resolves after two animation frames: what the page changed has been painted. */
export function nextFrames() {
  return new Promise<boolean>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve(true))));
}

/**
 * After a page has loaded: where its address names an element, waits (up to a second) until the
 * browser has gone there (WebKit matches `:target` and scrolls to it only after the load
 * event), then until the page keeps still for two frames, so that where a test sees an element
 * is where a click will find it.
 */
export function settleAfterLoad() {
  const still = (resolve: (value: boolean) => void, tries = 0) => {
    const before = scrollY;
    requestAnimationFrame(() =>
      requestAnimationFrame(() => (scrollY === before || tries > 30 ? resolve(true) : still(resolve, tries + 1))),
    );
  };
  return new Promise<boolean>((resolve) => {
    const id = decodeURIComponent(location.hash.slice(1));
    const target = id ? document.getElementById(id) : null;
    const end = Date.now() + 1000;
    const wait = () => {
      if (!target || target.matches(':target') || Date.now() > end) still(resolve);
      else setTimeout(wait, 20);
    };
    wait();
  });
}

/** For drivers that hear the console (an init script): CSP violations become console errors. */
export function reportCspToConsole() {
  document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP: ${e.violatedDirective} ${e.blockedURI}`));
}

/**
 * For a driver that hears neither the console nor page errors (classic WebDriver): listeners,
 * installed in a page once it has loaded, that keep CSP violations, uncaught errors, unhandled
 * rejections, console errors and resources that failed to load in `window.__engineProblems`.
 * Returns what they have kept so far and empties it; with `take` false only installs them.
 */
export function takeProblems(take = true): string[] {
  const w = window as unknown as { __engineProblems?: string[] };
  if (!w.__engineProblems) {
    const problems: string[] = (w.__engineProblems = []);
    document.addEventListener('securitypolicyviolation', (e) => problems.push(`CSP: ${e.violatedDirective} ${e.blockedURI}`));
    addEventListener(
      'error',
      (e) => {
        // A resource that failed to load fires a non-bubbling error on its element, seen here in
        // the capture phase; a script error fires on window, with a message.
        const target = e.target as (Element & { src?: string; href?: string }) | null;
        if (target && 'tagName' in target) problems.push(`failed to load: ${target.tagName.toLowerCase()} ${target.src || target.href || ''}`);
        else problems.push(`pageerror: ${e.message}`);
      },
      true,
    );
    addEventListener('unhandledrejection', (e) => problems.push(`unhandled rejection: ${String(e.reason)}`));
    const error = console.error.bind(console);
    console.error = (...args: unknown[]) => {
      problems.push(`console: ${args.map(String).join(' ')}`);
      error(...args);
    };
  }
  return take ? w.__engineProblems!.splice(0) : [];
}
