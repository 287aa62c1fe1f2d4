/**
 * One panel of a chart (the rows of one unit) drawn as an SVG string at build time, with
 * Observable Plot in Node (linkedom gives it a `document`), for the whole chart on 主要指标 (beside
 * a paragraph a chart is a bar table, with no drawing: `chart-figure.ts`). No charting
 * JavaScript reaches the browser.
 *
 * Why Plot and not Vega-Lite (both tried on the same two-row, two-series panel, Node 20):
 * - bytes: Plot, out of the box, 3,925 B raw / 1,099 B gzipped; Vega-Lite (`view.toSVG()`, legend
 *   and title off) 11,387 B / 1,399 B: Vega wraps every mark in groups with `role="graphics-object"`
 *   and `aria-roledescription`, a background `<rect>` and `<path>` frames. Cleaned up below and
 *   rewritten by `compact-chart-svg.ts`, a Plot panel is 1,154 B raw / 367 B gzipped (same two
 *   rows, with labels).
 * - accessibility: both write labels as `<text>` (no glyph paths). Vega-Lite writes ARIA roles on
 *   each group; Plot writes `aria-label` on groups and a non-standard `aria-description`. Neither
 *   is useful here: the figure's real table is the accessible alternative and the drawing is
 *   hidden from screen readers (see `chart-figure.ts`), so both sets are dropped; Plot's are
 *   fewer bytes to drop.
 * - strict CSP: Vega writes no `style` attribute but bakes colours in (`fill="white"`,
 *   `stroke="#ddd"`), which would need rewriting for dark mode. Plot writes a `<style>` element
 *   (its `:where(.plot-…)` defaults) and, only with a title, a `style` on a wrapping `<figure>`;
 *   we pass no title, remove the `<style>` (what of it we need is in `chart-drawing.css`) and
 *   give every mark a class, so colours come from the site's custom properties in CSS.
 * - Plot 0.6.17 is already a dependency; Vega-Lite needs vega and vega-lite: 79 packages, 25 MB.
 *
 * Layout: one facet per row, the indicator written above its bars, one horizontal bar per
 * series with the series named at the left and the value written at the bar's end, so the
 * reading depends neither on colour nor on an axis. The SVG is drawn 280 units wide (a phone
 * column) and scaled by CSS.
 */
import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';
import { compactChartSvg } from './compact-chart-svg.ts';
import { impliedYears, rowLabel, seriesRoles, type ChartPanel } from './chart-panels.ts';
import type { Chart } from './load-charts.ts';

/**
 * The drawing's width in SVG units: the figure's inner width on a 360 px phone, so that text
 * there shows at its natural size (13 px); `chart-drawing.css` caps the width on wide screens.
 */
export const WIDTH = 280;
const FONT = 13;
const SMALL = 12;
const BAR = 13;
const BAR_GAP = 4;
const LABEL = 20;
const LINE = 17;
const ROW_GAP = 12;
/** The text size of each text mark's class, as `chart-drawing.css` sets it (its `em` offsets are resolved with it). */
export const FONT_SIZE = { chart__row: FONT, chart__series: SMALL, chart__none: SMALL, chart__value: FONT };

/** A rough text width: CJK characters are one em, digits and Latin about 0.6 em. */
function textWidth(text: string, size: number): number {
  let w = 0;
  for (const ch of text) w += /[\u0000-\u00ff]/.test(ch) ? 0.6 : 1;
  return Math.ceil(w * size);
}

/**
 * `text` in lines no wider than `width`. Plot wraps only at spaces and measures CJK as Latin,
 * so Chinese names are broken here, between characters.
 */
function wrap(text: string, size: number, width: number): string {
  const lines = [''];
  for (const ch of text) {
    if (textWidth(lines.at(-1)! + ch, size) > width) lines.push('');
    lines[lines.length - 1] += ch;
  }
  return lines.join('\n');
}

/** Plot wants a `document`; one linkedom document serves every chart of a build. */
const { document } = parseHTML('<!doctype html><html><body></body></html>');

interface Datum {
  row: string;
  series: string;
  value: number;
  label: string;
}

/** Attributes whose numbers are coordinates, rounded to whole units (Plot writes all the digits a double holds). */
const GEOMETRY = new Set(['x', 'y', 'x1', 'x2', 'y1', 'y2', 'width', 'height', 'transform', 'd', 'dx', 'dy']);

/** Attributes Plot writes that CSS or the figure provides instead. */
const DROPPED = ['aria-label', 'aria-description', 'font-family', 'font-size', 'fill', 'stroke', 'font-variant'];

/**
 * Plot's output made fit for the page: no `<style>`, no ARIA of its own, short numbers; then
 * written small by `compact-chart-svg.ts`.
 */
