/**
 * The rewrite of Plot's SVG (src/charts/compact-chart-svg.ts): every mark keeps its class and
 * its place on the drawing, given as few bytes as possible, one group per chart row. The input
 * is markup of the shape Plot writes (a group per mark, a group per facet, text offsets in `em`).
 */
import { readFileSync } from 'node:fs';
import { syntax } from 'csso';
import { parseHTML } from 'linkedom';
import { describe, expect, test } from 'vitest';
import { compactChartSvg } from '../../src/charts/compact-chart-svg.ts';
import { FONT_SIZE } from '../../src/charts/chart-svg.ts';

const fontSize = { chart__row: 13, chart__series: 12, chart__value: 13 };

/** Plot-shaped markup in, compact markup out. */
function compact(inner: string, rowPitch = 66): string {
  const { document } = parseHTML(`<!doctype html><html><body><svg viewBox="0 0 280 120">${inner}</svg></body></html>`);
  return compactChartSvg(document.querySelector('svg')!, { fontSize, rowPitch }).outerHTML;
}

describe('compactChartSvg', () => {
  test('sums the offsets of the groups into each mark and groups the marks by row, in row coordinates', () => {
    const out = compact(
      '<g class="chart__series"><g transform="translate(-6,8)"><text transform="translate(73,20)" y="0.32em">2020年</text></g>' +
        '<g transform="translate(-6,74)"><text transform="translate(73,20)" y="0.32em">2020年</text></g></g>' +
        '<g class="chart__zero"><g><line x1="73" x2="73" y1="20" y2="54" /></g><g transform="translate(0,66)"><line x1="73" x2="73" y1="20" y2="54" /></g></g>' +
        '<g class="chart__bar--now"><g transform="translate(0,66)"><rect x="73" y="21" width="83" height="13" /></g></g>',
    );
    const { document } = parseHTML(`<!doctype html><html><body>${out}</body></html>`);
    const rows = [...document.querySelectorAll('svg > g')];
    expect(rows.map((g) => g.getAttribute('transform'))).toEqual([null, 'translate(0,66)']);
    // Both rows alike, byte for byte: what gzip stores in a few bytes.
    expect(rows[0]!.innerHTML).toBe(rows[1]!.innerHTML.replace(/<rect[^>]*><\/rect>|<rect[^>]*\/>/, ''));
    const text = rows[1]!.querySelector('text')!;
    expect([text.getAttribute('class'), text.getAttribute('transform'), text.hasAttribute('x'), text.hasAttribute('y')]).toEqual(['chart__series', 'translate(67,31.84)', false, false]);
    const line = rows[1]!.querySelector('line')!;
    expect(['x1', 'x2', 'y1', 'y2', 'class'].map((a) => line.getAttribute(a))).toEqual(['73', '73', '20', '54', 'chart__zero']);
    const rect = rows[1]!.querySelector('rect')!;
    expect(['x', 'y', 'width', 'height', 'class'].map((a) => rect.getAttribute(a))).toEqual(['73', '21', '83', '13', 'chart__bar--now']);
    expect(out).not.toMatch(/em"/);
  });

  test('a text at x = 0 takes only a y; one further right is translated there (Chromium draws a text at `x` a fraction of a pixel off)', () => {
    const out = compact('<g class="chart__row"><g transform="translate(-73,68)"><text transform="translate(73,0)" y="0.93em">行</text></g></g><g class="chart__value"><g transform="translate(5,8)"><text transform="translate(178,20)" y="0.32em">4.8%</text></g></g>');
    expect(out).toContain('<g transform="translate(0,66)"><text class="chart__row" y="14.09">行</text></g>');
    expect(out).toContain('<text class="chart__value" transform="translate(183,32.16)">4.8%</text>');
  });

  test('a wrapped text keeps each line’s x, even 0, and its y or dy in units', () => {
    const out = compact('<g class="chart__row"><g transform="translate(-73,2)"><text transform="translate(73,0)"><tspan y="0.93em" x="0">一</tspan><tspan dy="1.31em" x="0">二</tspan></text></g></g>');
    const { document } = parseHTML(`<!doctype html><html><body>${out}</body></html>`);
    const spans = [...document.querySelectorAll('tspan')];
    expect(spans.map((s) => [s.getAttribute('x'), s.getAttribute('y'), s.getAttribute('dy')])).toEqual([
      ['0', '12.09', null],
      ['0', null, '17.03'],
    ]);
    expect(document.querySelector('text')!.getAttribute('transform')).toBe('translate(0,2)');
  });

  test('stops on what it cannot place: a text of a class with no font size, a transform other than a translation', () => {
    expect(() => compact('<g class="chart__other"><text y="0.32em">?</text></g>')).toThrow(/chart__other/);
    expect(() => compact('<g class="chart__row" transform="rotate(90)"><text>?</text></g>')).toThrow(/rotate/);
  });
});

describe('the text sizes the drawing is laid out with', () => {
  /** The last `font-size` in px chart-drawing.css gives a selector, by rules that name it in their list. */
  function cssFontSize(css: string, selector: string): number | undefined {
    let size: number | undefined;
    syntax.walk(syntax.parse(css), {
      visit: 'Rule',
      enter(node: { prelude: object; block: object }) {
        const selectors = syntax.generate(node.prelude as never).split(',').map((s) => s.trim());
        if (!selectors.includes(selector)) return;
        const px = /font-size:(\d+(?:\.\d+)?)px/.exec(syntax.generate(node.block as never));
        if (px) size = Number(px[1]);
      },
    });
    return size;
  }

  test('are the sizes chart-drawing.css sets: the labels are placed for the size they are drawn at', () => {
    const css = readFileSync('src/charts/chart-drawing.css', 'utf8');
    const base = cssFontSize(css, '.chart svg');
    expect(base).toBeDefined();
    for (const [name, px] of Object.entries(FONT_SIZE)) expect(cssFontSize(css, `.${name}`) ?? base, name).toBe(px);
  });
});
