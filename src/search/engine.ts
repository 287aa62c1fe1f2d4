/**
 * The edition's search: a reader's query in, every paragraph and glossary entry that contains
 * it out, best first. Pagefind finds the candidates from the bigram index; each candidate's
 * text is then checked, so a result always really contains every term. The same code runs in
 * the browser and in the Node tests, against the same built index.
 */
import type { GlossaryRecordMeta, ParagraphRecordMeta, RecordMeta } from './records.ts';
import { containsAll, findMatches, parseQuery, queryTokens, score, type Match } from './tokens.ts';

/** The part of Pagefind's JS API the edition uses. */
export interface PagefindApi {
  init?(): Promise<void>;
  options?(options: Record<string, unknown>): Promise<void>;
  search(query: string): Promise<{ results: { id: string; data(): Promise<{ meta: Record<string, string> }> }[] } | null>;
}

export interface ParagraphHit extends ParagraphRecordMeta {
  matches: Match[];
  score: number;
}

export interface GlossaryHit extends GlossaryRecordMeta {
  matches: Match[];
  score: number;
}

export interface SearchOutcome {
  query: string;
  terms: string[];
  paragraphs: ParagraphHit[];
  glossary: GlossaryHit[];
  /** How many records Pagefind proposed before checking. */
  candidates: number;
}

/** Search over a loaded Pagefind module. */
export function createSearch(pagefind: PagefindApi) {
  return async function search(query: string): Promise<SearchOutcome> {
    const terms = parseQuery(query);
    const outcome: SearchOutcome = { query, terms, paragraphs: [], glossary: [], candidates: 0 };
    if (terms.length === 0) return outcome;
    const tokens = [...new Set(terms.flatMap(queryTokens))];
    const response = await pagefind.search(tokens.join(' '));
    const results = response?.results ?? [];
    outcome.candidates = results.length;
    const metas = await Promise.all(results.map(async (r) => (await r.data()).meta as unknown as RecordMeta));
    for (const meta of metas) {
      if (!containsAll(meta.text, terms)) continue;
      const hit = { ...meta, matches: findMatches(meta.text, terms), score: score(meta.text, terms) };
      if (hit.kind === 'paragraph') outcome.paragraphs.push(hit as ParagraphHit);
      else outcome.glossary.push(hit as GlossaryHit);
    }
    outcome.paragraphs.sort((a, b) => b.score - a.score || Number(a.n) - Number(b.n));
    // A glossary entry whose term or alias is the query comes first.
    const exact = (g: GlossaryHit) => (terms.some((t) => g.term === t || g.aliases.split('|').includes(t)) ? 1 : 0);
    outcome.glossary.sort((a, b) => exact(b) - exact(a) || b.score - a.score || a.term.localeCompare(b.term, 'zh-CN'));
    return outcome;
  };
}
