/**
 * One chapter of the book, made from the chapter's built page: the page's `article.chapter`
 * with what only a browser needs taken out and the notes turned into EPUB footnotes. The text
 * of the report is not touched, so the paragraph contract holds in the book as on the site:
 * `#p-N` holds exactly source line N once the `data-edition-ui` elements are left out.
 *
 * - Editorial notes (数据核对, 编者注) become `<aside epub:type="footnote">` at the chapter's end,
 *   their markers `epub:type="noteref"` links: a reading system shows them as pop-ups or as
 *   notes after the text, instead of boxes between paragraphs. The print-only list of the same
 *   notes is dropped.
 * - A glossary term links to a footnote with the term's short explanation (one per term and
 *   chapter, at the end), which links on to the full entry in the book's glossary.
 * - Formulas are MathML (`math.ts`).
 * - The ¶ number stays before its paragraph; it links to the paragraph's permalink on the web
 *   when the edition's address is known, and the chapter says how ¶N is found on the web.
 */
import type { Edition } from '../edition/load-edition.ts';
import { entryIdFor } from '../glossary/anchor.ts';
import { chapterFile, FILES, webPermalink, type LinkContext } from './book-files.ts';
import { xhtmlDocument } from './document.ts';
import { element, relink, removeAll, unwrap } from './dom.ts';
import { katexToMathml } from './math.ts';
import { toXhtml } from './xhtml.ts';

/** A glossary entry's short form: the glossary's `glossary-summaries.json`. */
export type GlossarySummaries = Record<string, { term: string; summary: string }>;

export interface ChapterInput {
  /** The chapter's built page. */
  page: Document;
  slug: string;
  /** ¶ numbers of the chapter, in order. */
  paragraphs: readonly number[];
  edition: Pick<Edition, 'language' | 'publicUrl'>;
  links: Omit<LinkContext, 'file'>;
  summaries?: GlossarySummaries;
}

export interface BookChapter {
  file: string;
  title: string;
  xhtml: string;
  hasMath: boolean;
  /** Glossary entries the chapter's footnotes explain. */
  terms: string[];
  notes: number;
}

const footnote = (document: Document, id: string, className: string) =>
  element(document, 'aside', { id, class: className, 'epub:type': 'footnote', role: 'doc-footnote', 'data-edition-ui': '' });

/** The ids of the notes' headings, unique inside a chapter. */
const NOTES_HEADING = 'footnotes-notes-h';
const TERMS_HEADING = 'footnotes-terms-h';

export function bookChapter(input: ChapterInput): BookChapter {
  const { page, slug, edition } = input;
  const file = chapterFile(slug);
  const links: LinkContext = { ...input.links, file };
  const article = page.querySelector('article.chapter');
  if (!article) throw new Error(`EPUB：${slug}/ 页中没有 article.chapter。`);
  const title = (page.querySelector('title')?.textContent ?? slug).split(' | ')[0]!.trim();

  // The small chart beside a paragraph repeats figures of the 主要指标 back matter, where the
  // book gives each chart's numbers as its table.
  removeAll(article, '.print-permalink, figure.chart');
  const hasMath = katexToMathml(article) > 0;

  // Editorial notes: out of the text, into footnotes at the end, in the order they are cited.
  const notes: Element[] = [];
  for (const note of [...article.querySelectorAll('.note')]) {
    const aside = footnote(page, note.id, 'note');
    const label = note.getAttribute('aria-label');
    if (label) aside.setAttribute('aria-label', label);
    aside.append(...note.childNodes);
    notes.push(aside);
    note.remove();
  }
  for (const ref of article.querySelectorAll('.note-ref a[href^="#"]')) {
    ref.setAttribute('epub:type', 'noteref');
    ref.setAttribute('role', 'doc-noteref');
  }
  for (const block of [...article.querySelectorAll('.para-block')]) unwrap(block);

  // Glossary terms: each links to its footnote; one footnote per term in this chapter.
  const terms = new Map<string, string>();
  for (const a of [...article.querySelectorAll('a.term')]) {
    // Named by its headword or its id (src/glossary/anchor.ts); the book's glossary keeps the ids.
    const fragment = (a.getAttribute('href') ?? '').split('#')[1];
    const id = fragment && input.summaries ? entryIdFor(fragment, input.summaries) : undefined;
    const entry = id ? input.summaries?.[id] : undefined;
    if (!id || !entry) {
      unwrap(a);
      continue;
    }
    a.setAttribute('href', `#term-${id}`);
    a.setAttribute('epub:type', 'noteref');
    a.setAttribute('role', 'doc-noteref');
    terms.set(id, entry.term);
  }

  // The ¶ numbers: a link to the paragraph on the web, or the number alone.
  for (const a of [...article.querySelectorAll('a.pnum')]) {
    const n = Number((a.getAttribute('href') ?? '').replace('#p-', ''));
    const web = webPermalink(edition, n);
    if (web) a.setAttribute('href', web);
    else a.replaceWith(element(page, 'span', { class: 'pnum', 'data-edition-ui': '' }, a.textContent ?? ''));
  }
  relink(article, links);
  for (const note of notes) relink(note, links);

  // Where the chapter's paragraphs are on the web.
  const kicker = article.querySelector('.chapter__kicker');
  const where = element(page, 'p', { class: 'web-location', 'data-edition-ui': '' });
  const first = input.paragraphs[0] ?? 1;
  if (edition.publicUrl) {
    const chapterUrl = `${edition.publicUrl}${slug}/`;
    where.append('本章在网络版中的网址：', element(page, 'a', { href: chapterUrl }, chapterUrl), '。点段落编号（¶）即打开该段在网络版中的固定链接。');
  } else {
    where.append('段落编号（¶）与网络版相同：在网络版中，第 N 段的固定链接是网站地址后加 ', element(page, 'code', {}, 'p/N/'), '，如本章第一段是 ', element(page, 'code', {}, `p/${first}/`), '。');
  }
  if (kicker) kicker.after(where);
  else article.prepend(where);

  // The part is the chapter.
  const part = article.querySelector('section.part');
  if (part) {
    part.setAttribute('epub:type', 'chapter');
    part.setAttribute('role', 'doc-chapter');
  }

  let footnotes = '';
  if (notes.length) {
    const section = element(page, 'section', { class: 'footnotes', 'data-edition-ui': '', 'aria-labelledby': NOTES_HEADING });
    section.append('\n', element(page, 'h2', { id: NOTES_HEADING }, '编者注'));
    for (const note of notes) section.append('\n', note);
    footnotes += toXhtml(section) + '\n';
  }
  if (terms.size) {
    const section = element(page, 'section', { class: 'footnotes', 'data-edition-ui': '', 'aria-labelledby': TERMS_HEADING });
    section.append('\n', element(page, 'h2', { id: TERMS_HEADING }, '本章名词'));
    for (const [id, term] of terms) {
      const aside = footnote(page, `term-${id}`, 'term-note');
      const p = element(page, 'p');
      p.append(element(page, 'dfn', {}, term), `：${input.summaries![id]!.summary}`, ' ', element(page, 'a', { href: `${FILES.glossary}#${id}` }, '详见名词解释'));
      aside.append(p);
      section.append('\n', aside);
    }
    footnotes += toXhtml(section) + '\n';
  }

  const body = [...article.childNodes].map(toXhtml).join('').trim() + '\n' + footnotes;
  return {
    file,
    title,
    xhtml: xhtmlDocument({ language: edition.language, title, body: `<div class="chapter">\n${body}</div>`, bodyType: 'bodymatter' }),
    hasMath,
    terms: [...terms.keys()],
    notes: notes.length,
  };
}
