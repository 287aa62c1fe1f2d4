/**
 * Chart data is checked before anything is drawn: each mistake stops with the file, the line and
 * the fix. Each fixture under `tests/fixtures/charts/broken/` holds one mistake; the rest are
 * inline strings, a valid chart broken one way at a time.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { chartsOf, loadCharts, readChart } from '../../src/charts/load-charts.ts';
import { ContentError } from '../../src/edition/content-error.ts';

const FIXTURES = 'tests/fixtures/charts';
const TABLES = ['targets-2024', 'results-2023'];
const VALID = `${FIXTURES}/valid/changes-sample.yaml`;
const validText = readFileSync(VALID, 'utf8');

/** The 1-based line of the first line of `text` containing `needle` (from `after` on). */
const lineIn = (text: string, needle: string, after = 0) => text.split('\n').findIndex((l, i) => i >= after && l.includes(needle)) + 1;

/** The error a chart gives, as file:line, reason and fix. */
function failure(read: () => unknown): { where: string; reason: string; fix: string } {
  try {
    read();
  } catch (error) {
    if (!(error instanceof ContentError)) throw error;
    return { where: `${error.file}:${error.line}`, reason: error.reason, fix: error.fix };
  }
  throw new Error('the chart was accepted');
}

const broken = (name: string) => {
  const file = `${FIXTURES}/broken/${name}.yaml`;
  const text = readFileSync(file, 'utf8');
  return { file, text, error: failure(() => readChart(file, text, TABLES)) };
};

/** The valid chart with one replacement made (which must apply). */
function inline(from: string, to: string): { text: string; error: ReturnType<typeof failure> } {
  expect(validText).toContain(from);
  const text = validText.replace(from, to);
  return { text, error: failure(() => readChart('charts/changes-sample.yaml', text, TABLES)) };
}

describe('a valid chart', () => {
  test('loads with its id from the file name, its numbers as numbers and its texts as written', () => {
    const [chart, ...rest] = loadCharts(`${FIXTURES}/valid`, TABLES);
    expect(rest).toEqual([]);
    expect(chart).toMatchObject({ id: 'changes-sample', kind: 'change', table: 'targets-2024', series: ['2018年', '2023年'] });
    expect(chart!.rows[0]!.points.map((p) => [p.text, p.value, p.impliedYear])).toEqual([
      ['40', 40, true],
      ['95', 95, true],
    ]);
    expect(chart!.rows[1]).toMatchObject({ unit: '亿元', scope: '全市', points: [{ series: '2023年', text: '512.6', value: 512.6, paragraph: 2 }] });
  });

  test('without the edition’s table ids, table is not checked', () => {
    expect(readChart(VALID, validText.replace('targets-2024', 'targets-2042')).table).toBe('targets-2042');
  });
});

