/**
 * What both forms of a chart (the drawing on 主要指标, the bar table beside a paragraph) read
 * from its data: its rows grouped by unit, one panel per unit, so that no scale mixes 家 with
 * 亿元 (bars are only compared with bars of the same unit); how each series is drawn; row
 * labels, sources and implied years. Pure; the drawing is in `chart-svg.ts`, the figures in
 * `chart-figure.ts`.
 */
import type { Chart, ChartPoint, ChartRow } from './load-charts.ts';

export interface ChartPanel {
  /** The unit as the report writes it (家, 亿元, %以上 …); empty when the report writes none. */
  unit: string;
  rows: ChartRow[];
}

/** The rows of `chart` by unit, in the order each unit first appears. */
export function chartPanels(chart: Pick<Chart, 'rows'>): ChartPanel[] {
  const panels = new Map<string, ChartRow[]>();
  for (const row of chart.rows) {
    const rows = panels.get(row.unit) ?? [];
    rows.push(row);
    panels.set(row.unit, rows);
  }
  return [...panels].map(([unit, rows]) => ({ unit, rows }));
}

/**
 * How each series is drawn, on the whole chart and in the bar table beside a paragraph alike, so
 * that it reads in black and white too: `target` (a series whose label says 目标) a dashed
 * outline, the latest value that is not a target solid (`now`), any earlier one a light outlined
 * bar (`past`). The classes (`chart__bar--now` …) are styled in `chart.css`.
 */
export function seriesRoles(chart: Pick<Chart, 'series'>): ('past' | 'now' | 'target')[] {
  const isTarget = chart.series.map((s) => s.includes('目标'));
  const now = isTarget.lastIndexOf(false);
  return chart.series.map((_, i) => (isTarget[i] ? 'target' : i === now ? 'now' : 'past'));
}

/** The row's label: the indicator, with the scope when the report names one (全市, 市级). */
export function rowLabel(row: ChartRow): string {
  return row.scope === '未注明' ? row.indicator : `${row.indicator}（${row.scope}）`;
}

/**
 * The chart restricted to its rows with a value from ¶n: the small figure beside ¶n shows the
 * indicators ¶n speaks of, each row whole (a result from ¶n beside the next year's target stated
 * elsewhere is the comparison the chart is for). Undefined when ¶n gives no value.
 */
export function chartForParagraph(chart: Chart, n: number): Chart | undefined {
  const rows = chart.rows.filter((row) => row.points.some((p: ChartPoint) => p.paragraph === n));
  return rows.length > 0 ? { ...chart, rows } : undefined;
}

/** The paragraphs a chart's values come from, in order. */
export function chartParagraphs(chart: Chart): number[] {
  return [...new Set(chart.rows.flatMap((r) => r.points.map((p) => p.paragraph)))].sort((a, b) => a - b);
}

/**
 * Whether the years of a chart's values are implied by the report (`impliedYear`): for none,
 * for all (said once, in the source line), or for some (each such value marked `*`).
 */
export function impliedYears(chart: Pick<Chart, 'rows'>): 'none' | 'all' | 'some' {
  const points = chart.rows.flatMap((r) => r.points);
  const implied = points.filter((p) => p.impliedYear).length;
  return implied === 0 ? 'none' : implied === points.length ? 'all' : 'some';
}
