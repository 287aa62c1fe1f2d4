/**
 * An edition's chart data (`<edition>/<charts.dir>/*.yaml`, one chart per file, the file name its
 * id): the report's figures as series to draw, each value held with the words it stands in, so
 * that a test can find it again in its paragraph. This module only reads and checks the data;
 * drawing is elsewhere. Every mistake stops the build with the file, the line and the fix.
 *
 * The YAML is read by the editions' one parser (`src/edition/read-data.ts`), with js-yaml's core schema: `2008.30` stays what it is in `text` only if
 * quoted, and a date stays text. `value` must equal `Number(text)`, so a figure is typed twice
 * and a slip in either is caught.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { z } from 'astro/zod';
import { ContentError, lineOf } from '../edition/content-error.ts';
import { parseData } from '../edition/read-data.ts';
import { currentEdition, type Edition } from '../edition/load-edition.ts';

/** One value the report states, exactly as it stands in ¶paragraph. */
export interface ChartPoint {
  /** Which series: one of the chart's `series` labels, e.g. '2015年', '2020年', '2025年目标'. */
  series: string;
  /** The number as the report writes it, e.g. "112", "2008.3" (digits only, no unit). */
  text: string;
  /** The same number, parsed. */
  value: number;
  paragraph: number;
  /** A short verbatim excerpt of ¶paragraph containing `text` (and the unit), e.g. "由112家增加到380家". */
  quote: string;
  /** True when the year of this value is implied by the report (e.g. the start of “十三五” = 2015) rather than written. */
  impliedYear?: boolean;
}
export interface ChartRow {
  indicator: string;
  /** The unit as written in the report: 家, 亿元, %, 万元, 件, 个 … */
  unit: string;
  scope: '全市' | '市级' | '未注明';
  points: ChartPoint[];
}
export interface Chart {
  id: string;
  /** Editorial title, Chinese, e.g. “十三五”时期主要指标的变化 */
  title: string;
  /** One editorial sentence saying what the chart shows. */
  summary: string;
  /** change: from → to (两个时点); compare: last year's result beside this year's target; goal: latest value beside the 2025 goal. */
  kind: 'change' | 'compare' | 'goal';
  /** The series labels, in drawing order. */
  series: string[];
  /** The indicator table (file id in the edition's indicators folder) this chart is shown above on the 主要指标 page, if any. */
  table?: string;
  rows: ChartRow[];
}

/** A chart id names a file and an anchor: lowercase ASCII words joined by hyphens. */
const ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;
/** A number as a report writes it: digits, at most one decimal point, no unit, no thousands separator. */
const NUMBER_TEXT = /^-?\d+(\.\d+)?$/;

const text = (field: string, hint: string) =>
  z.string({ required_error: `缺少 ${field}：${hint}`, invalid_type_error: `${field} 须为文字：${hint}` }).min(1, { message: `${field} 不能为空：${hint}` });

/** An enum's messages: one when the field is missing, one when it holds something else (zod allows only an error map here). */
const enumMessages =
  (missing: string, wrong: string): z.ZodErrorMap =>
  (_issue, ctx) => ({ message: ctx.data === undefined ? missing : wrong });

export const chartPointSchema = z
  .object({
    /** One of the chart's `series` labels. */
    series: text('series', '写本图 series 中的一个标签，例如 2020年。'),
    /** The number as written, quoted so YAML keeps it as text: "2008.3". */
    text: z
      .string({
        required_error: '缺少 text：写报告原文中的数字，加引号，例如 text: "2008.3"。',
        invalid_type_error: 'text 须加引号，写成文字，例如 text: "2008.3"（不加引号时 YAML 会把 2008.30 读成 2008.3）。',
      })
      .regex(NUMBER_TEXT, { message: 'text 只写数字（可有小数点），不写单位和“以上”等字，例如 text: "3.7"；单位写在本行的 unit 中。' }),
    /** The same number, parsed: must equal `Number(text)`. */
    value: z.number({
      required_error: '缺少 value：写与 text 相同的数，不加引号，例如 value: 2008.3。',
      invalid_type_error: 'value 须为数，不加引号，例如 value: 2008.3。',
    }),
    /** The paragraph the number stands in. */
    paragraph: z
      .number({ required_error: '缺少 paragraph：写数字所在段落的编号，例如 paragraph: 6。', invalid_type_error: 'paragraph 须为段落编号（整数），例如 paragraph: 6。' })
      .int({ message: 'paragraph 须为整数段落编号，例如 paragraph: 6。' })
      .positive({ message: 'paragraph 从 1 起编号。' }),
    /** A short verbatim excerpt of the paragraph holding the number and its unit. */
    quote: text('quote', '从该段原文中逐字摘出包含这个数字和单位的几个字，例如 quote: 由112家增加到380家。'),
    /** The year is implied (the start of “十三五” = 2015), not written. */
    impliedYear: z.boolean({ invalid_type_error: 'impliedYear 只能写 true（年份是推断的）或不写。' }).optional(),
  })
  .strict();

