/**
 * A chart as a document (hast), in two forms, built here for the two places a chart appears.
 *
 * On the 主要指标 page (`Chart.astro`), the whole chart: its title and one-sentence summary as
 * the caption, the drawing (`chart-svg.ts`, a panel per unit), the paragraphs its numbers come
 * from, and the numbers as a real table under “数据表”. The drawing is `aria-hidden` and the
 * table is its alternative: a screen reader meets the figure by its caption (read once), then
 * the table, which it can walk cell by cell with row and column headers. Exposing the SVG
 * instead (`role="img"` named by the caption) would read the caption a second time and offer
 * nothing the table does not; its dozens of `<text>` labels read in drawing order would be noise.
 *
 * After a paragraph (`rehype-chart-figures.ts`), a small figure of the rows that paragraph
 * speaks of: a bar table, where the table is the chart. Its caption is the title and a link to
 * the whole chart; each value cell holds the value as the report writes it, with its unit and
 * a link to its ¶, then a small bar (`aria-hidden`) on a scale the rows of one unit share. One
 * structure serves sighted readers, screen readers (a plain table, nothing read twice), print
 * and pages without scripts, and each label and value is written once: a drawing beside a
 * table wrote them twice, and chapters carry several of these figures.
 *
 * Everything is edition UI (`data-edition-ui`, never report text) and is kept out of the search
 * index (`data-pagefind-ignore`).
 */
