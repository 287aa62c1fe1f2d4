/**
 * The book's navigation document: the table of contents and the landmarks. The contents are
 * read from the built home page's 目录, so the book's outline is the site's: each chapter (the
 * opening, then one per part) with its sections, linked to the same `part-…` anchors. Before the
 * report comes the title page; after it the glossary, the indicator tables and 关于本版, where
 * the book has them.
 */
import { bookHref, chapterFile, FILES, type LinkContext } from './book-files.ts';
import { xhtmlDocument } from './document.ts';
import { escapeAttribute, escapeText } from './xhtml.ts';

export interface NavEntry {
  title: string;
  href: string;
  children: NavEntry[];
}

const titleOf = (link: Element) => (link.querySelector('.toc__title')?.textContent ?? link.textContent ?? '').replace(/\s+/g, ' ').trim();

/** The chapters and sections of the home page's `.toc`, with their links in the book. */
export function outlineFromHome(home: Document, links: Omit<LinkContext, 'file'>): NavEntry[] {
  const context = { ...links, file: FILES.nav };
  const entries: NavEntry[] = [];
  for (const item of home.querySelectorAll('.toc__chapter')) {
    const link = item.querySelector('.toc__chapter-link');
    const href = link && bookHref(link.getAttribute('href') ?? '', context);
    if (!link || !href) continue;
    const children: NavEntry[] = [];
    for (const section of item.querySelectorAll('.toc__sections a')) {
      const target = bookHref(section.getAttribute('href') ?? '', context);
      if (target) children.push({ title: titleOf(section), href: target, children: [] });
    }
    entries.push({ title: titleOf(link), href, children });
  }
  return entries;
}

function list(entries: NavEntry[]): string {
  return `<ol>\n${entries
    .map((e) => `<li><a href="${escapeAttribute(e.href)}">${escapeText(e.title)}</a>${e.children.length ? '\n' + list(e.children) : ''}</li>`)
    .join('\n')}\n</ol>`;
}

export interface NavInput {
  language: string;
  outline: NavEntry[];
  /** Chapter slugs in reading order: the first is where the body begins. */
  slugs: readonly string[];
  hasGlossary: boolean;
  hasIndicators: boolean;
}

/** The whole table of contents: the title page, the report's outline, then what follows it. */
export function bookContents(input: NavInput): NavEntry[] {
  const entries: NavEntry[] = [{ title: '封面', href: FILES.cover, children: [] }, ...input.outline];
  if (input.hasGlossary) entries.push({ title: '名词解释', href: FILES.glossary, children: [] });
  if (input.hasIndicators) entries.push({ title: '主要指标', href: FILES.indicators, children: [] });
  entries.push({ title: '关于本版', href: FILES.about, children: [] });
  return entries;
}

export function navDocument(input: NavInput): string {

  const landmarks = [
    `<li><a epub:type="cover" href="${FILES.cover}">封面</a></li>`,
    `<li><a epub:type="toc" href="${FILES.nav}#toc">目录</a></li>`,
    `<li><a epub:type="bodymatter" href="${chapterFile(input.slugs[0]!)}">正文</a></li>`,
    input.hasGlossary ? `<li><a epub:type="glossary" href="${FILES.glossary}">名词解释</a></li>` : '',
  ].filter(Boolean);

  const body = `<nav epub:type="toc" role="doc-toc" id="toc" aria-labelledby="toc-h">
<h1 id="toc-h">目录</h1>
${list(bookContents(input))}
</nav>
<nav epub:type="landmarks" id="landmarks" aria-labelledby="landmarks-h" hidden="hidden">
<h2 id="landmarks-h">导览</h2>
<ol>
${landmarks.join('\n')}
</ol>
</nav>`;
  return xhtmlDocument({ language: input.language, title: '目录', body, bodyType: 'frontmatter' });
}
