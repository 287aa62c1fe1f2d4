/**
 * Builds the offline edition: the whole report, its contents, its indicator tables and charts,
 * the glossary and search in ONE HTML file that works when opened from disk (file://), where a
 * browser loads no module scripts, fetches nothing, runs no WebAssembly and resolves `/…` links
 * to the disk's root. So everything is inside the file: styles, KaTeX's fonts (as data: URIs),
 * the glossary popovers' short definitions (on their entries), where each paragraph sits (a
 * JSON data block), and one classic script; every link points inside the file. Its
 * Content-Security-Policy allows exactly that script and style by hash. It is assembled from
 * the built pages, so it shows what the site shows.
 *
 * Readers download it whole, often onto government intranets, so it carries nothing twice and
 * nothing it cannot show: the search reads the paragraphs' text from the page itself; each
 * small chart beside a paragraph is a link to the full chart, which the file holds once; the
 * stylesheets lose the rules that match nothing in the file (prune-css.ts); KaTeX's fonts are
 * cut to the glyphs the formulas show (katex-fonts.ts); and the file is written minified
 * (minify-html.ts). tests/site/offline-size.test.ts holds it to its budget.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { build, transform } from 'esbuild';
import { parseHTML } from 'linkedom';
import { exampleParagraph, type Edition } from '../edition/load-edition.ts';
import { entryIdFor, type EntriesById } from '../glossary/anchor.ts';
import { dropHeadwordIds } from '../glossary/headword-ids.ts';
import type { SearchRecord } from '../search/records.ts';
import { keepFaces, subsetKatexFonts } from './katex-fonts.ts';
import { paragraphText, type ParagraphPlaces } from './paragraph-text.ts';
import { cssClassNames } from './css-subjects.ts';
import { inlineHeadingLabels } from './heading-labels.ts';
import { blocksMadeInline, minifyHtml, whitespaceKept } from './minify-html.ts';
import { pruneCss, scriptWords } from './prune-css.ts';
import { classUses, renameClasses, scriptPieces, shortClassNames } from './short-class-names.ts';

/** The project's sources; builds run from the project's root. */
const SRC = join(process.cwd(), 'src');
const CHAPTER_NOTE_IDS = /^(note|note-ref)-\d+$/;

export interface OfflineInput {
  /** The built site's folder. */
  dist: string;
  /** The site's base path, `/` or `/reports/<id>/`. */
  base: string;
  edition: Edition;
  records: SearchRecord[];
  /** The folder of KaTeX's files in the build, relative to `dist`. */
  katexDir: string;
}

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/** The site's pages besides the chapters that the offline file holds as sections. */
export interface HeldPages {
  glossary: boolean;
  indicators: boolean;
  /**
   * The glossary's entries, to turn a term link's headword (`glossary/#十四五`,
   * src/glossary/anchor.ts) into the entry's id, which the file's glossary keeps alone.
   */
  glossaryEntries?: EntriesById;
}

/** Where a link of the site goes inside the offline file, or null if it leaves the file. */
export function offlineHref(
  href: string,
  base: string,
  currentSlug: string | undefined,
  slugs: readonly string[],
  held: HeldPages = { glossary: true, indicators: false },
): string | null {
  const noteFrag = (slug: string | undefined, frag: string) => (slug && CHAPTER_NOTE_IDS.test(frag) ? `#${slug}-${frag}` : `#${frag}`);
  if (href.startsWith('#')) return noteFrag(currentSlug, href.slice(1));
  if (!href.startsWith(base)) return null;
  const [path = '', frag] = href.slice(base.length).split('#') as [string, string | undefined];
  if (path === '') return '#contents';
  const slug = path.replace(/\/$/, '');
  if (slugs.includes(slug)) return frag ? noteFrag(slug, frag) : `#chapter-${slug}`;
  if (path === 'glossary/' && held.glossary) return frag ? `#${(held.glossaryEntries && entryIdFor(frag, held.glossaryEntries)) || frag}` : '#glossary';
  if (path === 'indicators/' && held.indicators) return frag ? `#${frag}` : '#indicators';
  const permalink = /^p\/(\d+)\/$/.exec(path);
  if (permalink) return `#p-${permalink[1]}`;
  if (path.startsWith('search/')) return '#offline-search-q';
  return null;
}