import type { Element, ElementContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { h } from 'hastscript';
import { chartPanels, chartParagraphs, impliedYears, rowLabel, seriesRoles, type ChartPanel } from './chart-panels.ts';
import { panelSvg } from './chart-svg.ts';
import type { Chart, ChartPoint } from './load-charts.ts';

export interface ChartFigureOptions {
  /** The URL of ¶n. */
  paragraphHref: (n: number) => string;
  /** The small figure beside a paragraph: a link to the whole chart instead of an id. */
  fullChartHref?: string;
}

/** The id of a chart's figure on the 主要指标 page, where “查看完整图表” leads. */
export const chartAnchor = (id: string) => `chart-${id}`;

/** What the figure says of years the report implies rather than writes; nothing when it writes them all. */
const IMPLIED = { none: '', all: '各数值的年份为编者据报告推断。', some: '带 * 的数值，其年份为编者据报告推断。' };

/** `¶12`, a link to the paragraph. */
const paragraphLink = (n: number, href: (n: number) => string) => h('a', { href: href(n) }, `¶${n}`);

/** The links to the paragraphs, separated by 、 */
function paragraphLinks(ns: number[], href: (n: number) => string): ElementContent[] {
  return ns.flatMap((n, i) => (i === 0 ? [paragraphLink(n, href)] : [{ type: 'text' as const, value: '、' }, paragraphLink(n, href)]));
}

/**
 * A value as the report writes it; a `<data>` with the number only when the text is not the
 * number already (`1.2万` against 12000): a copy of the text in `value` tells a machine nothing.
 */
const valueText = (point: ChartPoint): ElementContent =>
  point.text === String(point.value) ? { type: 'text', value: point.text } : h('data', { value: String(point.value) }, point.text);

/** A table header cell; each says its `scope`, as the site's HTML checks require (WCAG technique H63). */
const header = (scope: 'col' | 'row', text: string) => h('th', { scope }, text);

/** A series the report gives no number for, said so rather than left blank. */
const noValue = () => h('td', { className: ['chart__none'] }, '未给数字');

/** The data table of the whole chart: a row per indicator, a column for the unit and one per series, each value with its ¶. */
function dataTable(chart: Chart, href: (n: number) => string): Element {
  const star = impliedYears(chart) === 'some';
  const cell = (point: ChartPoint | undefined) =>
    point ? h('td', [valueText(point), star && point.impliedYear ? '*' : '', ' ', paragraphLink(point.paragraph, href)]) : noValue();
  return h('table', [
    h('thead', h('tr', ['指标', '单位', ...chart.series].map((s) => header('col', s)))),
    h(
      'tbody',
      chart.rows.map((row) => h('tr', [header('row', rowLabel(row)), h('td', row.unit || '—'), ...chart.series.map((s) => cell(row.points.find((p) => p.series === s)))])),
    ),
  ]);
}

/** The chart on the 主要指标 page; see the module comment. */
function fullFigure(chart: Chart, href: (n: number) => string): Element {
  const implied = IMPLIED[impliedYears(chart)];
  // Each unit's drawing after its unit line; the whole is hidden from screen readers (module comment).
  const panels = chartPanels(chart).flatMap((panel) => [
    ...(panel.unit ? [h('p', `单位：${panel.unit}`)] : []),
    ...(fromHtml(panelSvg(chart, panel), { fragment: true }).children as ElementContent[]),
  ]);
  return h('figure', { className: ['chart'], id: chartAnchor(chart.id), dataEditionUi: '', dataPagefindIgnore: 'all' }, [
    h('figcaption', [h('span', { className: ['chart__title'] }, chart.title), h('span', { className: ['chart__summary'] }, chart.summary)]),
    h('div', { className: ['chart__panels'], ariaHidden: 'true' }, panels),
    h('p', { className: ['chart__source'] }, ['数字出自报告 ', ...paragraphLinks(chartParagraphs(chart), href), implied ? `；${implied}` : '。']),
    // The table scrolls sideways on a narrow screen (`.table-scroll`, indicators.css).
    h('details', { className: ['chart__data'] }, [h('summary', '数据表'), h('div', { className: ['table-scroll'] }, dataTable(chart, href))]),
  ]);
}

/**
 * How far along its cell a bar reaches, in percent of the cell's width: whole percents, as
 * precise as a bar a few dozen pixels long can show, but a tenth for a value under 1 % of the
 * scale, so that only 0 is drawn as nothing.
 */
function percent(value: number, span: number): number {
  const share = (Math.abs(value) / span) * 100;
  const whole = Math.round(share);
  return whole > 0 || value === 0 ? whole : Math.max(0.1, Math.round(share * 10) / 10);
}

/** The scale of the bars of one unit: from its lowest value (or 0) to its highest (or 0). */
interface Scale {
  /** Where 0 lies, in percent from the cell's left: 0 unless some value is negative. */
  zero: number;
  /** The scale's length in the unit's terms (never 0). */
  span: number;
}

function unitScale(panel: ChartPanel): Scale {
  const values = panel.rows.flatMap((row) => row.points.map((p) => p.value));
  const [low, high] = [Math.min(0, ...values), Math.max(0, ...values)];
  const span = high - low || 1;
  return { zero: percent(low, span), span };
}

/**
 * A value's bar, hidden from screen readers (the cell's text says the value): a rect from 0 in
 * the class its series is drawn with on the whole chart (`seriesRoles`), so it looks the same,
 * in print too. Lengths are percentages of the SVG's box, which CSS sizes; its height and the
 * line at 0 are CSS too (a left border), but where some value of the unit is negative 0 lies
 * inside the box, and a `chart__zero` line marks it there instead (`chart__signed`).
 */
function bar(point: ChartPoint, role: string, scale: Scale): Element {
  const tenths = (n: number) => Math.round(n * 10) / 10;
  const length = percent(point.value, scale.span);
  // From 0, leftwards for a negative value; kept inside the box where rounding would take it a percent past an end.
  const [x, end] = point.value < 0 ? [Math.max(0, tenths(scale.zero - length)), scale.zero] : [scale.zero, Math.min(100, tenths(scale.zero + length))];
  const width = tenths(end - x);
  const at = (n: number) => (n ? `${n}%` : undefined);
  return h('svg', { ariaHidden: 'true', className: scale.zero ? ['chart__signed'] : undefined }, [
    ...(width ? [h('rect', { className: [`chart__bar--${role}`], x: at(x), width: `${width}%` })] : []),
    ...(scale.zero ? [h('line', { className: ['chart__zero'], x1: at(scale.zero), x2: at(scale.zero), y2: '100%' })] : []),
  ]);
}

/**
 * The small figure's table: a row per indicator, a column per series; a `<tbody>` per unit, whose
 * bars share a scale (bars of different units are never compared). Each value is written as the
 * report writes it, with its unit, the `*` of a year the editors infer (when only some are), and
 * its ¶, above its bar.
 */
function barTable(chart: Chart, href: (n: number) => string): Element {
  const star = impliedYears(chart) === 'some';
  const roles = seriesRoles(chart);
  const body = (panel: ChartPanel) => {
    const scale = unitScale(panel);
    const cell = (point: ChartPoint | undefined, s: number) =>
      point
        ? h('td', [valueText(point), `${panel.unit}${star && point.impliedYear ? '*' : ''} `, paragraphLink(point.paragraph, href), bar(point, roles[s]!, scale)])
        : noValue();
    return h(
      'tbody',
      panel.rows.map((row) => h('tr', [header('row', rowLabel(row)), ...chart.series.map((series, s) => cell(row.points.find((p) => p.series === series), s))])),
    );
  };
  return h('table', [h('thead', h('tr', ['指标', ...chart.series].map((s) => header('col', s)))), ...chartPanels(chart).map(body)]);
}

/**
 * The small figure beside a paragraph; see the module comment. Its note says what the table
 * cannot: which years the editors infer, and, where the rows have several units, that bars
 * compare only within one (the rule between the units' `<tbody>`s shows where).
 */
function compactFigure(chart: Chart, href: (n: number) => string, fullChartHref: string): Element {
  const note = IMPLIED[impliedYears(chart)] + (chartPanels(chart).length > 1 ? '条形只在同一单位的指标间可比。' : '');
  return h('figure', { className: ['chart', 'chart--compact'], dataEditionUi: '', dataPagefindIgnore: 'all' }, [
    // The title alone: the figure shows only some rows, which the chart's summary would
    // misdescribe; and the caption is the figure's name, which a link's words would lengthen.
    h('figcaption', h('span', { className: ['chart__title'] }, chart.title)),
    barTable(chart, href),
    h('p', { className: ['chart__source'] }, [...(note ? [note, ' '] : []), h('a', { className: ['chart__more'], href: fullChartHref }, '查看完整图表')]),
  ]);
}

/** The chart's figure: the whole chart, or with `fullChartHref` the small figure beside a paragraph; see the module comment. */
export function chartFigure(chart: Chart, options: ChartFigureOptions): Element {
  return options.fullChartHref ? compactFigure(chart, options.paragraphHref, options.fullChartHref) : fullFigure(chart, options.paragraphHref);
}
