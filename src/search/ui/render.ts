/**
 * Renders search outcomes as DOM, for the header's panel and the search page alike. Text is
 * always set as text, never as HTML.
 */
import type { GlossaryHit, ParagraphHit, SearchOutcome } from '../engine.ts';
import { url } from '../../site/urls.ts';
import { excerpt } from '../tokens.ts';

/** The chapter URL of a hit, carrying the terms so the paragraph can highlight them. */
export function paragraphHref(hit: ParagraphHit, terms: readonly string[]): string {
  return `${url(`${hit.chapter}/`)}?hl=${encodeURIComponent(terms.join(' '))}#p-${hit.n}`;
}

export function glossaryHref(hit: GlossaryHit): string {
  return url(`glossary/#${hit.id}`);
}

export function searchPageHref(query: string): string {
  return url(`search/?q=${encodeURIComponent(query)}`);
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** An excerpt with the matches in <mark>. */
function excerptNode(text: string, hit: { matches: ParagraphHit['matches'] }, length: number): HTMLElement {
  const span = el('span', 'result__excerpt');
  for (const part of excerpt(text, hit.matches, length)) span.append(part.hit ? el('mark', undefined, part.text) : part.text);
  return span;
}

/** One paragraph result: ¶N, chapter and section, the excerpt. */
export function paragraphItem(hit: ParagraphHit, terms: readonly string[], excerptLength = 90): HTMLAnchorElement {
  const a = el('a', 'result result--paragraph');
  a.href = paragraphHref(hit, terms);
  const meta = el('span', 'result__meta');
  meta.append(el('span', 'result__pnum', `¶${hit.n}`), el('span', 'result__where', [hit.chapterLabel, hit.sectionTitle].filter(Boolean).join(' · ')));
  a.append(meta, excerptNode(hit.text, hit, excerptLength));
  return a;
}

/** One glossary result: the term, its short definition. */
export function glossaryItem(hit: GlossaryHit): HTMLAnchorElement {
  const a = el('a', 'result result--glossary');
  a.href = glossaryHref(hit);
  const meta = el('span', 'result__meta');
  meta.append(el('span', 'result__kind', '名词解释'), el('span', 'result__term', hit.term));
  a.append(meta, el('span', 'result__excerpt', hit.summary));
  return a;
}

/** The status line: how many paragraphs, or that there are none. */
export function statusText(outcome: SearchOutcome): string {
  const { paragraphs, glossary, query } = outcome;
  if (!outcome.terms.length) return '';
  if (paragraphs.length === 0 && glossary.length === 0) return `没有找到包含“${query.trim()}”的段落。`;
  const parts = [`${paragraphs.length} 个段落`];
  if (glossary.length) parts.push(`${glossary.length} 条名词解释`);
  return `找到 ${parts.join('、')}。`;
}

/**
 * Suggestions for a search that found nothing: shorter forms of each term, and glossary terms
 * that share characters with the query.
 */
export function suggestions(outcome: SearchOutcome, glossaryTerms: readonly string[]): string[] {
  const out = new Set<string>();
  if (outcome.terms.length > 1) for (const t of outcome.terms) out.add(t);
  for (const term of outcome.terms) {
    const chars = Array.from(term);
    if (chars.length > 2) {
      out.add(chars.slice(0, Math.ceil(chars.length / 2)).join(''));
      out.add(chars.slice(Math.floor(chars.length / 2)).join(''));
    }
  }
  const wanted = new Set(Array.from(outcome.terms.join('')));
  const related = glossaryTerms
    .map((t) => ({ t, shared: Array.from(t).filter((c) => wanted.has(c)).length }))
    .filter((x) => x.shared >= Math.min(2, wanted.size))
    .sort((a, b) => b.shared - a.shared)
    .slice(0, 6)
    .map((x) => x.t);
  for (const t of related) out.add(t);
  out.delete(outcome.query.trim());
  return [...out].slice(0, 8);
}