export const chartRowSchema = z
  .object({
    /** What is measured, as the report names it. */
    indicator: text('indicator', '写指标名称，例如 indicator: 高新技术企业。'),
    /** The unit as written; an empty string only if the report writes none. */
    unit: z.string({ required_error: '缺少 unit：写报告原文中的单位，例如 unit: 家、unit: 亿元、unit: "%"。', invalid_type_error: 'unit 须为文字，例如 unit: "%"。' }),
    /** 全市 or 市级 where the report says so, 未注明 otherwise. */
    scope: z.enum(['全市', '市级', '未注明'], {
      errorMap: enumMessages('缺少 scope：报告写明“全市”或“市级”时照写，没写时写 未注明。', 'scope 只能是 全市、市级 或 未注明（报告没写口径时写 未注明）。'),
    }),
    /** The values the report states; never one it does not. */
    points: z
      .array(chartPointSchema, { required_error: '缺少 points：列出报告写明的数值，每个一项。', invalid_type_error: 'points 须为列表，每项一个数值。' })
      .min(1, { message: 'points 至少一项：报告没写任何数值的指标不要列出。' }),
  })
  .strict();

export const chartSchema = z
  .object({
    /** Editorial title, Chinese. */
    title: text('title', '写图的标题，例如 title: “十三五”时期主要指标的变化。'),
    /** One editorial sentence saying what the chart shows. */
    summary: text('summary', '用一句话说明这张图显示什么。'),
    /** change, compare or goal. */
    kind: z.enum(['change', 'compare', 'goal'], {
      errorMap: enumMessages(
        '缺少 kind：写 change（两个时点的变化）、compare（上年结果与本年目标）或 goal（最新值与规划目标）。',
        'kind 只能是 change（两个时点的变化）、compare（上年结果与本年目标）或 goal（最新值与规划目标）。',
      ),
    }),
    /** The series labels, in drawing order. */
    series: z
      .array(text('series 的每一项', '写一个标签，例如 2020年。'), { required_error: '缺少 series：按绘制顺序列出系列标签，例如 series: [2015年, 2020年]。' })
      .min(1, { message: 'series 至少一项，例如 series: [2015年, 2020年]。' })
      .refine((list) => new Set(list).size === list.length, { message: 'series 中有重复的标签：每个系列的标签必须不同。' }),
    /** The indicator table this chart is shown above, by file id. */
    table: text('table', '写指标表的文件名（不含 .yaml），例如 table: targets-2024。').optional(),
    rows: z.array(chartRowSchema, { required_error: '缺少 rows：每个指标一项。' }).min(1, { message: 'rows 至少一项。' }),
  })
  .strict();

const display = (path: string) => {
  const rel = relative(process.cwd(), path);
  return rel && !rel.startsWith('..') ? rel : path;
};