/** Rewrites the links and chapter-local ids of a fragment of a built page. */
function relink(root: Element, base: string, slug: string | undefined, slugs: readonly string[], held: HeldPages) {
  for (const el of root.querySelectorAll('[id]')) if (slug && CHAPTER_NOTE_IDS.test(el.id)) el.id = `${slug}-${el.id}`;
  for (const a of [...root.querySelectorAll('a[href]')]) {
    const target = offlineHref(a.getAttribute('href')!, base, slug, slugs, held);
    if (target) a.setAttribute('href', target);
    else {
      // A page the offline file does not hold: keep the words, drop the link.
      const span = a.ownerDocument.createElement('span');
      span.innerHTML = a.innerHTML;
      a.replaceWith(span);
    }
  }
  for (const el of root.querySelectorAll('.print-permalink, .pager, form')) el.remove();
  // Pagefind's marks: the file has no Pagefind index.
  for (const el of [root, ...root.querySelectorAll('[data-pagefind-body], [data-pagefind-ignore]')]) {
    el.removeAttribute('data-pagefind-body');
    el.removeAttribute('data-pagefind-ignore');
  }
}

/**
 * Each small figure beside a paragraph (a bar table: `figure.chart--compact`, its title in
 * `.chart__title`, its link to the whole chart in `a.chart__more`) becomes a line that names its
 * chart and links to it: the figure shows only rows of a chart that the file's 主要指标 section
 * holds in full, once, with the same title, the same values, sources and notes. It stays
 * `data-edition-ui`. Found by the classes' full names, before the file's classes are renamed.
 */
function pointToFullCharts(article: Element) {
  for (const figure of article.querySelectorAll('figure.chart--compact')) {
    const href = figure.querySelector('a.chart__more')?.getAttribute('href');
    const title = figure.querySelector('.chart__title')?.textContent;
    if (!href?.startsWith('#chart-') || !title) continue;
    const line = figure.ownerDocument.createElement('p');
    line.className = 'offline-chart-link';
    line.setAttribute('data-edition-ui', '');
    const link = figure.ownerDocument.createElement('a');
    link.setAttribute('href', href);
    link.textContent = title;
    line.append('图表：', link);
    figure.replaceWith(line);
  }
}

/**
 * Where each paragraph sits, for the search, after checking that the text the file's search
 * reads from each paragraph is the paragraph's search record: the source's line.
 */
function paragraphPlaces(records: SearchRecord[], articles: readonly Element[]): ParagraphPlaces {
  const labels: string[] = [];
  const paragraphs: [number, number][] = [];
  for (const r of records) {
    if (r.meta.kind !== 'paragraph') continue;
    const m = r.meta;
    const el = articles.map((a) => a.querySelector(`#p-${m.n}`)).find(Boolean);
    if (!el || paragraphText(el) !== m.text)
      throw new Error(`离线版：第${m.n}段在页面中的文字与搜索记录不同，离线版的搜索会与网站不一致。请检查该段中哪些元素是编辑所加却没有标 data-edition-ui。`);
    const label = [m.chapterLabel, m.sectionTitle].filter(Boolean).join(' · ');
    if (!labels.includes(label)) labels.push(label);
    paragraphs.push([Number(m.n), labels.indexOf(label)]);
  }
  return { labels, paragraphs };
}

/** The offline script, and the styles it imports (the search panel's, its results', the panels'), bundled. */
async function bundle(entry: string): Promise<{ js: string; css: string }> {
  // Destructuring is left as written, as the site's own build (Vite) leaves it: esbuild 0.27.7
  // lists Safari before 14.1 as lacking it, for a WebKit bug with array-rest patterns whose right
  // side is an array literal (`[a, ...b] = [x, y]`), which neither this code nor Floating UI
  // (the panels' placement) contains, and esbuild cannot rewrite destructuring, only refuse it.
  const result = await build({
    entryPoints: [entry],
    outdir: 'offline',
    bundle: true,
    format: 'iife',
    minify: true,
    write: false,
    target: ['chrome86', 'edge86', 'firefox78', 'safari14'],
    supported: { destructuring: true },
    // The file is UTF-8: its Chinese messages as characters (3 bytes), not as `\uXXXX` escapes (6).
    charset: 'utf8',
    logLevel: 'silent',
  });
  const output = (ext: string) => result.outputFiles.find((f) => f.path.endsWith(ext))?.text ?? '';
  // Without esbuild's last newline: the Nu checker hashes inline content ending in one differently from browsers.
  return { js: output('.js').trim(), css: output('.css') };
}

