/**
 * The search benchmark through the real built index and the real search code, in Node:
 * recall 100 % (every paragraph that contains the query is listed) and precision ≥ 95 %
 * (listed paragraphs really contain it), over the edition's committed queries (if it has any)
 * and queries taken from its own text.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { currentEdition } from '../../src/edition/load-edition.ts';
import { loadNodeSearch, type NodeSearch } from '../support/pagefind-node.ts';
import { benchmarkQueries, committedQueries, derivedQueries, expectedParagraphs } from '../support/search-oracle.ts';

const queries = benchmarkQueries();
const derived = derivedQueries();
let engine: NodeSearch;
const totals = { expected: 0, listed: 0, correct: 0 };

beforeAll(async () => {
  engine = await loadNodeSearch();
});

describe('the benchmark', () => {
  test('a committed benchmark has at least 40 queries of every kind', () => {
    const committed = committedQueries();
    if (committed.length === 0) return;
    expect(committed.length).toBeGreaterThanOrEqual(40);
    const kinds = new Set(committed.map((q) => q.kind));
    for (const kind of ['single character', 'two characters', 'phrase across word boundaries', 'Latin and digits', 'several terms', 'glossary term', 'nothing'])
      expect(kinds).toContain(kind);
  });

  test('the queries taken from the text cover every kind this report allows', () => {
    const kinds = new Set(derived.map((q) => q.kind));
    for (const kind of ['single character', 'two characters', 'phrase', 'several terms', 'nothing']) expect(kinds).toContain(kind);
    if (currentEdition().paths.glossary) expect(kinds).toContain('glossary term');
  });

  test('queries meant to find nothing really have no paragraph in the source', () => {
    for (const q of queries.filter((x) => x.kind === 'nothing')) expect(expectedParagraphs(q.q), q.q).toEqual([]);
    for (const q of queries.filter((x) => x.kind !== 'nothing')) expect(expectedParagraphs(q.q).length, q.q).toBeGreaterThan(0);
  });
});

describe.each(queries)('$q ($kind)', ({ q }) => {
  test('lists every paragraph that contains it, and only those', async () => {
    const expected = expectedParagraphs(q);
    const outcome = await engine.search(q);
    const listed = outcome.paragraphs.map((p) => Number(p.n));
    totals.expected += expected.length;
    totals.listed += listed.length;
    totals.correct += listed.filter((n) => expected.includes(n)).length;
    expect(new Set(listed).size, 'a paragraph listed twice').toBe(listed.length);
    expect(expected.filter((n) => !listed.includes(n)), 'missed paragraphs (recall)').toEqual([]);
    expect(listed.filter((n) => !expected.includes(n)), 'paragraphs that do not contain it (precision)').toEqual([]);
  });
});

test('over the whole benchmark: recall 100 %, precision ≥ 95 %', () => {
  const recall = totals.correct / totals.expected;
  const precision = totals.listed ? totals.correct / totals.listed : 1;
  expect(totals.expected).toBeGreaterThan(20);
  expect(recall).toBe(1);
  expect(precision).toBeGreaterThanOrEqual(0.95);
});

test('glossary entries are their own kind of result, and only where the edition has a glossary', async () => {
  const term = derived.find((q) => q.kind === 'glossary term')?.q;
  if (!currentEdition().paths.glossary) {
    const phrase = derived.find((q) => q.kind === 'two characters')!.q;
    expect((await engine.search(phrase)).glossary).toEqual([]);
    return;
  }
  const outcome = await engine.search(term!);
  expect(outcome.glossary.map((g) => g.term)).toContain(term);
  expect(outcome.glossary[0]!.kind).toBe('glossary');
  expect(outcome.paragraphs.every((p) => p.kind === 'paragraph')).toBe(true);
});

test('results carry what a result shows: ¶, chapter, section, matches', async () => {
  const phrase = derived.find((q) => q.kind === 'phrase')!.q;
  const hit = (await engine.search(phrase)).paragraphs[0]!;
  expect(hit).toMatchObject({ chapter: expect.any(String), chapterLabel: expect.stringMatching(/部分|卷首/) });
  expect(Array.from(hit.text).slice(hit.matches[0]!.start, hit.matches[0]!.end).join('')).toBe(phrase);
});

test('best first: results are ordered by score', async () => {
  const outcome = await engine.search(derived.find((q) => q.kind === 'single character')!.q);
  const scores = outcome.paragraphs.map((p) => p.score);
  expect(scores).toEqual([...scores].sort((a, b) => b - a));
});