/** Reads one chart from its YAML text; `tables` are the edition's indicator table ids, when known. */
export function readChart(file: string, source: string, tables?: readonly string[]): Chart {
  const id = basename(file).replace(/\.yaml$/, '');
  if (!ID.test(id))
    throw new ContentError(file, 1, `文件名 ${basename(file)} 不能用作图的 id。`, '文件名即图的 id（锚点）：用小写字母、数字和连字符，例如 changes-2016-2020.yaml。');
  const { data, lineAt: at } = parseData(file, source, chartSchema, { fix: (path) => fixFor(path) });
  const chart: Chart = { id, ...data };

  if (chart.table !== undefined && tables && !tables.includes(chart.table))
    throw new ContentError(
      file,
      at(['table']),
      `table: ${chart.table} 不是本版的指标表。`,
      tables.length ? `写指标表的文件名（不含 .yaml）：${tables.join('、')}；或删去 table（图就不放在某张表之上）。` : '本版没有指标表：删去 table。',
    );

  chart.rows.forEach((row, r) => {
    const seen = new Set<string>();
    row.points.forEach((point, p) => {
      const path = ['rows', r, 'points', p];
      if (!chart.series.includes(point.series))
        throw new ContentError(
          file,
          at([...path, 'series']),
          `“${row.indicator}”的数值 ${point.text} 属于系列“${point.series}”，但本图的 series 中没有它。`,
          `series 写本图 series 中的一个：${chart.series.join('、')}；或把“${point.series}”加进本图的 series。`,
        );
      if (seen.has(point.series))
        throw new ContentError(
          file,
          at(path),
          `“${row.indicator}”在系列“${point.series}”中有两个数值。`,
          '一行在每个系列中至多一个数值：删去重复的一项，或把它放进另一行（另一指标或口径）。',
        );
      seen.add(point.series);
      if (point.value !== Number(point.text))
        throw new ContentError(
          file,
          at([...path, 'value']),
          `“${row.indicator}”的 value ${point.value} 与 text "${point.text}" 不是同一个数。`,
          `text 照报告原文写，value 写同一个数：value: ${Number(point.text)}（或改正 text）。`,
        );
      if (!point.quote.includes(point.text))
        throw new ContentError(
          file,
          at([...path, 'quote']),
          `“${row.indicator}”的 quote“${point.quote}”中没有数字 ${point.text}。`,
          '从该段原文中逐字摘出包含这个数字和单位的几个字作为 quote。',
        );
    });
  });
  return chart;
}

function fixFor(path: readonly (string | number)[]): string | undefined {
  const last = path.filter((k) => typeof k === 'string').at(-1);
  switch (last) {
    case 'text':
    case 'value':
      return '每个数值写 text（原文数字，加引号）和 value（同一个数，不加引号），例如 { text: "2008.3", value: 2008.3 }。';
    case 'series':
      return '系列标签按绘制顺序列在图的 series 中，每个数值的 series 写其中一个。';
    default:
      return undefined;
  }
}

/**
 * Every chart in `dir`, by id. With `tables` (the edition's indicator table ids), a chart's
 * `table` must name one of them.
 */
export function loadCharts(dir: string, tables?: readonly string[]): Chart[] {
  return readdirSync(dir)
    .filter((n) => n.endsWith('.yaml'))
    .sort()
    .map((name) => readChart(display(join(dir, name)), readFileSync(join(dir, name), 'utf8'), tables));
}

/** The indicator table ids of a folder: its `*.yaml` file names. */
const tableIds = (dir: string) => (existsSync(dir) ? readdirSync(dir).filter((n) => n.endsWith('.yaml')).map((n) => n.replace(/\.yaml$/, '')) : []);

/**
 * The charts of an edition, `[]` if it declares none. Charts are drawn above indicator tables
 * and on the 主要指标 page, so an edition that declares charts must declare `indicators` too.
 */
export function chartsOf(edition: Pick<Edition, 'paths'>): Chart[] {
  const { charts, indicators, settings } = edition.paths;
  if (!charts) return [];
  if (!indicators) {
    const text = readFileSync(settings, 'utf8');
    throw new ContentError(
      display(settings),
      lineOf(text, 'charts:'),
      '声明了图表数据（charts），但没有声明指标表（indicators）：图画在“主要指标”页上，这一页由指标表而来。',
      '在 edition.yaml 中加上 indicators: { dir: indicators } 并放入指标表，或删去 charts。',
    );
  }
  return loadCharts(charts, tableIds(indicators));
}

/** The current edition's charts, `[]` if it has none. */
export function editionCharts(): Chart[] {
  return chartsOf(currentEdition());
}
