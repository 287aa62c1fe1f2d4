/**
 * The book's 关于本版 (named as on the site, since the editorial notes refer to it by that name):
 * what a reader of the book needs to know that the book itself does not show. The site's page gives the source, the numbering rules and the record of emendations (the
 * editorial notes point there), carried over section for section; the rest of that page is about
 * the site (selecting text, annotations in the browser, deployment) and is left out. Added here:
 * how the book marks what the edition added, where the edition is on the web, and the book's
 * accessibility, in the same words as its metadata.
 */
import type { Edition } from '../edition/load-edition.ts';
import type { AccessibilityMetadata } from './accessibility.ts';
import { ABOUT_SECTIONS, FILES, type LinkContext } from './book-files.ts';
import { xhtmlDocument } from './document.ts';
import { relink } from './dom.ts';
import type { BackMatter } from './glossary.ts';
import { katexToMathml } from './math.ts';
import { escapeAttribute, escapeText, toXhtml } from './xhtml.ts';

/** The `<h2 id>` of the about page and what follows it up to the next `<h2>`, as XHTML. */
function section(article: Element, id: string, links: LinkContext): string {
  const heading = article.querySelector(`h2#${id}`);
  if (!heading) return '';
  const parts: Element[] = [heading];
  for (let next = heading.nextElementSibling; next && next.localName !== 'h2'; next = next.nextElementSibling) {
    // The link back to the home page closes the page; it is not part of the section.
    if (next.localName === 'p' && next.querySelector(`a[href="${links.base}"]`) && next.children.length === 1) continue;
    parts.push(next);
  }
  for (const el of parts) {
    relink(el, links);
    // Hidden on the site, where the heading says it; a reading system shows it as the table's caption.
    for (const hidden of el.querySelectorAll('.visually-hidden')) hidden.classList.remove('visually-hidden');
  }
  return parts.map(toXhtml).join('\n');
}

export function bookAbout(
  page: Document,
  edition: Pick<Edition, 'language' | 'publicUrl' | 'issuer'>,
  links: Omit<LinkContext, 'file'>,
  accessibility: AccessibilityMetadata,
): BackMatter {
  const context: LinkContext = { ...links, file: FILES.about };
  const article = page.querySelector('main article');
  if (!article) throw new Error('EPUB：about/ 页中没有正文（main article）。');
  const hasMath = katexToMathml(article) > 0;
  const carried = ABOUT_SECTIONS.map((id) => section(article, id, context)).filter(Boolean);

  const web = edition.publicUrl
    ? `<p>本版的网络版地址是 <a href="${escapeAttribute(edition.publicUrl)}">${escapeText(edition.publicUrl)}</a>。书中每段前的编号（¶）链接到该段在网络版中的固定链接，网络版另有全文搜索、引用与批注等功能。</p>`
    : '<p>本书与网络版出自同一底本和同一套编辑内容，段落编号（¶）相同：在网络版中，第 N 段的固定链接是网站地址后加 <code>p/N/</code>。本书没有记录网络版的地址，请向发布单位了解。</p>';

  const body = `<section class="about" aria-labelledby="about-h" data-edition-ui="">
<h1 id="about-h">关于本版</h1>
<p>本书是网络版“阅读注释版”的 EPUB 电子书，收录报告全文及本版所加的注释，内容与网络版相同。</p>
<h2 id="book-conventions">编辑体例</h2>
<ul>
<li>报告正文逐字照录；每段之前的段落编号（¶）和各章开头的说明，以及编者注、名词简释、对照阅读，都是本版所加，在文件中带有 <code>data-edition-ui</code> 属性，可据此与原文分开。</li>
<li>第 N 段是 <code>id="p-N"</code> 的元素；去掉带 <code>data-edition-ui</code> 的部分后，其文字与底本第 N 段完全相同。</li>
<li>编者注和名词简释以脚注形式放在各章末尾，正文中的注号和名词链接到它们。</li>
</ul>
<h2 id="web">网络版</h2>
${web}
${carried.join('\n')}
<h2 id="accessibility">无障碍说明</h2>
<p>${escapeText(accessibility.accessibilitySummary)}</p>
</section>`;
  return {
    file: FILES.about,
    title: '关于本版',
    xhtml: xhtmlDocument({ language: edition.language, title: '关于本版', body, bodyType: 'backmatter' }),
    hasMath,
  };
}
