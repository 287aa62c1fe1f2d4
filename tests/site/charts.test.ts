/**
 * The edition's charts in the built site: each on the 主要指标 page above the table it names
 * (or in the section for charts without one), each a whole document (title, summary, drawing,
 * source, data table); after every paragraph its numbers come from, a small figure that links
 * to it and is a bar table (the table is the chart: each value once, as the report writes it,
 * with its ¶ and a bar to scale); no inline style anywhere, never report text. An edition
 * without charts shows none.
 */
import { describe, expect, test } from 'vitest';
import { parseHTML } from 'linkedom';
import { chartFigure } from '../../src/charts/chart-figure.ts';
import { chartForParagraph, chartPanels, chartParagraphs, impliedYears, rowLabel, seriesRoles } from '../../src/charts/chart-panels.ts';
import { panelSvg } from '../../src/charts/chart-svg.ts';
import { editionCharts, type Chart } from '../../src/charts/load-charts.ts';
import { toHtml } from 'hast-util-to-html';
import { FIXTURE_CHARTS } from '../fixtures/charts/render/charts.ts';
import { currentEdition } from '../../src/edition/load-edition.ts';
import { exists, fileFor, htmlFiles, load, pageUrl } from '../support/site.ts';

const charts = editionCharts();
const INDICATORS = 'indicators/index.html';
const chapterFiles = currentEdition().chapters.map((c) => `${c.slug}/index.html`);
/**
 * Every chart on every page: on the site a `figure.chart`; in the offline file, which renames its
 * classes (src/offline/short-class-names.ts), a figure with a drawing.
 */
const allFigures = () =>
  htmlFiles().flatMap((file) =>
    file.startsWith('downloads/')
      ? [...load(file).querySelectorAll('figure')].filter((figure) => figure.querySelector('svg')).map((figure) => ({ file, figure }))
      : [...load(file).querySelectorAll('figure.chart')].map((figure) => ({ file, figure })),
  );

/** The chapter page and element of ¶n. */
function paragraph(n: number): { file: string; element: Element } | undefined {
  for (const file of chapterFiles) {
    const element = load(file).getElementById(`p-${n}`);
    if (element) return { file, element };
  }
  return undefined;
}

/** The figures right after ¶n: after the paragraph, or after the block that holds it with its notes. */
function figuresAfter(element: Element): Element[] {
  let anchor: Element = element;
  if (anchor.parentElement?.classList.contains('para-block')) anchor = anchor.parentElement;
  const out: Element[] = [];
  for (let next = anchor.nextElementSibling; next?.matches('figure.chart'); next = next.nextElementSibling) out.push(next);
  return out;
}

/** A bar's length and start, in percent of its box, as its `width` and `x` attributes say (`x` absent: 0). */
function barBox(rect: Element): { x: number; width: number } {
  const percent = (name: string) => {
    const value = rect.getAttribute(name);
    if (value === null) return 0;
    expect(value, `${name}="${value}" is a percentage of the cell`).toMatch(/^\d+(\.\d)?%$/);
    return parseFloat(value);
  };
  return { x: percent('x'), width: percent('width') };
}

/**
 * Checks a small figure against the chart (the part of it the figure shows): a real table, its
 * headers with their scope; a `<tbody>` per unit, in the order of the chart's rows; each value as
 * the report writes it with its unit, its ¶ and its bar in its series' class, the bars of a unit
 * to one scale from 0; a missing value said so; nothing drawn twice (no drawing, no data table).
 */
