/**
 * The book's 主要指标: the site's indicator tables and charts as tables, each row linked to the paragraph
 * it comes from in the book. The CSV and JSON downloads are files of the site, not of the book:
 * their links go to the web when the edition's address is known, and are left out otherwise,
 * together with the sentence that offers them.
 */
import { FILES, type LinkContext } from './book-files.ts';
import { xhtmlDocument } from './document.ts';
import { element, relink, removeAll, unwrap } from './dom.ts';
import type { BackMatter } from './glossary.ts';
import { katexToMathml } from './math.ts';
import { toXhtml } from './xhtml.ts';

export function bookIndicators(page: Document, language: string, links: Omit<LinkContext, 'file'>): BackMatter {
  const article = page.querySelector('article.indicators');
  if (!article) throw new Error('EPUB：indicators/ 页中没有 article.indicators。');
  if (!links.publicUrl) {
    removeAll(article, '.indicator-table__downloads');
    const intro = article.querySelector('h1 + p');
    if (intro) {
      const sentences = (intro.textContent ?? '').trim().split(/(?<=。)/);
      intro.textContent = sentences
        .map((s) => s.trim())
        .filter((s) => !/下载|CSV|JSON/.test(s))
        .join('');
    }
  }
  // A chart is drawn for the screen (its colours are the site's theme); the book gives its
  // title, summary, source line and data table, which hold every value the drawing shows.
  removeAll(article, '.chart__panels, .chart__data > summary');
  for (const details of [...article.querySelectorAll('details.chart__data')]) unwrap(details);
  const hasMath = katexToMathml(article) > 0;
  relink(article, { ...links, file: FILES.indicators });
  const h1 = article.querySelector('h1');
  h1?.setAttribute('id', 'indicators-h');
  const section = element(page, 'section', { class: 'indicators', 'aria-labelledby': 'indicators-h', 'data-edition-ui': '' });
  section.append(...article.childNodes);
  return {
    file: FILES.indicators,
    title: '主要指标',
    xhtml: xhtmlDocument({ language, title: '主要指标', body: toXhtml(section), bodyType: 'backmatter' }),
    hasMath,
  };
}
