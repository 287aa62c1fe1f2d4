/**
 * Weight budgets over the built site, in the bytes the shipped servers send: a file's
 * pre-compressed `.gz` where the build stored one (src/integrations/precompress.ts; nginx's
 * `gzip_static` and the `.htaccess` send it), else the file gzipped at level 6, as nginx
 * compresses on the fly. A page's first view is what a fresh browser must fetch before the
 * reader can read: the HTML, its render-blocking stylesheets and the scripts it runs before any
 * interaction (module scripts and their static imports, classic scripts; code behind a dynamic
 * import() loads only on use or on the reader's first move, src/reader/intent.ts, and so does
 * the stylesheet that comes with it).
 *
 * A `media="print"` stylesheet is not counted: the browser fetches it without holding up the
 * first paint and applies it only when printing. It has a budget of its own.
 *
 * - JavaScript before interaction ≤ 10 KB, on a chapter ≤ 2 KB (what a click, a tap or a
 *   selection does — the citation panel, the term popover, search, annotations — loads on the
 *   reader's first move or on use);
 * - the edition's own render-blocking CSS ≤ 4 KB; KaTeX's only on pages that show math, one
 *   file cut to the edition's formulas, ≤ 1.5 KB;
 * - no web fonts but KaTeX's, and those only where math is shown;
 * - a chapter's HTML ≤ 1.5 × the gzipped report text it carries + 8 KB, and its whole first
 *   view (KaTeX's CSS included) ≤ 1.6 × that text + 10 KB; the chapter with the most text (the
 *   default edition's part 三, 11.5 KB of text) ≤ 22 KB, with its six small charts, 133 term
 *   links and the citation metadata in its head. What keeps it there: a chart beside a
 *   paragraph is a bar table that writes each label and value once (src/charts/), a term link
 *   names its entry by the words it holds (src/glossary/anchor.ts), and a note is in the page
 *   once, for screen and print.
 * - CSS for a feature travels with it: a page's first view styles no feature the page lacks, and
 *   what scripts show only on use (annotations, the citation panel, the selection toolbar,
 *   messages, the term popover, the search panel) is styled by sheets those scripts load;
 * - attributes that mean something only once a script runs are not in the HTML.
 * A budget that fails names the page and the files that grew.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { currentEdition } from '../../src/edition/load-edition.ts';
import { KATEX_DIR } from '../../src/integrations/katex-assets.ts';
import { DIST, fileFor, htmlFiles, load, pageUrl, reportText } from '../support/site.ts';

const KB = 1024;
const BUDGET = { js: 10 * KB, chapterJs: 2 * KB, css: 4 * KB, print: 2 * KB, katexCss: 1.5 * KB, longestChapter: 22 * KB, chapterSlack: 10 * KB };

const gzBytes = (bytes: Buffer | string) => gzipSync(bytes, { level: 6 }).length;
/** What a server sends for `file` to a browser that takes gzip: its stored .gz, else gzip level 6. */
const gz = (file: string) => (existsSync(join(DIST, `${file}.gz`)) ? statSync(join(DIST, `${file}.gz`)).size : gzBytes(readFileSync(join(DIST, file))));
const kb = (n: number) => `${(n / KB).toFixed(1)} KB`;
const pages = htmlFiles().filter((f) => !f.startsWith('p/') && !f.startsWith('downloads/'));
const chapters = currentEdition().chapters.map((c) => `${c.slug}/index.html`);
const isKatex = (file: string) => file.startsWith(`${KATEX_DIR}/`);

/** A script file and every file it imports statically, transitively. */
function staticGraph(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  const code = readFileSync(join(DIST, file), 'utf8');
  for (const m of code.matchAll(/(?:^|[;}\s])import\s*(?:[\w{},*\s$]+from\s*)?["']([^"']+)["']/g)) {
    const target = posix.normalize(posix.join(dirname(file), m[1]!));
    staticGraph(target, seen);
  }
  return seen;
}

/** What a page fetches for its first view, and its print stylesheets. */
function firstView(page: string) {
  const document = load(page);
  const resolve = (href: string) => fileFor(new URL(href, pageUrl(page)))!;
  const scripts = new Set<string>();
  for (const s of document.querySelectorAll('script[src]')) {
    const file = resolve(s.getAttribute('src')!);
    if (s.getAttribute('type') === 'module') for (const f of staticGraph(file)) scripts.add(f);
    else scripts.add(file);
  }
  const links = [...document.querySelectorAll('link[rel="stylesheet"]')];
  const media = (l: Element) => (l.getAttribute('media') ?? 'all').trim();
  const styles = links.filter((l) => media(l) !== 'print').map((l) => resolve(l.getAttribute('href')!));
  const print = links.filter((l) => media(l) === 'print').map((l) => resolve(l.getAttribute('href')!));
  const html = gz(page);
  const js = [...scripts].reduce((sum, f) => sum + gz(f), 0);
  const css = styles.reduce((sum, f) => sum + gz(f), 0);
  const own = styles.filter((f) => !isKatex(f));
  return {
    document,
    scripts: [...scripts],
    styles,
    own,
    print,
    html,
    js,
    css,
    ownCss: own.reduce((sum, f) => sum + gz(f), 0),
    total: html + js + css,
    hasMath: document.querySelector('.katex') !== null,
  };
}

