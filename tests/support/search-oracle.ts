/**
 * The benchmark's queries and their expected answers. Expected paragraphs are computed from the
 * source text with nothing but string search: every paragraph that contains every
 * space-separated term (case-insensitive). Written apart from the search code on purpose, so
 * the two can disagree.
 *
 * Every edition gets queries taken from its own text (`derivedQueries`); an edition may commit a
 * benchmark of its own as `tests/search-queries.json` in its folder, which runs as well.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { currentEdition } from '../../src/edition/load-edition.ts';
import { loadSource } from '../../src/report/source.ts';

export interface BenchmarkQuery {
  q: string;
  kind: string;
}

/** The edition's committed benchmark, if it has one. */
export function committedQueries(): BenchmarkQuery[] {
  const file = join(currentEdition().dir, 'tests/search-queries.json');
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')).queries : [];
}

/** Runs of Chinese characters in a paragraph, so a query never straddles punctuation. */
const hanRuns = (text: string) => text.match(/\p{Script=Han}+/gu) ?? [];

/**
 * Queries any report yields: from eight paragraphs spread over the report, a character, two
 * characters and a five-character phrase; each paragraph's first run of Latin letters and
 * digits; two terms of one paragraph together; the glossary's terms; and characters the report
 * does not contain.
 */
export function derivedQueries(): BenchmarkQuery[] {
  const paragraphs = loadSource().paragraphs;
  const out: BenchmarkQuery[] = [];
  for (let i = 0; i < 8; i++) {
    const p = paragraphs[Math.floor((i * paragraphs.length) / 8)]!;
    const runs = hanRuns(p.text).filter((r) => r.length >= 5);
    const run = runs[Math.floor(runs.length / 2)];
    if (run) {
      const chars = Array.from(run);
      out.push({ q: chars[2]!, kind: 'single character' }, { q: chars.slice(1, 3).join(''), kind: 'two characters' }, { q: chars.slice(0, 5).join(''), kind: 'phrase' });
      const other = runs.find((r) => r !== run);
      if (other) out.push({ q: `${Array.from(other).slice(0, 2).join('')} ${chars.slice(3, 5).join('')}`, kind: 'several terms' });
    }
    const latin = /[A-Za-z0-9][A-Za-z0-9.%]*[A-Za-z0-9%]/.exec(p.text)?.[0];
    if (latin) out.push({ q: latin, kind: 'Latin and digits' });
  }
  const glossary = currentEdition().paths.glossary;
  if (glossary)
    for (const name of readdirSync(glossary).sort().slice(0, 5)) {
      const term = /^term:\s*(.+)$/m.exec(readFileSync(join(glossary, name), 'utf8'))?.[1]?.trim();
      if (term && expectedParagraphs(term).length) out.push({ q: term, kind: 'glossary term' });
    }
  out.push({ q: '龘靐', kind: 'nothing' }, { q: 'zqxj', kind: 'nothing' });
  const seen = new Set<string>();
  return out.filter((q) => !seen.has(q.q) && seen.add(q.q));
}

/** The committed benchmark, then the derived queries it does not already hold. */
export function benchmarkQueries(): BenchmarkQuery[] {
  const committed = committedQueries();
  const known = new Set(committed.map((q) => q.q));
  return [...committed, ...derivedQueries().filter((q) => !known.has(q.q))];
}

/** ¶ numbers of the paragraphs that contain every term of the query. */
export function expectedParagraphs(query: string): number[] {
  const terms = query.toLowerCase().split(/\s+/).filter(Boolean);
  return loadSource()
    .paragraphs.filter((p) => terms.every((t) => p.text.toLowerCase().includes(t)))
    .map((p) => p.n);
}
