/**
 * The edition's charts in the built site: each on the 主要指标 page above the table it names
 * (or in the section for charts without one), each a whole document (title, summary, source,
 * data table), a small figure after every paragraph its numbers come from that links to it,
 * no inline style anywhere, never report text. An edition without charts shows none.
 */
import { describe, expect, test } from 'vitest';
import { parseHTML } from 'linkedom';
import { chartFigure } from '../../src/charts/chart-figure.ts';
import { chartPanels, chartParagraphs, impliedYears } from '../../src/charts/chart-panels.ts';
import { panelSvg } from '../../src/charts/chart-svg.ts';
import { editionCharts } from '../../src/charts/load-charts.ts';
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
      const rows = chart.rows.filter((r) => r.points.some((p) => p.paragraph === n));
      expect(figures[0]!.querySelectorAll('details tbody tr').length).toBe(rows.length);
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
    expect(figure.querySelector('svg'), `${file}: a chart without its drawing`).not.toBeNull();
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