/** The offline edition's HTML. */
export async function buildOffline(input: OfflineInput): Promise<string> {
  const { dist, base, edition } = input;
  const chapters = edition.chapters.map((c) => c.slug);
  const page = (path: string) => parseHTML(readFileSync(join(dist, path, 'index.html'), 'utf8')).document;

  // The popover's short definitions, by entry id (the glossary's JSON), where there is a glossary.
  const summaries: Record<string, { term: string; summary: string }> = edition.paths.glossary
    ? JSON.parse(readFileSync(join(dist, 'glossary-summaries.json'), 'utf8'))
    : {};
  const held: HeldPages = {
    glossary: Boolean(edition.paths.glossary),
    indicators: Boolean(edition.paths.indicators),
    glossaryEntries: summaries,
  };
  const home = page('');
  const toc = home.querySelector('.toc')!;
  relink(toc, base, undefined, chapters, held);
  toc.id = 'contents';

  const sections: string[] = [];
  const styles = new Set<string>();
  const addStyles = (doc: Document) => {
    for (const link of doc.querySelectorAll('link[rel="stylesheet"]')) styles.add(link.getAttribute('href')!);
  };
  // The file's parts that may hold formulas, and the chapters that hold the paragraphs.
  const articles: Element[] = [];
  for (const slug of chapters) {
    const doc = page(`${slug}/`);
    addStyles(doc);
    const article = doc.querySelector('article.chapter')!;
    relink(article, base, slug, chapters, held);
    if (held.indicators) pointToFullCharts(article);
    articles.push(article);
    // A plain wrapper, not a landmark: the part inside is already a region named by its heading.
    sections.push(`<div id="chapter-${slug}" class="offline-chapter">${article.outerHTML}</div>`);
  }
  // The indicator tables and the full charts, where the edition has them.
  let indicators = '';
  if (held.indicators) {
    const doc = page('indicators/');
    addStyles(doc);
    const article = doc.querySelector('article.indicators')!;
    // The tables' CSV and JSON are files of the site, which a single file cannot offer.
    for (const el of article.querySelectorAll('.indicator-table__downloads')) el.remove();
    relink(article, base, undefined, chapters, held);
    articles.push(article);
    indicators = `<section id="indicators" class="offline-indicators" aria-label="主要指标">${article.outerHTML}</section>`;
  }
  // The glossary and its popover, where the edition has a glossary.
  let glossary = '';
  let popover = '';
  if (held.glossary) {
    const glossaryDoc = page('glossary/');
    addStyles(glossaryDoc);
    const article = glossaryDoc.querySelector('article.glossary')!;
    relink(article, base, undefined, chapters, held);
    // The headwords on the entries' headings are for the site's term links; here those name the ids.
    dropHeadwordIds(article);
    // The popover's short definitions, each on its entry (read by offline-app.ts), not as a
    // JSON copy that would repeat every entry's id and term.
    const entries = new Map([...article.querySelectorAll('.entry[id]')].map((e) => [e.id, e]));
    for (const [id, { summary }] of Object.entries(summaries)) {
      const entry = entries.get(id);
      if (!entry) throw new Error(`离线版：名词解释“${id}”有简要解释，却不在名词解释页中，弹出的解释无处可取。`);
      // The popover's title is the entry's first heading (offline-app.ts), which must be the term's.
      const heading = entry.querySelector('h1, h2, h3, h4, h5, h6');
      if (!heading?.classList.contains('entry__term') || heading.textContent?.trim() !== summaries[id]!.term)
        throw new Error(`离线版：名词解释“${id}”的标题不是词条“${summaries[id]!.term}”，弹出的解释会用错标题。`);
      entry.setAttribute('data-summary', summary);
    }
    articles.push(article);
    glossary = `<section id="glossary" class="offline-glossary" aria-label="名词解释">${article.outerHTML}</section>`;
    const shell = page(`${chapters[1]}/`).querySelector('#term-popover')!;
    shell.removeAttribute('data-summaries');
    shell.removeAttribute('data-styles');
    relink(shell, base, undefined, chapters, held);
    popover = shell.outerHTML;
  }

  // The site's theme script, through the same minifier and targets as the file's own script.
  const themeInit = (await transform(readFileSync(join(SRC, 'reader/theme-init.js'), 'utf8'), { minify: true, target: ['chrome86', 'firefox78', 'safari14'] })).code.trim();
  const { js: app, css: appCss } = await bundle(join(SRC, 'offline/offline-app.ts'));
  const places = paragraphPlaces(input.records, articles);
  // JSON inside <script type="application/json">: escape "<" so no text can close the element.
  const json = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c');
  const favicon = `data:image/svg+xml;base64,${readFileSync(join(SRC, 'assets/favicon.svg')).toString('base64')}`;

  const body = offlineBody({ edition, toc: toc.outerHTML, sections, indicators, glossary, popover, places: json(places), app });
  let css = '';
  for (const href of styles) {
    const file = href.slice(base.length);
    const text = readFileSync(join(dist, file), 'utf8');
    if (file.endsWith('katex.min.css')) {
      const fontDir = join(dist, input.katexDir, 'fonts');
      const fonts = await subsetKatexFonts(articles, text, (font) => readFileSync(join(fontDir, font)));
      css += keepFaces(text, fonts, (font) => `data:font/woff2;base64,${fonts.get(font)!.toString('base64')}`);
    } else css += text;
    css += '\n';
  }
  css += appCss + readFileSync(join(SRC, 'offline/offline.css'), 'utf8');
  // The whole file, once without styles to learn what they must style, then with them.
  const offlineFile = (css: string, csp: string) => `<!DOCTYPE html>
<html lang="${edition.language}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>政府工作报告 · 阅读注释版（离线版）</title>
<meta name="description" content="${edition.issuer}${edition.year}年${edition.citation.title}的阅读注释版，单个文件，无需网络即可阅读${edition.paths.glossary ? '、查名词' : ''}、搜索全文。">
<link rel="icon" href="${favicon}">
<script>${themeInit}</script>
<style>${css}</style>
</head>
${body}
</body>
</html>
`;
  const bare = offlineFile('', '');
  css = pruneCss(css, bare, [themeInit, app]);
  // Every word of the scripts: a class they may add or query keeps its name (short-class-names.ts).
  const words = scriptWords([themeInit, app]);
  const short = shortClassNames(css, { keep: words, pieces: scriptPieces([themeInit, app]), uses: classUses(bare) });
  const csp = [
    "default-src 'none'",
    `script-src ${sha256(themeInit)} ${sha256(app)}`,
    `style-src ${sha256(short.css)}`,
    'font-src data:',
    'img-src data:',
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');

  // Written small (minify-html.ts); its paragraphs' text, which the search reads, checked again.
  // The markup is read with the stylesheet's own names, and its classes are renamed last.
  const classes = cssClassNames(css);
  const html = minifyHtml(offlineFile(short.css, csp), {
    keepClass: (c) => classes.has(c) || words.has(c),
    keepWhitespace: whitespaceKept(css),
    madeInline: blocksMadeInline(css),
    prepare: (tree) => {
      inlineHeadingLabels(tree, { css, scriptWords: words });
      renameClasses(tree, short.names);
    },
  });
  try {
    paragraphPlaces(input.records, [parseHTML(html).document.documentElement]);
  } catch (error) {
    throw new Error(`离线版：压缩后的文件中段落文字有变（src/offline/minify-html.ts），离线版的搜索会与网站不一致。${(error as Error).message}`);
  }
  return html;
}

interface BodyParts {
  edition: Edition;
  toc: string;
  sections: string[];
  indicators: string;
  glossary: string;
  popover: string;
  /** Where each paragraph sits (JSON), see paragraph-text.ts. */
  places: string;
  app: string;
}

/** The file's `<body>`: apart from its `<head>`, because its styles are cut to what it holds. */
function offlineBody({ edition, toc, sections, indicators, glossary, popover, places, app }: BodyParts): string {
  return `<body class="page-offline">
<a class="skip-link" href="#main" data-edition-ui>跳到正文</a>
<header class="site-header" data-edition-ui>
<div class="site-header__inner">
<a class="site-name" href="#contents"><span class="site-name__title">政府工作报告</span><span class="site-name__sub">${edition.shortName} ${edition.year} · 阅读注释版<span class="site-name__offline"> · 离线版</span></span></a>
<div class="site-search" role="search" aria-label="全文搜索">
<label class="visually-hidden" for="offline-search-q">搜索报告全文</label>
<input id="offline-search-q" type="search" placeholder="搜索全文" autocomplete="off" aria-controls="offline-results" aria-keyshortcuts="/ Control+K">
<div id="offline-results" class="search-panel" hidden>
<p class="search-panel__status" role="status" aria-live="polite"></p>
<ul class="offline-results__list search-panel__list"></ul>
</div>
</div>
<button class="theme-toggle" type="button" aria-pressed="false" data-theme-toggle title="切换浅色/深色"><svg aria-hidden="true" viewBox="0 0 24 24" width="20" height="20"><path fill="currentColor" d="M12 3a9 9 0 1 0 9 9A9 9 0 0 0 12 3Zm0 16V5a7 7 0 0 1 0 14Z"/></svg><span class="visually-hidden">深色模式</span></button>
</div>
</header>
<main id="main" tabindex="-1" class="offline-main">
<div class="offline-intro" data-edition-ui><p>本文件是网站的离线版：报告全文、${indicators ? '<a href="#indicators">主要指标</a>、' : ''}${glossary ? '<a href="#glossary">名词解释</a>与' : ''}全文搜索都在这一个文件里，不需要网络，也不需要安装任何软件。段落编号与网站相同，引用时请写明段落号（如“第${exampleParagraph(edition)}段”）。</p></div>
${toc}
${sections.join('\n')}
${indicators}
${glossary}
</main>
${popover}
<script type="application/json" id="offline-paragraphs">${places}</script>
<script>${app}</script>
`;
}
