/**
 * The charts' figures are the report's: every value in `content/charts/` is found again, with its
 * unit, in the words it is quoted with, and those words in its paragraph; and where an indicator
 * table gives the same indicator, scope and paragraph, the two agree. The loader has already
 * checked the shape (`src/charts/load-charts.ts`); this checks the data against the text.
 *
 * The rules, as the charts' files state them:
 * - `quote` stands verbatim in ¶`paragraph`;
 * - `text` followed by the row's `unit` stands in `quote`, not as the tail of a longer number
 *   (a `%以上` or `超过` around it stays in the quote, the unit is `%`);
 * - a scope other than 未注明 is written in the quote (a “分别” clause is quoted from the scope to
 *   the number); a quote of a row with scope 未注明 names neither 全市 nor 市级;
 * - a point not marked `impliedYear` is in a paragraph that writes its series' year;
 * - a table row and a point agree when they name the same ¶, the same scope and the same
 *   indicator (the table's indicator without its bracketed gloss, e.g. `地区生产总值（奋力冲刺）`):
 *   the table's value is the point's text, and the table's value and unit stand in the quote;
 * - points of one row that share a quote stand in it in the order of the chart's series, so
 *   “由112家增加到380家” cannot be drawn backwards;
 * - every “从/由…增加到/提高到…” pair of part 一 (same unit at both ends) is a row of a change chart;
 * - a chart shown above a table has a point for each of that table's numbers, and each of its
 *   points in that table's paragraphs is one of the table's rows.
 */
import { describe, expect, test } from 'vitest';
import { editionCharts, type ChartPoint, type ChartRow } from '../../src/charts/load-charts.ts';
import { editionIndicatorTables, type IndicatorRow } from '../../src/indicators/indicators.ts';
import { loadSource, sourceParagraphs } from '../../src/report/source.ts';

const paragraphs = sourceParagraphs();
const charts = editionCharts();
const tables = editionIndicatorTables();

/** Every point with its row and chart, named for the test list. */
const points = charts.flatMap((chart) =>
  chart.rows.flatMap((row) => row.points.map((point) => ({ chart: chart.id, row, point, name: `${chart.id}: ${row.indicator}（${row.scope}）${point.series} ${point.text}${row.unit}` }))),
);

/** A table's indicator without its bracketed gloss: 地区生产总值（奋力冲刺） → 地区生产总值. */
const bare = (indicator: string) => indicator.replace(/（[^）]*）$/, '');

/** The table rows that state the same thing as `point` of `row`: same ¶, scope and indicator. */
const sameAs = (row: ChartRow, point: ChartPoint, rows: readonly IndicatorRow[]) =>
  rows.filter((r) => r.paragraph === point.paragraph && r.scope === row.scope && bare(r.indicator) === row.indicator);

