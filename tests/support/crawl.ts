/**
 * Visits every page of a served build in Chromium and reports everything that went wrong:
 * requests to another origin (blocked, as on an intranet with no internet), requests outside
 * the site's base path, failed requests and error statuses, console errors, page errors, and
 * Content-Security-Policy violations. Also exercises what loads later: search, a glossary
 * popover, an editorial note.
 */
import type { Browser, Page } from 'playwright-core';
import type { Edition } from '../../src/edition/load-edition.ts';
import { readEdition } from '../../src/edition/load-edition.ts';
import { DIST, htmlFiles, isPermalink, permalinkSample } from './site.ts';

export interface CrawlProblem {
  page: string;
  problem: string;
}

async function watch(browser: Browser, origin: string, base: string, problems: CrawlProblem[], label: () => string) {
  const context = await browser.newContext();
  await context.addInitScript(() => {
    (window as unknown as { __csp: string[] }).__csp = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      (window as unknown as { __csp: string[] }).__csp.push(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`),
    );
  });
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.origin !== origin) {
      problems.push({ page: label(), problem: `request to another origin: ${url.href}` });
      return route.abort('blockedbyclient');
    }
    if (!url.pathname.startsWith(base)) problems.push({ page: label(), problem: `request outside the base ${base}: ${url.pathname}` });
    return route.continue();
  });
  const page = await context.newPage();
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push({ page: label(), problem: `console ${m.type()}: ${m.text()}` });
  });
  page.on('pageerror', (e) => problems.push({ page: label(), problem: `page error: ${e.message}` }));
  page.on('requestfailed', (r) => {
    const reason = r.failure()?.errorText ?? '';
    if (reason !== 'net::ERR_ABORTED' && reason !== 'net::ERR_BLOCKED_BY_CLIENT') problems.push({ page: label(), problem: `request failed: ${r.url()} ${reason}` });
  });
  page.on('response', (r) => {
    const expected404 = r.url().endsWith('/404.html');
    if (r.status() >= 400 && !expected404) problems.push({ page: label(), problem: `HTTP ${r.status()}: ${r.url()}` });
  });
  // Workers (Pagefind's) report CSP violations to the console, which is watched above.
  return { context, page };
}

/**
 * The CSP violations the page recorded. A permalink page's meta refresh may leave it while it is
 * read; the violations are then read from the page it went to, once that has loaded.
 */
async function violations(page: Page): Promise<string[]> {
  const read = () => page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? []);
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      return await read();
    } catch (error) {
      if (!/context was destroyed|navigat/i.test(String(error))) throw error;
      await page.waitForLoadState('load');
    }
  }
  return read();
}

/** Two characters of the report that a search finds: from the first long run of Chinese in ¶2. */
function searchWord(edition: Edition): string {
  const text = edition.source.model.paragraphs[1]?.text ?? edition.source.model.paragraphs[0]!.text;
  const run = (text.match(/\p{Script=Han}{4,}/gu) ?? [text])[0]!;
  return Array.from(run).slice(2, 4).join('');
}

/** How many tabs (each its own context) a crawl keeps loading pages at once. */
const LANES = 3;

/**
 * Crawls every page of the build of `edition` served at `baseUrl` (whose path is `base`), in
 * `LANES` tabs at once: each page is held until the network has been idle for half a second, and
 * most of that time is waiting, not work. The permalink pages are one template (a meta refresh,
 * checked statically for every ¶ by tests/site/paragraph-text.test.ts): a sample of them is
 * visited (`permalinkSample`).
 */
export async function crawl(browser: Browser, baseUrl: string, base: string, dist = DIST, edition = readEdition('content')): Promise<CrawlProblem[]> {
  const origin = new URL(baseUrl).origin;
  const problems: CrawlProblem[] = [];
  const files = htmlFiles(dist);
  const sample = new Set(permalinkSample(files));
  // Downloads are saved, not shown (Content-Disposition: attachment); the offline edition has its own test.
  const queue = files.filter((f) => !f.startsWith('downloads/') && (!isPermalink(f) || sample.has(f)));
  const lane = async () => {
    let current = '';
    const { context, page } = await watch(browser, origin, base, problems, () => current);
    try {
      for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
        current = file.replace(/index\.html$/, '');
        await page.goto(baseUrl + current, { waitUntil: 'networkidle' });
        for (const v of await violations(page)) problems.push({ page: current, problem: `CSP: ${v}` });
      }
    } finally {
      await context.close();
    }
  };
  await Promise.all([...Array.from({ length: LANES }, lane), afterUse(browser, origin, base, problems, baseUrl, edition)]);
  return problems;
}

/** What loads only on use: search (panel and page), a glossary popover, the glossary page. */
async function afterUse(browser: Browser, origin: string, base: string, problems: CrawlProblem[], baseUrl: string, edition: Edition) {
  let current = '';
  const { context, page } = await watch(browser, origin, base, problems, () => current);
  const chapter = edition.chapters[1]!.slug;
  const first = edition.source.model.parts[0]!.blocks.map((b) => (b.type === 'paragraph' ? b.paragraph : b.section.paragraphs[0]!))[0]!.n;
  const word = searchWord(edition);
  try {
    current = `${chapter}/ (search, popover, note)`;
    await page.goto(`${baseUrl}${chapter}/`, { waitUntil: 'networkidle' });
    await page.locator('#site-search-q').fill(word);
    await page.locator('.search-panel .result').first().waitFor({ timeout: 15_000 });
    await page.keyboard.press('Escape');
    if (edition.paths.glossary) {
      await page.locator('article a.term').first().click();
      await page.locator('#term-popover:not([hidden])').waitFor({ timeout: 10_000 });
    }
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto(`${baseUrl}${chapter}/#p-${first}`, { waitUntil: 'networkidle' });
    current = `search/?q=${word}`;
    await page.goto(`${baseUrl}search/?q=${encodeURIComponent(word)}`, { waitUntil: 'networkidle' });
    await page.locator('.search-page__status').filter({ hasText: '找到' }).waitFor({ timeout: 15_000 });
    await page.locator('[data-group="paragraphs"] a').first().click();
    await page.waitForURL(/#p-\d+$/);
    if (edition.paths.glossary) {
      current = 'glossary/';
      await page.goto(`${baseUrl}glossary/`, { waitUntil: 'networkidle' });
      for (const v of await violations(page)) problems.push({ page: current, problem: `CSP: ${v}` });
    }
  } finally {
    await context.close();
  }
}
