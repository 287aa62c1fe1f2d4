/**
 * The search benchmark through the real built index and the real search code, in Node:
 * recall 100 % (every paragraph that contains the query is listed) and precision ≥ 95 %
 * (listed paragraphs really contain it), over every committed query.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { loadNodeSearch, type NodeSearch } from '../support/pagefind-node.ts';
import { benchmarkQueries, expectedParagraphs } from '../support/search-oracle.ts';

const queries = benchmarkQueries();
let engine: NodeSearch;
const totals = { expected: 0, listed: 0, correct: 0 };

beforeAll(async () => {
  engine = await loadNodeSearch();
});

describe('the committed benchmark', () => {
  test('has at least 40 queries of every kind', () => {
    expect(queries.length).toBeGreaterThanOrEqual(40);
    const kinds = new Set(queries.map((q) => q.kind));
    for (const kind of ['single character', 'two characters', 'phrase across word boundaries', 'Latin and digits', 'several terms', 'glossary term', 'nothing'])
      expect(kinds).toContain(kind);
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
  expect(totals.expected).toBeGreaterThan(100);
  expect(recall).toBe(1);
  expect(precision).toBeGreaterThanOrEqual(0.95);
});

test('glossary entries are their own kind of result', async () => {
  const outcome = await engine.search('亩均');
  expect(outcome.glossary.map((g) => g.term)).toContain('亩均论英雄');
  expect(outcome.glossary[0]!.kind).toBe('glossary');
  expect(outcome.paragraphs.every((p) => p.kind === 'paragraph')).toBe(true);
});

test('results carry what a result shows: ¶, chapter, section, matches', async () => {
  const outcome = await engine.search('5G基站');
  const hit = outcome.paragraphs[0]!;
  expect(hit).toMatchObject({ chapter: expect.any(String), chapterLabel: expect.stringMatching(/部分|卷首/) });
  expect(Array.from(hit.text).slice(hit.matches[0]!.start, hit.matches[0]!.end).join('')).toBe('5G基站');
});

test('best first: the paragraph with the most occurrences leads', async () => {
  const outcome = await engine.search('疫情');
  expect(outcome.paragraphs[0]!.score).toBeGreaterThanOrEqual(outcome.paragraphs.at(-1)!.score);
});