const describeFiles = (files: string[]) => files.map((f) => `${f} ${kb(gz(f))}`).join(', ');

/** The gzipped report text of a chapter page: the floor its first view cannot go below. */
function textBytes(page: string) {
  const text = reportText(load(page).querySelector('main article')!).replace(/\s+/g, '');
  return gzBytes(Buffer.from(text));
}

/**
 * Features whose styles may be in a page's first view only where the page has the feature: a
 * selector in the CSS, and the element on the page that calls for it (`null`: none, the
 * feature shows only on use). `onUse`: what a reader acts on for a script to show it; its
 * stylesheet is its own, loaded by that script, wherever the edition has the feature.
 */
const FEATURES: { name: string; selector: RegExp; element: string | null; onUse: string | false }[] = [
  { name: '我的批注 page', selector: /\.my-notes\b/, element: '.my-notes', onUse: false },
  { name: 'the reader’s annotations', selector: /\.(reader-note|annotations-bar|anno-editor|reader-mark)\b|::highlight\(anno-/, element: '.my-notes', onUse: '.para' },
  { name: 'search page', selector: /\.search-page\b/, element: '.search-page', onUse: false },
  { name: 'search results', selector: /\.result\b/, element: '.search-page', onUse: '#site-search-q' },
  { name: 'glossary page', selector: /\.entry__|\.glossary__/, element: '.glossary', onUse: false },
  { name: 'indicator tables', selector: /\.indicators\b|\.indicator-table/, element: '.indicators', onUse: false },
  { name: 'home page', selector: /\.home-title|\.toc__|\.downloads\b/, element: '.home', onUse: false },
  { name: 'chapter text', selector: /\.pnum\b|\.outline__/, element: '.chapter', onUse: false },
  { name: 'citation panel', selector: /\.cite-panel\b/, element: null, onUse: '.pnum' },
  { name: 'selection toolbar', selector: /\.selection-toolbar\b/, element: null, onUse: '.para' },
  // 我的批注 reports what its tools did with these messages, so its own script brings them.
  { name: 'messages', selector: /\.edition-toast\b/, element: '.my-notes', onUse: '.para' },
  { name: 'term popover', selector: /\.term-popover\b/, element: null, onUse: 'a.term' },
  { name: 'search results panel', selector: /\.search-panel\b/, element: null, onUse: '#site-search-q' },
];

describe.each(pages)('%s', (page) => {
  const view = firstView(page);

  test('JavaScript before interaction ≤ 10 KB', () => {
    expect(view.js, `${page} loads ${describeFiles(view.scripts)}`).toBeLessThanOrEqual(BUDGET.js);
  });

  test('its own render-blocking CSS ≤ 4 KB, KaTeX’s only where there is math', () => {
    expect(view.ownCss, `${page} loads ${describeFiles(view.own)}`).toBeLessThanOrEqual(BUDGET.css);
    expect(view.styles.some(isKatex), `${page}: KaTeX CSS ${view.hasMath ? 'missing though the page has math' : 'loaded though the page has no math'}`).toBe(view.hasMath);
  });

  test('print styles: a media="print" stylesheet, not render-blocking', () => {
    for (const file of view.print) expect(gz(file), `${file}`).toBeLessThanOrEqual(BUDGET.print);
    if (view.document.querySelector('article.chapter')) expect(view.print, `${page} has no print stylesheet`).toHaveLength(1);
  });

  test('the first view styles only features the page has', () => {
    const css = view.own.map((f) => [f, readFileSync(join(DIST, f), 'utf8')] as const);
    for (const { name, selector, element } of FEATURES) {
      const present = element !== null && view.document.querySelector(element) !== null;
      if (present) continue;
      for (const [file, text] of css) expect(selector.test(text), `${page}: ${file} styles the ${name}, which ${element ? 'the page does not have' : 'shows only on use, with its own stylesheet'}`).toBe(false);
    }
  });

  test('no web fonts except KaTeX’s', () => {
    for (const css of view.own) expect(readFileSync(join(DIST, css), 'utf8'), `${css} declares a web font`).not.toMatch(/@font-face/);
  });
});

describe.each(chapters)('%s', (page) => {
  const view = firstView(page);
  const text = textBytes(page);

  test('HTML ≤ 1.5 × its gzipped report text + 8 KB', () => {
    const budget = 1.5 * text + 8 * KB;
    expect(view.html, `${page} is ${kb(view.html)} gzipped; budget ${kb(budget)}`).toBeLessThanOrEqual(budget);
  });

  test('JavaScript before interaction ≤ 2 KB', () => {
    expect(view.js, `${page} loads ${describeFiles(view.scripts)}`).toBeLessThanOrEqual(BUDGET.chapterJs);
  });

  test('first view ≤ 1.6 × its gzipped report text + 10 KB', () => {
    const budget = 1.6 * text + BUDGET.chapterSlack;
    expect(view.total, `${page}: HTML ${kb(view.html)} + CSS ${kb(view.css)} (${describeFiles(view.styles)}) + JS ${kb(view.js)} = ${kb(view.total)}; report text ${kb(text)}; budget ${kb(budget)}`).toBeLessThanOrEqual(budget);
  });

  test('term links and ¶ numbers carry no attributes a script has yet to give meaning to', () => {
    const early = view.document.querySelectorAll('a.term[aria-haspopup], a.term[aria-expanded], a.term[aria-controls], .pnum[aria-haspopup], .pnum[aria-expanded]');
    expect(early.length, `${page}: ${early[0]?.outerHTML}`).toBe(0);
  });

  test('every paragraph keeps its ¶ link, which works without JavaScript', () => {
    for (const para of view.document.querySelectorAll('.para')) {
      const link = para.querySelector(':scope > a.pnum');
      expect(link?.getAttribute('href'), `${page}: #${para.id} has no ¶ link to itself`).toBe(`#${para.id}`);
    }
  });
});

test('the chapter with the most report text: first view ≤ 22 KB', () => {
  const longest = chapters.map((page) => ({ page, text: textBytes(page) })).sort((a, b) => b.text - a.text)[0]!;
  const view = firstView(longest.page);
  expect(view.total, `${longest.page}: HTML ${kb(view.html)} + CSS ${kb(view.css)} + JS ${kb(view.js)} = ${kb(view.total)} (report text ${kb(longest.text)})`).toBeLessThanOrEqual(
    BUDGET.longestChapter,
  );
});

test('what scripts show on use brings its own stylesheet, which a script loads', () => {
  const assets = readdirSync(join(DIST, '_astro'));
  const print = new Set(pages.flatMap((page) => firstView(page).print));
  const css = assets
    .filter((f) => f.endsWith('.css') && !print.has(`_astro/${f}`))
    .map((f) => [f, readFileSync(join(DIST, '_astro', f), 'utf8')] as const);
  // Where a script finds a stylesheet's address: in its own code, or in the page, on the
  // element it shows (the term popover's shell names its styles in `data-styles`).
  const named = [
    ...assets.filter((f) => f.endsWith('.js')).map((f) => readFileSync(join(DIST, '_astro', f), 'utf8')),
    ...pages.flatMap((page) => [...load(page).querySelectorAll('[data-styles]')].map((el) => el.getAttribute('data-styles')!)),
  ];
  for (const { name, selector, onUse } of FEATURES) {
    if (!onUse || !pages.some((page) => load(page).querySelector(onUse))) continue;
    const sheets = css.filter(([, text]) => selector.test(text)).map(([file]) => file);
    expect(sheets.length, `no stylesheet in _astro/ styles the ${name}`).toBeGreaterThan(0);
    expect(
      sheets.some((file) => named.some((code) => code.includes(file))),
      `the ${name}’s stylesheet (${sheets.join(', ')}) is named by no script nor page element: nothing loads it`,
    ).toBe(true);
  }
});

describe('KaTeX’s stylesheet, where pages show math', () => {
  const katexSheets = [...new Set(pages.flatMap((page) => firstView(page).styles.filter(isKatex)))];

  test('is the only one with web fonts, all from the site itself', () => {
    for (const file of katexSheets) {
      const css = readFileSync(join(DIST, file), 'utf8');
      expect(css, file).toMatch(/@font-face/);
      expect(css, file).not.toMatch(/https?:\/\//);
    }
  });

  test(`is one file, ≤ ${BUDGET.katexCss / KB} KB: only the rules and faces the edition’s formulas use`, () => {
    expect(katexSheets.length, katexSheets.join(', ')).toBeLessThanOrEqual(1);
    for (const file of katexSheets) expect(gz(file), `${file} ${kb(gz(file))}`).toBeLessThanOrEqual(BUDGET.katexCss);
  });
});
