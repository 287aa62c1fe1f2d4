/**
 * Builds the offline edition: the whole report, its contents, the glossary and search in ONE
 * HTML file that works when opened from disk (file://), where a browser loads no module
 * scripts, fetches nothing, runs no WebAssembly and resolves `/…` links to the disk's root.
 * So everything is inside the file: styles, KaTeX's fonts (as data: URIs), the glossary
 * definitions and the search text (as JSON data blocks), and one classic script; every link
 * points inside the file. Its Content-Security-Policy allows exactly that script and style by
 * hash. It is assembled from the built pages, so it shows what the site shows.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { parseHTML } from 'linkedom';
import { exampleParagraph, type Edition } from '../edition/load-edition.ts';
import type { SearchRecord } from '../search/records.ts';

/** KaTeX font families the edition's formulas can use; the others are left out of the file. */
const KATEX_FAMILIES = ['KaTeX_Main', 'KaTeX_Math', 'KaTeX_Size1', 'KaTeX_Size2', 'KaTeX_Size3', 'KaTeX_Size4', 'KaTeX_AMS'];
/** The project's sources; builds run from the project's root. */
const SRC = join(process.cwd(), 'src');
const CHAPTER_NOTE_IDS = /^((note|note-ref|endnote)-\d+|chapter-notes-h)$/;

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

/** Where a link of the site goes inside the offline file, or null if it leaves the file. */
export function offlineHref(href: string, base: string, currentSlug: string | undefined, slugs: readonly string[]): string | null {
  const noteFrag = (slug: string | undefined, frag: string) => (slug && CHAPTER_NOTE_IDS.test(frag) ? `#${slug}-${frag}` : `#${frag}`);
  if (href.startsWith('#')) return noteFrag(currentSlug, href.slice(1));
  if (!href.startsWith(base)) return null;
  const [path = '', frag] = href.slice(base.length).split('#') as [string, string | undefined];
  if (path === '') return '#contents';
  const slug = path.replace(/\/$/, '');
  if (slugs.includes(slug)) return frag ? noteFrag(slug, frag) : `#chapter-${slug}`;
  if (path === 'glossary/') return frag ? `#${frag}` : '#glossary';
  const permalink = /^p\/(\d+)\/$/.exec(path);
  if (permalink) return `#p-${permalink[1]}`;
  if (path.startsWith('search/')) return '#offline-search-q';
  return null;
}

/** Rewrites the links and chapter-local ids of a fragment of a built page. */
function relink(root: Element, base: string, slug: string | undefined, slugs: readonly string[]) {
  for (const el of root.querySelectorAll('[id]')) if (slug && CHAPTER_NOTE_IDS.test(el.id)) el.id = `${slug}-${el.id}`;
  for (const a of [...root.querySelectorAll('a[href]')]) {
    const target = offlineHref(a.getAttribute('href')!, base, slug, slugs);
    if (target) a.setAttribute('href', target);
    else {
      // A page the offline file does not hold: keep the words, drop the link.
      const span = a.ownerDocument.createElement('span');
      span.innerHTML = a.innerHTML;
      a.replaceWith(span);
    }
  }
  for (const el of root.querySelectorAll('.print-permalink, .pager, form')) el.remove();
}

function fontsInline(css: string, fontDir: string): string {
  return css.replace(/@font-face\{[^}]*\}/g, (rule) => {
    const family = /font-family:([^;}]+)/.exec(rule)?.[1]?.trim();
    if (!family || !KATEX_FAMILIES.includes(family)) return '';
    return rule.replace(/url\(fonts\/([^)]+\.woff2)\)/g, (_m, file: string) => {
      const data = readFileSync(join(fontDir, file)).toString('base64');
      return `url(data:font/woff2;base64,${data})`;
    });
  });
}

async function bundle(entry: string): Promise<string> {
  // Destructuring is left as written, as the site's own build (Vite) leaves it: esbuild 0.27.7
  // lists Safari before 14.1 as lacking it, for a WebKit bug with array-rest patterns whose right
  // side is an array literal (`[a, ...b] = [x, y]`), which neither this code nor Floating UI
  // (the panels' placement) contains, and esbuild cannot rewrite destructuring, only refuse it.
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    format: 'iife',
    minify: true,
    write: false,
    target: ['chrome86', 'edge86', 'firefox78', 'safari14'],
    supported: { destructuring: true },
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}

