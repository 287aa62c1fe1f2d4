/**
 * The small figure beside a paragraph (src/charts/chart-figure.ts) draws each value's bar from 0
 * on its unit's scale, in whole percents of its cell: these are the edges where rounding or an
 * unusual value could draw a bar that is not there, or one past its box.
 */
import { toHtml } from 'hast-util-to-html';
import { parseHTML } from 'linkedom';
import { describe, expect, test } from 'vitest';
import { chartFigure } from '../../src/charts/chart-figure.ts';
import type { Chart, ChartRow } from '../../src/charts/load-charts.ts';

/** A row of one value per series, in `unit`. */
const row = (indicator: string, unit: string, values: (number | undefined)[]): ChartRow => ({
  indicator,
  unit,
  scope: '未注明',
  points: values.flatMap((value, i) =>
    value === undefined ? [] : [{ series: ['2020年', '2021年目标'][i]!, text: String(value), value, paragraph: 3, quote: `${value}${unit}` }],
  ),
});

/** The small figure of a chart of `rows`, parsed. */
function figure(rows: ChartRow[]): Element {
  const chart: Chart = { id: 'edge', title: '边界情形', summary: '—', kind: 'compare', series: ['2020年', '2021年目标'], rows };
  const html = toHtml(chartFigure(chart, { paragraphHref: (n) => `#p-${n}`, fullChartHref: '/indicators/#chart-edge' }));
  return parseHTML(`<!doctype html><html><body>${html}</body></html>`).document.querySelector('figure') as unknown as Element;
}

/** Each bar of a figure's cell `[row][series]`: its `x` and `width` as written, or null without one. */
const bars = (f: Element) =>
  [...f.querySelectorAll('tbody tr')].map((tr) =>
    [...tr.querySelectorAll('td')].map((td) => {
      const rect = td.querySelector('rect');
      return rect ? { x: rect.getAttribute('x'), width: rect.getAttribute('width') } : null;
    }),
  );

describe('the bar table’s bars', () => {
  test('are whole percents of the largest value of their unit, from the left edge, with no x', () => {
    expect(bars(figure([row('甲', '%', [4.8, 7.3]), row('乙', '%', [3.8, 7])]))).toEqual([
      [
        { x: null, width: '66%' },
        { x: null, width: '100%' },
      ],
      [
        { x: null, width: '52%' },
        { x: null, width: '96%' },
      ],
    ]);
  });

  test('a value of 0 has no bar; a value under 1 % of the scale keeps a tenth, so it is not drawn as 0', () => {
    expect(bars(figure([row('甲', '家', [0, 3000]), row('乙', '家', [1, 2])]))).toEqual([
      [null, { x: null, width: '100%' }],
      [
        { x: null, width: '0.1%' },
        { x: null, width: '0.1%' },
      ],
    ]);
  });

  test('with a negative value, 0 lies inside the box at a line, and bars run left or right of it, never past an end', () => {
    // 0 at 25.5 % and 74.5 to its right: rounded each alone, 26 + 75 would end at 101 %.
    const f = figure([row('甲', '%', [-25.5, 74.5])]);
    expect(bars(f)).toEqual([
      [
        { x: null, width: '26%' },
        { x: '26%', width: '74%' },
      ],
    ]);
    for (const svg of f.querySelectorAll('svg')) {
      expect(svg.getAttribute('class')).toBe('chart__signed');
      const line = svg.querySelector('line.chart__zero')!;
      expect([line.getAttribute('x1'), line.getAttribute('x2'), line.getAttribute('y2')]).toEqual(['26%', '26%', '100%']);
    }
  });

  test('only a unit with a negative value has a line at 0 inside the box', () => {
    const f = figure([row('甲', '%', [-2.5, 1]), row('乙', '亿元', [5, 8])]);
    const [signed, plain] = [...f.querySelectorAll('tbody')];
    expect(signed!.querySelectorAll('svg.chart__signed line.chart__zero').length).toBe(2);
    expect(plain!.querySelectorAll('svg[class], line').length).toBe(0);
  });

  test('units are scaled apart, a <tbody> each, and the note says that bars compare only within one', () => {
    const f = figure([row('甲', '亿元', [8.9, 11.9]), row('乙', '平方公里', [79, 106])]);
    expect(f.querySelectorAll('tbody').length).toBe(2);
    expect(bars(f).map((cells) => cells.map((b) => b?.width))).toEqual([
      ['75%', '100%'],
      ['75%', '100%'],
    ]);
    expect(f.querySelector('.chart__source')?.textContent).toBe('条形只在同一单位的指标间可比。 查看完整图表');
    // One unit: no note, only the link to the whole chart.
    expect(figure([row('甲', '%', [1, 2])]).querySelector('.chart__source')?.textContent).toBe('查看完整图表');
  });

  test('carry no height, no style and no colour: CSS sets them', () => {
    const f = figure([row('甲', '%', [-2.5, 1]), row('乙', '亿元', [5, undefined])]);
    expect(f.querySelectorAll('[height], [style], [fill], [stroke], style').length).toBe(0);
    expect(f.querySelector('td.chart__none')?.textContent).toBe('未给数字');
  });
});