/** Where `needle` first stands in `text` other than as the tail of a longer number, or -1. */
const numberAt = (text: string, needle: string) => text.search(new RegExp(`(?<![\\d.])${needle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));

describe('the edition’s charts', () => {
  test('one of each kind: a change, a comparison with targets, goals', () => {
    expect(new Set(charts.map((c) => c.kind))).toEqual(new Set(['change', 'compare', 'goal']));
  });
});

describe.each(points)('$name', ({ row, point }) => {
  const paragraph = paragraphs.get(point.paragraph) ?? '';

  test('the quote stands verbatim in its paragraph', () => {
    expect(paragraphs.has(point.paragraph), `¶${point.paragraph} does not exist`).toBe(true);
    expect(paragraph).toContain(point.quote);
  });

  test('the number, followed by its unit, stands in the quote', () => {
    expect(numberAt(point.quote, `${point.text}${row.unit}`), `“${point.text}${row.unit}” in “${point.quote}”`).toBeGreaterThanOrEqual(0);
  });

  test('the scope is written in the quote, or no scope is', () => {
    if (row.scope === '未注明') expect(point.quote).not.toMatch(/全市|市级/);
    else expect(point.quote).toContain(row.scope);
  });

  test('a year not marked as implied is written in the paragraph', () => {
    const year = /(\d{4})年/.exec(point.series)?.[1];
    if (year && !point.impliedYear) expect(paragraph, `${point.series} is not written in ¶${point.paragraph}: mark impliedYear: true`).toContain(`${year}年`);
  });

  test('it agrees with every indicator table row that states the same indicator, scope and ¶', () => {
    for (const match of sameAs(row, point, tables.flatMap((t) => t.rows))) {
      expect(match.value, `${match.indicator} ¶${match.paragraph}`).toBe(point.text);
      expect(point.quote, `${match.indicator} ¶${match.paragraph}`).toContain(`${match.value}${match.unit}`);
    }
  });
});

describe('the report’s from–to pairs', () => {
  /** 从524亿元增加到777亿元, 由112家增加到380家: a start, its unit, a verb of change, an end in the same unit. */
  const PAIR = /[由从](\d[\d.]*)(\D{1,6}?)(?:增加|提高|增长|下降|扩大|缩小|减少|降低|上升)到(\d[\d.]*)\2/g;
  const partOne = loadSource().parts[0]!.blocks.flatMap((b) => (b.type === 'paragraph' ? [b.paragraph] : b.section.paragraphs));
  const pairs = partOne.flatMap((p) => [...p.text.matchAll(PAIR)].map((m) => ({ paragraph: p.n, from: m[1]!, unit: m[2]!, to: m[3]!, words: m[0] })));

  test('part 一 has some (the regular expression finds what it is meant to)', () => {
    expect(pairs.length).toBeGreaterThan(0);
  });

  test.each(pairs)('¶$paragraph $words is a row of a change chart, from before to', ({ paragraph, from, unit, to }) => {
    const drawn = charts
      .filter((c) => c.kind === 'change')
      .some((chart) =>
        chart.rows.some((row) => {
          const at = (text: string) => row.points.find((p) => p.paragraph === paragraph && p.text === text);
          const [start, end] = [at(from), at(to)];
          return row.unit === unit && start && end && chart.series.indexOf(start.series) < chart.series.indexOf(end.series);
        }),
      );
    expect(drawn).toBe(true);
  });
});

describe.each(charts)('chart $id', (chart) => {
  test('points of a row quoted together stand in the quote in the order of the series (from before to)', () => {
    for (const row of chart.rows)
      for (const quote of new Set(row.points.map((p) => p.quote))) {
        const together = row.points.filter((p) => p.quote === quote).sort((a, b) => chart.series.indexOf(a.series) - chart.series.indexOf(b.series));
        const at = together.map((p) => numberAt(quote, `${p.text}${row.unit}`));
        expect(at, `${row.indicator}: ${together.map((p) => `${p.series} ${p.text}`).join(', ')} in “${quote}”`).toEqual([...at].sort((a, b) => a - b));
      }
  });
});

describe.each(charts.filter((c) => c.table))('chart $id above table $table', (chart) => {
  const table = tables.find((t) => t.id === chart.table)!;
  const numeric = table.rows.filter((r) => /^\d+(\.\d+)?$/.test(r.value));
  const cited = new Set(table.rows.map((r) => r.paragraph));

  test('each of the table’s numbers is a point of the chart', () => {
    const shown = chart.rows.flatMap((row) => row.points.flatMap((point) => sameAs(row, point, numeric)));
    expect(numeric.filter((r) => !shown.includes(r)).map((r) => `${r.indicator}（${r.scope}）¶${r.paragraph}`)).toEqual([]);
  });

  test('each point in the table’s paragraphs is one of its rows', () => {
    const unmatched = chart.rows.flatMap((row) =>
      row.points.filter((p) => cited.has(p.paragraph) && sameAs(row, p, table.rows).length === 0).map((p) => `${row.indicator}（${row.scope}）¶${p.paragraph} ${p.text}`),
    );
    expect(unmatched).toEqual([]);
  });
});
