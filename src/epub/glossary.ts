/**
 * The book's glossary: the site's 名词解释 page, entry for entry, so the full explanation a
 * chapter's footnote points to is the one the site shows. What speaks of the site (the intro's
 * "underlined words open a pop-up", the link back to the home page) is replaced or left out;
 * "见于 ¶N" links go to the paragraphs in the book.
 */
import { dropHeadwordIds } from '../glossary/headword-ids.ts';
import { FILES, type LinkContext } from './book-files.ts';
import { xhtmlDocument } from './document.ts';
import { element, relink, removeAll, unwrap } from './dom.ts';
import { katexToMathml } from './math.ts';
import { toXhtml } from './xhtml.ts';

export interface BackMatter {
  file: string;
  title: string;
  xhtml: string;
  hasMath: boolean;
}

/** Drops a paragraph whose only content is a link to the site's home page ("返回目录"). */
export function dropHomeLinks(root: Element, base: string): void {
  for (const a of [...root.querySelectorAll(`a[href="${base}"]`)]) {
    const parent = a.parentElement;
    if (parent?.localName === 'p' && parent.textContent?.trim() === a.textContent?.trim()) parent.remove();
  }
}

export function bookGlossary(page: Document, language: string, links: Omit<LinkContext, 'file'>): BackMatter {
  const article = page.querySelector('article.glossary');
  if (!article) throw new Error('EPUB：glossary/ 页中没有 article.glossary。');
  dropHomeLinks(article, links.base);
  const hasMath = katexToMathml(article) > 0;
  const count = article.querySelectorAll('section.entry').length;
  const intro = article.querySelector('.glossary__intro');
  const text = element(page, 'p', { class: 'glossary__intro' });
  text.textContent = `本版为报告中的名词所作的 ${count} 条解释，与网络版相同，按类别分组、按拼音排序。来源（发布机关、年份、文件）只在可以确认时列出；标有“仅据报告”的条目，本版无法核实其详情，只转述报告本身的说法。正文各章末尾附有该章所出现名词的简要解释，点正文中的名词即可查看（阅读软件支持时以弹出注释显示）。`;
  if (intro) intro.replaceWith(text);
  // A heading that links to itself helps on a web page (a URL to share), not in a book.
  for (const a of [...article.querySelectorAll('a.entry__anchor')]) unwrap(a);
  // The headword on a heading is the site's term links' target (src/glossary/anchor.ts); the
  // book links by id, and one anchor an entry is enough.
  dropHeadwordIds(article);
  removeAll(article, 'script');
  relink(article, { ...links, file: FILES.glossary });

  const h1 = article.querySelector('h1');
  h1?.setAttribute('id', 'glossary-h');
  const section = element(page, 'section', { class: 'glossary', 'epub:type': 'glossary', role: 'doc-glossary', 'aria-labelledby': 'glossary-h', 'data-edition-ui': '' });
  section.append(...article.childNodes);
  return {
    file: FILES.glossary,
    title: '名词解释',
    xhtml: xhtmlDocument({ language, title: '名词解释', body: toXhtml(section), bodyType: 'backmatter' }),
    hasMath,
  };
}
