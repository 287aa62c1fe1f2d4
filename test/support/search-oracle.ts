/**
 * The benchmark's expected answers, computed from the source text with nothing but string
 * search: every paragraph that contains every space-separated term (case-insensitive). Written
 * apart from the search code on purpose, so the two can disagree.
 */
import { readFileSync } from 'node:fs';
import { loadSource } from '../../src/report/source.ts';

export interface BenchmarkQuery {
  q: string;
  kind: string;
}

export function benchmarkQueries(): BenchmarkQuery[] {
  return JSON.parse(readFileSync('test/fixtures/search-queries.json', 'utf8')).queries;
}

/** ¶ numbers of the paragraphs that contain every term of the query. */
export function expectedParagraphs(query: string): number[] {
  const terms = query.toLowerCase().split(/\s+/).filter(Boolean);
  return loadSource()
    .paragraphs.filter((p) => terms.every((t) => p.text.toLowerCase().includes(t)))
    .map((p) => p.n);
}
