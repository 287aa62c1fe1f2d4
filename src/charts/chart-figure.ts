/**
 * A chart as a document (hast): its title and one-sentence summary as the figure's caption (the
 * title alone beside a paragraph, where the figure shows only some rows), the drawing, the paragraphs its numbers come from, and the numbers as a real table. Built once
 * here for both places a chart appears: the 主要指标 page (`Chart.astro`) and the small figure
 * after a paragraph (`rehype-chart-figures.ts`).
 *
 * Accessibility: the drawings are `aria-hidden` (their box, with the unit lines the table
 * repeats) and the table is their alternative. A screen reader meets the figure by its
 * caption (read once), then the table under
 * “数据表”, which it can walk cell by cell with row and column headers. Exposing the SVG instead
 * (`role="img"` named by the caption) would read the caption a second time and offers nothing
 * the table does not; its dozens of `<text>` labels read in drawing order would be noise.
 *
 * Everything is edition UI (`data-edition-ui`, never report text) and is kept out of the search
 * index (`data-pagefind-ignore`).
 */
import type { Element, ElementContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { h } from 'hastscript';
import { chartPanels, chartParagraphs, impliedYears, rowLabel } from './chart-panels.ts';
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

/**
 * The data table: a row per indicator, a column per series, each value with its ¶. Each header
 * says its `scope`, as the site's HTML checks require (WCAG technique H63).
 */
function dataTable(chart: Chart, href: (n: number) => string): Element {
  const star = impliedYears(chart) === 'some';
  const cell = (point: ChartPoint | undefined) =>
    point
      ? h('td', [valueText(point), star && point.impliedYear ? '*' : '', ' ', paragraphLink(point.paragraph, href)])
      : h('td', { className: ['chart__none'] }, '未给数字');
  return h('table', [
    h('thead', h('tr', ['指标', '单位', ...chart.series].map((s) => h('th', { scope: 'col' }, s)))),
    h(
      'tbody',
      chart.rows.map((row) => h('tr', [h('th', { scope: 'row' }, rowLabel(row)), h('td', row.unit || '—'), ...chart.series.map((s) => cell(row.points.find((p) => p.series === s)))])),
    ),
  ]);
}

/** The chart's figure; see the module comment. */
export function chartFigure(chart: Chart, options: ChartFigureOptions): Element {
  const implied = { none: '。', all: '；各数值的年份为编者据报告推断。', some: '；带 * 的数值，其年份为编者据报告推断。' }[impliedYears(chart)];
  // Each unit's drawing after its unit line; the whole is hidden from screen readers (module comment).
  const panels = chartPanels(chart).flatMap((panel) => [
    ...(panel.unit ? [h('p', `单位：${panel.unit}`)] : []),
    ...(fromHtml(panelSvg(chart, panel), { fragment: true }).children as ElementContent[]),
  ]);
  const table = dataTable(chart, options.paragraphHref);
  return h(
    'figure',
    {
      className: ['chart', ...(options.fullChartHref ? ['chart--compact'] : [])],
      id: options.fullChartHref ? undefined : chartAnchor(chart.id),
      dataEditionUi: '',
      dataPagefindIgnore: 'all',
    },
    [
      // Beside a paragraph the figure shows only some rows, which the summary would misdescribe.
      h('figcaption', [
        h('span', { className: ['chart__title'] }, chart.title),
        ...(options.fullChartHref ? [] : [h('span', { className: ['chart__summary'] }, chart.summary)]),
      ]),
      h('div', { className: ['chart__panels'], ariaHidden: 'true' }, panels),
      h('p', { className: ['chart__source'] }, [
        '数字出自报告 ',
        ...paragraphLinks(chartParagraphs(chart), options.paragraphHref),
        implied,
        ...(options.fullChartHref ? [' ', h('a', { className: ['chart__more'], href: options.fullChartHref }, '查看完整图表')] : []),
      ]),
      // On the 主要指标 page the table scrolls sideways on a narrow screen (indicators.css);
      // beside a paragraph it has few rows and wraps, and nothing there styles `.table-scroll`.
      h('details', { className: ['chart__data'] }, [h('summary', '数据表'), options.fullChartHref ? table : h('div', { className: ['table-scroll'] }, table)]),
    ],
  );
}