function checkBarTable(figure: Element, chart: Chart) {
  expect(figure.querySelector('.chart__panels, details, text, .chart__summary'), 'a drawing or a second table in a small figure').toBeNull();
  const table = figure.querySelector('table')!;
  expect(table?.parentElement, 'the small figure is a table').toBe(figure);
  expect([...table.querySelectorAll('thead th')].map((th) => [th.textContent, th.getAttribute('scope')])).toEqual(['指标', ...chart.series].map((s) => [s, 'col']));
  const panels = chartPanels(chart);
  const bodies = [...table.querySelectorAll('tbody')];
  expect(bodies.length, 'one <tbody> per unit').toBe(panels.length);
  const star = impliedYears(chart) === 'some';
  const roles = seriesRoles(chart);
  panels.forEach((panel, b) => {
    const rows = [...bodies[b]!.querySelectorAll('tr')];
    expect(rows.map((tr) => tr.querySelector('th[scope="row"]')?.textContent)).toEqual(panel.rows.map(rowLabel));
    const values = panel.rows.flatMap((r) => r.points.map((p) => p.value));
    const [low, high] = [Math.min(0, ...values), Math.max(0, ...values)];
    const span = high - low || 1;
    const zero = (-low / span) * 100;
    panel.rows.forEach((row, r) => {
      const cells = [...rows[r]!.querySelectorAll('td')];
      expect(cells.length).toBe(chart.series.length);
      chart.series.forEach((series, s) => {
        const cell = cells[s]!;
        const point = row.points.find((p) => p.series === series);
        const name = `${rowLabel(row)} ${series}`;
        if (!point) {
          expect(cell.classList.contains('chart__none'), name).toBe(true);
          expect(cell.textContent, name).toBe('未给数字');
          return;
        }
        // The value as the report writes it, then its unit; a <data> only where the text is not the number.
        const data = cell.querySelector('data');
        expect(data?.textContent ?? point.text, name).toBe(point.text);
        expect(data?.getAttribute('value') ?? point.text, name).toBe(String(point.value));
        const link = cell.querySelector('a')!;
        expect(cell.textContent, name).toBe(`${point.text}${panel.unit}${star && point.impliedYear ? '*' : ''} ¶${point.paragraph}`);
        expect(link.getAttribute('href')!.endsWith(`#p-${point.paragraph}`), name).toBe(true);
        const svg = cell.querySelector('svg')!;
        expect(svg.getAttribute('aria-hidden'), `${name}: the bar is hidden from screen readers`).toBe('true');
        const rects = [...svg.querySelectorAll('rect')];
        // A value of 0 has no bar: the line at 0 alone.
        expect(rects.length, name).toBe(point.value === 0 ? 0 : 1);
        const rect = rects[0];
        if (!rect) return;
        expect(rect.getAttribute('class'), name).toBe(`chart__bar--${roles[s]}`);
        // To scale: within a rounding of a percent of the unit's span, from 0.
        const { x, width } = barBox(rect);
        expect(width, `${name}: bar length`).toBeGreaterThan(0);
        expect(Math.abs(width - (Math.abs(point.value) / span) * 100), `${name}: bar ${width}% for ${point.value} of ${span}`).toBeLessThanOrEqual(0.5);
        expect(Math.abs((point.value < 0 ? x + width : x) - zero), `${name}: the bar starts at 0`).toBeLessThanOrEqual(1);
        // Where 0 lies inside the box, a line marks it.
        const line = svg.querySelector('line.chart__zero');
        if (low < 0) expect(Math.abs(parseFloat(line!.getAttribute('x1')!) - zero), name).toBeLessThanOrEqual(0.5);
        else expect(line, name).toBeNull();
      });
    });
  });
  // What the figure says of implied years and of several units.
  const note = figure.querySelector('.chart__source')?.textContent ?? '';
  expect(note.includes('年份为编者据报告推断'), 'the note on implied years').toBe(impliedYears(chart) !== 'none');
  expect(note.includes('同一单位'), 'the note on units').toBe(panels.length > 1);
}