/** The offline edition's HTML. */
export async function buildOffline(input: OfflineInput): Promise<string> {
  const { dist, base, edition } = input;
  const chapters = edition.chapters.map((c) => c.slug);
  const page = (path: string) => parseHTML(readFileSync(join(dist, path, 'index.html'), 'utf8')).document;

  const home = page('');
  const toc = home.querySelector('.toc')!;
  relink(toc, base, undefined, chapters);
  toc.id = 'contents';

  const sections: string[] = [];
  const styles = new Set<string>();
  for (const slug of chapters) {
    const doc = page(`${slug}/`);
    for (const link of doc.querySelectorAll('link[rel="stylesheet"]')) styles.add(link.getAttribute('href')!);
    const article = doc.querySelector('article.chapter')!;
    relink(article, base, slug, chapters);
    const title = doc.querySelector('title')!.textContent!.split(' | ')[0];
    for (const notes of article.querySelectorAll('.chapter-notes')) notes.setAttribute('aria-label', `编者注：${title}`);
    // A plain wrapper, not a landmark: the part inside is already a region named by its heading.
    sections.push(`<div id="chapter-${slug}" class="offline-chapter">${article.outerHTML}</div>`);
  }
  // The glossary and its popover, where the edition has a glossary.
  let glossary = '';
  let popover = '';
  let summaries = '';
  if (edition.paths.glossary) {
    const glossaryDoc = page('glossary/');
    for (const link of glossaryDoc.querySelectorAll('link[rel="stylesheet"]')) styles.add(link.getAttribute('href')!);
    const article = glossaryDoc.querySelector('article.glossary')!;
    relink(article, base, undefined, chapters);
    glossary = `<section id="glossary" class="offline-glossary" aria-label="名词解释">${article.outerHTML}</section>`;
    const shell = page(`${chapters[1]}/`).querySelector('#term-popover')!;
    shell.removeAttribute('data-summaries');
    relink(shell, base, undefined, chapters);
    popover = shell.outerHTML;
    const data = readFileSync(join(dist, 'glossary-summaries.json'), 'utf8').replace(/</g, '\\u003c');
    summaries = `<script type="application/json" id="glossary-summaries-data">${data}</script>`;
  }

  let css = '';
  for (const href of styles) {
    const file = href.slice(base.length);
    const text = readFileSync(join(dist, file), 'utf8');
    css += file.endsWith('katex.min.css') ? fontsInline(text, join(dist, input.katexDir, 'fonts')) : text;
    css += '\n';
  }
  css += readFileSync(join(SRC, 'offline/offline.css'), 'utf8');

  const themeInit = readFileSync(join(SRC, 'scripts/theme-init.js'), 'utf8');
  const app = await bundle(join(SRC, 'offline/offline-app.ts'));
  const records = input.records
    .filter((r) => r.meta.kind === 'paragraph')
    .map((r) => {
      const m = r.meta as Extract<SearchRecord['meta'], { kind: 'paragraph' }>;
      return { n: Number(m.n), label: [m.chapterLabel, m.sectionTitle].filter(Boolean).join(' · '), text: m.text };
    });
  // JSON inside <script type="application/json">: escape "<" so no text can close the element.
  const json = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c');
  const favicon = `data:image/svg+xml;base64,${readFileSync(join(SRC, 'assets/favicon.svg')).toString('base64')}`;
  const csp = [
    "default-src 'none'",
    `script-src ${sha256(themeInit)} ${sha256(app)}`,
    `style-src ${sha256(css)}`,
    'font-src data:',
    'img-src data:',
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');

  return `<!DOCTYPE html>
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
<body class="page-offline">
<a class="skip-link" href="#main" data-edition-ui>跳到正文</a>
<header class="site-header" data-edition-ui>
<div class="site-header__inner">
<a class="site-name" href="#contents"><span class="site-name__title">政府工作报告</span><span class="site-name__sub">${edition.shortName} ${edition.year} · 阅读注释版 · 离线版</span></a>
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
<div class="offline-intro" data-edition-ui><p>本文件是网站的离线版：报告全文、${edition.paths.glossary ? '名词解释与' : ''}全文搜索都在这一个文件里，不需要网络，也不需要安装任何软件。段落编号与网站相同，引用时请写明段落号（如“第${exampleParagraph(edition)}段”）。</p></div>
${toc.outerHTML}
${sections.join('\n')}
${glossary}
</main>
${popover}
<script type="application/json" id="offline-records">${json(records)}</script>
${summaries}
<script>${app}</script>
</body>
</html>
`;
}