describe('each mistake: the file, the line of the mistake, the fix', () => {
  test('a missing field: the row it is missing from', () => {
    const { file, text, error } = broken('missing-unit');
    expect(error).toEqual({
      where: `${file}:${lineIn(text, 'indicator: 地区生产总值')}`,
      reason: 'rows 第 2 项：缺少 unit：写报告原文中的单位，例如 unit: 家、unit: 亿元、unit: "%"。',
      fix: expect.any(String),
    });
  });

  test('a point whose series is not one of the chart’s series', () => {
    const { file, text, error } = broken('unknown-series');
    expect(error).toEqual({
      where: `${file}:${lineIn(text, 'series: 2019年')}`,
      reason: '“高新技术企业”的数值 95 属于系列“2019年”，但本图的 series 中没有它。',
      fix: 'series 写本图 series 中的一个：2018年、2023年；或把“2019年”加进本图的 series。',
    });
  });

  test('value is not Number(text)', () => {
    const { file, text, error } = broken('value-mismatch');
    expect(error).toEqual({
      where: `${file}:${lineIn(text, 'value: 521.6')}`,
      reason: '“地区生产总值”的 value 521.6 与 text "512.6" 不是同一个数。',
      fix: 'text 照报告原文写，value 写同一个数：value: 512.6（或改正 text）。',
    });
  });

  test('a table that names no indicator table', () => {
    const { file, text, error } = broken('unknown-table');
    expect(error).toEqual({
      where: `${file}:${lineIn(text, 'table: targets-2042')}`,
      reason: 'table: targets-2042 不是本版的指标表。',
      fix: '写指标表的文件名（不含 .yaml）：targets-2024、results-2023；或删去 table（图就不放在某张表之上）。',
    });
  });

  test('a chart folder declared without indicators: the settings file, the charts line', () => {
    const settings = `${FIXTURES}/no-indicators/edition.yaml`;
    const error = failure(() => chartsOf({ paths: { settings, chapters: '', anchors: '', charts: `${FIXTURES}/valid` } }));
    expect(error).toEqual({
      where: `${settings}:${lineIn(readFileSync(settings, 'utf8'), 'charts:')}`,
      reason: expect.stringContaining('没有声明指标表（indicators）'),
      fix: '在 edition.yaml 中加上 indicators: { dir: indicators } 并放入指标表，或删去 charts。',
    });
  });

  test('an edition without charts has none', () => {
    expect(chartsOf({ paths: { settings: '', chapters: '', anchors: '' } })).toEqual([]);
  });

  test('text unquoted (YAML would read 512.60 as 512.6): say to quote it', () => {
    const { text, error } = inline('text: "512.6"', 'text: 512.6');
    expect(error).toMatchObject({ where: `charts/changes-sample.yaml:${lineIn(text, 'text: 512.6')}`, reason: expect.stringContaining('text 须加引号') });
  });

  test('a unit in text', () => {
    const { text, error } = inline('text: "95"', 'text: "95家"');
    expect(error).toMatchObject({ where: `charts/changes-sample.yaml:${lineIn(text, 'text: "95家"')}`, reason: expect.stringContaining('text 只写数字') });
  });

  test('a missing field of a point in flow style: that point’s line', () => {
    const { text, error } = inline(', paragraph: 5, quote: "由40家增加到95家", impliedYear: true }\n      - { series: 2023年', ', quote: "由40家增加到95家", impliedYear: true }\n      - { series: 2023年');
    expect(error).toMatchObject({ where: `charts/changes-sample.yaml:${lineIn(text, 'series: 2018年, text')}`, reason: expect.stringMatching(/^rows 第 1 项 points 第 1 项：缺少 paragraph/) });
  });

  test('a scope the report cannot have', () => {
    const { text, error } = inline('scope: 全市', 'scope: 全县');
    expect(error).toMatchObject({ where: `charts/changes-sample.yaml:${lineIn(text, 'scope: 全县')}`, reason: expect.stringContaining('scope 只能是 全市、市级 或 未注明') });
  });

  test('an unknown field (a typo) is named, with the fields there are', () => {
    const { text, error } = inline('    unit: 亿元', '    units: 亿元');
    expect(error).toMatchObject({ where: `charts/changes-sample.yaml:${lineIn(text, 'units:')}`, reason: 'rows 第 2 项：不认识的字段：units。', fix: expect.stringContaining('indicator、unit、scope、points') });
  });

  test('a quote without its number', () => {
    const { text, error } = inline('quote: 达到512.6亿元', 'quote: 达到512亿元');
    expect(error).toMatchObject({ where: `charts/changes-sample.yaml:${lineIn(text, 'quote: 达到512亿元')}`, reason: expect.stringContaining('中没有数字 512.6') });
  });

  test('two values of one row in one series', () => {
    const { text, error } = inline('- { series: 2023年, text: "95"', '- { series: 2018年, text: "95"');
    expect(error).toMatchObject({ where: `charts/changes-sample.yaml:${lineIn(text, 'series: 2018年, text: "95"')}`, reason: '“高新技术企业”在系列“2018年”中有两个数值。' });
  });

  test('a file name that cannot be an id', () => {
    expect(failure(() => readChart('charts/Changes 2023.yaml', validText)).reason).toContain('不能用作图的 id');
  });

  test('broken YAML: the line', () => {
    const { text, error } = inline('quote: 达到512.6亿元', 'quote: "达到512.6亿元');
    expect(error.reason).toContain('不是有效的 YAML');
    expect(Number(error.where.split(':').at(-1))).toBeGreaterThanOrEqual(lineIn(text, 'quote: "达到'));
  });
});