if (charts.length === 0) {
  test('an edition without charts shows no chart', () => {
    expect(allFigures().map(({ file }) => file)).toEqual([]);
  });
} else {
  describe.each(charts.map((c) => [c.id, c] as const))('chart %s', (id, chart) => {
    test('is on the 主要指标 page, above the table it names', () => {
      const document = load(INDICATORS);
      const figure = document.getElementById(`chart-${id}`);
      expect(figure, `no #chart-${id} on ${INDICATORS}`).not.toBeNull();
      const section = figure!.closest('section')!;
      if (chart.table) {
        expect(section.id).toBe(chart.table);
        const table = [...section.querySelectorAll('table')].find((t) => !t.closest('figure'));
        expect(table, `no indicator table in #${chart.table}`).not.toBeNull();
        expect(figure!.compareDocumentPosition(table!) & 4, 'the chart comes before its table').toBeTruthy();
      } else expect(section.id).toBe('charts');
    });

    test('is a document: title, summary, drawing, source, data table', () => {
      const figure = load(INDICATORS).getElementById(`chart-${id}`)!;
      expect(figure.querySelector('figcaption .chart__title')?.textContent).toBe(chart.title);
      expect(figure.querySelector('figcaption .chart__summary')?.textContent).toBe(chart.summary);
      const units = new Set(chart.rows.map((r) => r.unit));
      expect(figure.querySelectorAll('.chart__panels[aria-hidden="true"] svg').length, 'one panel per unit, hidden from screen readers').toBe(units.size);
      const cited = [...figure.querySelectorAll('.chart__source a')].map((a) => a.textContent);
      expect(cited).toEqual(chartParagraphs(chart).map((n) => `¶${n}`));
      const body = [...figure.querySelectorAll('details table tbody tr')];
      expect(body.length).toBe(chart.rows.length);
      chart.rows.forEach((row, i) => {
        const cells = [...body[i]!.querySelectorAll('td')].slice(1);
        chart.series.forEach((series, s) => {
          const point = row.points.find((p) => p.series === series);
          // The value as the report writes it; a machine-readable <data> where that text is not the number itself.
          if (point) {
            const data = cells[s]!.querySelector('data');
            expect(data?.textContent ?? cells[s]!.textContent!.split(/[*\s]/)[0], `${row.indicator} ${series}`).toBe(point.text);
            expect(data?.getAttribute('value') ?? point.text, `${row.indicator} ${series}`).toBe(String(point.value));
          } else expect(cells[s]!.textContent).toBe('未给数字');
        });
      });
    });

    test.each(chartParagraphs(chart))('¶%i shows its rows in a small figure that links to the chart', (n) => {
      const found = paragraph(n);
      expect(found, `¶${n} is on no chapter page`).toBeDefined();
      const figures = figuresAfter(found!.element).filter((f) => f.querySelector('.chart__title')?.textContent === chart.title);
      expect(figures.length, `no figure of “${chart.title}” after ¶${n}`).toBe(1);
      const part = chartForParagraph(chart, n)!;
      expect(part.rows.length).toBeGreaterThan(0);
      checkBarTable(figures[0]!, part);
      const more = figures[0]!.querySelector('a.chart__more');
      expect(more?.textContent).toBe('查看完整图表');
      const target = new URL(more!.getAttribute('href')!, pageUrl(found!.file));
      expect(fileFor(target)).toBe(INDICATORS);
      expect(target.hash).toBe(`#chart-${id}`);
    });
  });

  test('every small figure links to a chart that exists', () => {
    const figures = chapterFiles.flatMap((file) => [...load(file).querySelectorAll('figure.chart')].map((figure) => ({ file, figure })));
    expect(figures.length).toBeGreaterThan(0);
    for (const { file, figure } of figures) {
      expect(figure.classList.contains('chart--compact')).toBe(true);
      const target = new URL(figure.querySelector('a.chart__more')!.getAttribute('href')!, pageUrl(file));
      const page = fileFor(target)!;
      expect(exists(page), `${file}: ${target.pathname} is not a page`).toBe(true);
      expect(load(page).getElementById(target.hash.slice(1)), `${file}: ${target.hash} is not on ${page}`).not.toBeNull();
    }
  });
}

test('every chart is editorial UI, kept out of the search index, with no inline style', () => {
  const figures = allFigures();
  // The offline file carries the charts too (#14): they must be there to be checked.
  if (charts.length > 0) expect(figures.filter(({ file }) => file.startsWith('downloads/')).length, 'charts in the offline file').toBeGreaterThanOrEqual(charts.length);
  for (const { file, figure } of figures) {
    // A drawing on 主要指标 and in the offline file; beside a paragraph, the bars of its table.
    expect(figure.querySelector('svg'), `${file}: a chart without its drawing or bars`).not.toBeNull();
    expect(figure.hasAttribute('data-edition-ui'), file).toBe(true);
    // The offline file is one page without a search index; it drops the indexer's attributes.
    if (!file.startsWith('downloads/')) expect(figure.getAttribute('data-pagefind-ignore'), file).toBe('all');
    expect(figure.closest('p'), `${file}: a figure inside a paragraph`).toBeNull();
    expect([...figure.querySelectorAll('[style]')].map((e) => `${file}: <${e.tagName.toLowerCase()} style>`)).toEqual([]);
    expect(figure.querySelectorAll('style').length, `${file}: <style> in a chart`).toBe(0);
  }
});