function clean(svg: Element): void {
  for (const style of [...svg.querySelectorAll('style')]) style.remove();
  // Empty groups left by marks with nothing to draw.
  for (const g of [...svg.querySelectorAll('g')]) if (!g.firstElementChild) g.remove();
  for (const el of [svg, ...svg.querySelectorAll('*')]) {
    for (const name of DROPPED) el.removeAttribute(name);
    for (const name of el.getAttributeNames()) {
      const value = el.getAttribute(name)!;
      // Whole units for coordinates; hundredths for `em` offsets of text lines.
      const digits = value.endsWith('em') ? 100 : 1;
      if (GEOMETRY.has(name)) el.setAttribute(name, value.replace(/-?\d+\.\d+/g, (n) => String(Math.round(Number(n) * digits) / digits)));
    }
  }
  // `chart-drawing.css` sets the series names' `text-anchor: end`; the other texts start, SVG's default.
  for (const el of [svg, ...svg.querySelectorAll('[text-anchor]')]) el.removeAttribute('text-anchor');
}

/** The SVG markup of one unit panel of `chart`. */
export function panelSvg(chart: Chart, panel: ChartPanel): string {
  const star = impliedYears(chart) === 'some';
  const data: Datum[] = panel.rows.flatMap((row, i) =>
    // `*`: the year is implied by the report, as the figure's source line says (when only some are).
    row.points.map((p) => ({ row: `${i}`, series: p.series, value: p.value, label: `${p.text}${panel.unit}${star && p.impliedYear ? '*' : ''}` })),
  );
  const labels = panel.rows.map((row) => wrap(rowLabel(row), FONT, WIDTH));
  const values = data.map((d) => d.value);
  const marginLeft = Math.max(...chart.series.map((s) => textWidth(s, SMALL))) + 8;
  const marginRight = Math.max(...data.map((d) => textWidth(d.label, FONT))) + 8;
  // Indicator names longer than the drawing is wide wrap; every row keeps room for the longest.
  const lines = Math.max(...labels.map((l) => l.split('\n').length));
  const top = LABEL + (lines - 1) * LINE;
  const bandwidth = chart.series.length * (BAR + BAR_GAP);
  const facet = top + bandwidth;
  const height = panel.rows.length * facet + (panel.rows.length - 1) * ROW_GAP + 4;
  const rows = panel.rows.map((_, i) => `${i}`);

  const roles = seriesRoles(chart);
  const bars = chart.series.map((series, s) =>
    Plot.barX(
      data.filter((d) => d.series === series),
      { x: 'value', y: 'series', fy: 'row', className: `chart__bar--${roles[s]}`, insetTop: 1, insetBottom: 1 },
    ),
  );
  const svg = Plot.plot({
    document,
    width: WIDTH,
    height,
    margin: 0,
    marginLeft,
    marginRight,
    marginBottom: 4,
    className: 'chart__plot',
    x: { axis: null, domain: [Math.min(0, ...values), Math.max(0, ...values)] },
    y: { axis: null, domain: chart.series, insetTop: top, paddingInner: BAR_GAP / (BAR + BAR_GAP), paddingOuter: 0 },
    // One band of `facet` units per row, `ROW_GAP` between them (d3's band padding is a ratio).
    fy: { axis: null, domain: rows, paddingInner: rows.length > 1 ? ROW_GAP / (facet + ROW_GAP) : 0, paddingOuter: 0 },
    marks: [
      // The indicator, above its bars, from the left edge.
      Plot.text(rows, { fy: (d: string) => d, text: (d: string) => labels[Number(d)], frameAnchor: 'top-left', dx: -marginLeft, dy: 2, lineAnchor: 'top', textAnchor: 'start', lineHeight: LINE / FONT, className: 'chart__row' }),
      // The series names at the left of each bar, also where the report gives no value.
      Plot.text(
        rows.flatMap((row) => chart.series.map((series) => ({ row, series }))),
        { y: 'series', fy: 'row', text: 'series', frameAnchor: 'left', dx: -6, textAnchor: 'end', className: 'chart__series' },
      ),
      Plot.ruleX([0], { insetTop: top, className: 'chart__zero' }),
      ...bars,
      // Where the report gives no number for a series, say so rather than leave a gap.
      Plot.text(
        rows.flatMap((row, i) => chart.series.filter((series) => !panel.rows[i]!.points.some((p) => p.series === series)).map((series) => ({ row, series }))),
        { y: 'series', fy: 'row', text: () => '报告未给数字', frameAnchor: 'left', dx: 5, textAnchor: 'start', className: 'chart__none' },
      ),
      // The value as the report writes it, at the bar's end (right of zero when negative).
      Plot.text(data, { x: (d: Datum) => Math.max(0, d.value), y: 'series', fy: 'row', text: 'label', dx: 5, textAnchor: 'start', className: 'chart__value' }),
    ],
  }) as unknown as Element;
  clean(svg);
  return compactChartSvg(svg, { fontSize: FONT_SIZE, rowPitch: facet + ROW_GAP }).outerHTML;
}