/** The drawing of the fixture charts (tests/fixtures/charts/render/), whatever the edition holds. */
describe.each(FIXTURE_CHARTS.map((c) => [c.id, c] as const))('the renderer on %s', (_id, chart) => {
  const { document } = parseHTML(`<!doctype html><html><body>${toHtml(chartFigure(chart, { paragraphHref: (n) => `#p-${n}` }))}</body></html>`);
  const figure = document.querySelector('figure')!;

  test('one panel per unit, no inline style, no <style>, no colour written in', () => {
    const panels = chartPanels(chart);
    expect(figure.querySelectorAll('svg').length).toBe(panels.length);
    expect(figure.querySelectorAll('[style], style').length).toBe(0);
    for (const panel of panels) expect(panelSvg(chart, panel)).not.toMatch(/\b(fill|stroke)="|#[0-9a-f]{3,6}\b|style/i);
  });

  test('every value is written on its bar, with its unit; a value the report lacks is said so', () => {
    for (const [i, panel] of chartPanels(chart).entries()) {
      const svg = figure.querySelectorAll('svg')[i]!;
      const values = [...svg.querySelectorAll('text.chart__value')].map((t) => t.textContent);
      const star = impliedYears(chart) === 'some';
      const expected = panel.rows.flatMap((r) => r.points.map((p) => `${p.text}${panel.unit}${star && p.impliedYear ? '*' : ''}`));
      expect(values.sort()).toEqual(expected.sort());
      const missing = panel.rows.reduce((n, r) => n + chart.series.filter((s) => !r.points.some((p) => p.series === s)).length, 0);
      expect(svg.querySelectorAll('text.chart__none').length).toBe(missing);
      expect(svg.querySelectorAll('rect').length).toBe(expected.length);
    }
  });
});

/** The small figures of the fixture charts, whatever the edition holds: two units, a missing value, a negative value. */
describe.each(FIXTURE_CHARTS.map((c) => [c.id, c] as const))('the bar table of %s', (_id, chart) => {
  const { document } = parseHTML(`<!doctype html><html><body>${toHtml(chartFigure(chart, { paragraphHref: (n) => `#p-${n}`, fullChartHref: '/indicators/#chart-x' }))}</body></html>`);
  const figure = document.querySelector('figure')!;

  test('is a table of every value once, with its ¶ and its bar to scale', () => {
    expect(figure.getAttribute('class')).toBe('chart chart--compact');
    expect(figure.hasAttribute('id')).toBe(false);
    // The link to the whole chart under the table, not in the caption, which names the figure.
    expect(figure.querySelector('.chart__source a.chart__more')?.getAttribute('href')).toBe('/indicators/#chart-x');
    expect(figure.querySelector('figcaption')?.textContent).toBe(chart.title);
    checkBarTable(figure as unknown as Element, chart);
  });

  test('no inline style, no <style>, no colour written in', () => {
    expect(figure.querySelectorAll('[style], style').length).toBe(0);
    expect(figure.outerHTML).not.toMatch(/\b(fill|stroke)="|#[0-9a-f]{3,6}\b/i);
  });
});

test('the fixtures give the bar table a negative value, a missing value and two units to show', () => {
  const points = FIXTURE_CHARTS.flatMap((c) => c.rows.flatMap((r) => r.points));
  expect(points.some((p) => p.value < 0)).toBe(true);
  expect(FIXTURE_CHARTS.some((c) => c.rows.some((r) => r.points.length < c.series.length))).toBe(true);
  expect(FIXTURE_CHARTS.some((c) => chartPanels(c).length > 1)).toBe(true);
});
