/**
 * The charts, in Chromium, Firefox ESR and WebKit, against the built site behind the project's
 * nginx config: every drawing lays out (its bars have a size, its labels a width, nothing spills
 * out of the figure), every bar table beside a paragraph too (each value's bar has a size, to
 * scale, inside its cell), a phone 360 px wide scrolls no page sideways, and the marks take the
 * dark theme's colours when the reader switches. The SVG is written at build time; what can
 * differ between engines is how they size SVG text, lay out a fixed table, resolve a bar's
 * percentages and CSS-set height, and apply the site's variables to it.
 */
import { describe, expect, inject, test } from 'vitest';
import { ENGINES, useEngine } from './engine.ts';

const baseUrl = inject('baseUrl');

/**
 * Per figure: its id, how many bars and labels it draws (on 主要指标, the drawing's rects and
 * texts; beside a paragraph, the bar table's rects and value cells), how many of them have no
 * size, whether any drawing or table spills out of its figure, and the bars that are not to
 * scale (bar table: the same pixels per unit of value across a unit's rows, ± 1.5 px).
 */
const layout = () =>
  [...document.querySelectorAll<HTMLElement>('figure.chart')].map((figure) => {
    const box = figure.getBoundingClientRect();
    const compact = figure.classList.contains('chart--compact');
    const bars = [...figure.querySelectorAll<SVGGraphicsElement>(compact ? 'td svg rect' : '.chart__panels svg rect')];
    const labels = [...figure.querySelectorAll<Element>(compact ? 'td' : '.chart__panels svg text')];
    const sized = (e: Element) => {
      const r = e.getBoundingClientRect();
      return r.width > 0 && r.height > 0;
    };
    const spills = [...figure.querySelectorAll(compact ? ':scope > table, td svg rect' : '.chart__panels svg')].some((e) => {
      const r = e.getBoundingClientRect();
      return r.left < box.left - 1 || r.right > box.right + 1;
    });
    const unscaled: string[] = [];
    for (const tbody of compact ? figure.querySelectorAll('tbody') : []) {
      const drawn = [...tbody.querySelectorAll('td')].flatMap((td) => {
        const rect = td.querySelector('svg rect');
        if (!rect) return [];
        const data = td.querySelector('data');
        const value = Math.abs(Number(data ? data.getAttribute('value') : /^-?[\d.]+/.exec(td.textContent!)![0]));
        const [cell, r] = [td.getBoundingClientRect(), rect.getBoundingClientRect()];
        if (r.left < cell.left - 1 || r.right > cell.right + 1) unscaled.push(`${value}: out of its cell`);
        return [{ value, width: r.width }];
      });
      const longest = drawn.reduce((a, b) => (b.value > a.value ? b : a), drawn[0]!);
      // A unit whose values are all 0 would make every comparison below NaN, and so silent.
      if (!(longest.value > 0 && longest.width > 0)) unscaled.push(`a unit whose longest bar is ${longest.value}: ${longest.width} px`);
      for (const d of drawn) if (Math.abs(d.width - (longest.width * d.value) / longest.value) > 1.5 + longest.width * 0.006) unscaled.push(`${d.value}: ${d.width.toFixed(1)} px against ${longest.value}: ${longest.width.toFixed(1)} px`);
    }
    return { id: figure.id || figure.closest('[id]')?.id, bars: bars.length, labels: labels.length, unsized: [...bars, ...labels].filter((e) => !sized(e)).length, spills, unscaled };
  });

describe.each(ENGINES)('%s', (name) => {
  const engine = useEngine(name);

  test('the 主要指标 page: every chart lays out, at 1280 px and at 360 px', async () => {
    for (const width of [1280, 360]) {
      const page = await engine().newPage({ width, height: 900 });
      await page.goto(baseUrl + 'indicators/');
      const figures = await page.evaluate(layout);
      expect(figures.length, 'charts on the page').toBeGreaterThan(0);
      for (const f of figures) {
        expect(f.bars, `${f.id}: bars`).toBeGreaterThan(0);
        expect(f.labels, `${f.id}: labels`).toBeGreaterThan(f.bars);
        expect({ unsized: f.unsized, spills: f.spills, unscaled: f.unscaled }, `${f.id} at ${width} px`).toEqual({ unsized: 0, spills: false, unscaled: [] });
      }
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth), `no sideways scroll at ${width} px`).toBe(true);
      if (width === 360) await page.screenshot('charts-indicators-phone');
      expect(await page.errors()).toEqual([]);
      await page.close();
    }
  });

  test('a chapter: the bar tables beside their paragraphs lay out at 1280 px and on a phone, and follow the dark theme', async () => {
    for (const width of [1280, 360]) {
      const wide = await engine().newPage({ width, height: 900 });
      await wide.goto(baseUrl + 'work-2021/');
      const figures = await wide.evaluate(layout);
      expect(figures.length, 'figures beside paragraphs').toBeGreaterThan(0);
      for (const f of figures) {
        expect(f.bars, `${f.id}: bars`).toBeGreaterThan(0);
        expect({ unsized: f.unsized, spills: f.spills, unscaled: f.unscaled }, `${f.id} at ${width} px`).toEqual({ unsized: 0, spills: false, unscaled: [] });
      }
      expect(await wide.evaluate(() => document.documentElement.scrollWidth <= innerWidth), `no sideways scroll at ${width} px`).toBe(true);
      expect(await wide.errors()).toEqual([]);
      await wide.close();
    }

    const page = await engine().newPage({ width: 360, height: 740 });
    await page.goto(baseUrl + 'review-2020/');
    const figures = await page.evaluate(layout);
    expect(figures.length, 'figures beside paragraphs').toBeGreaterThan(0);
    for (const f of figures) expect({ unsized: f.unsized, spills: f.spills, unscaled: f.unscaled }, `${f.id}`).toEqual({ unsized: 0, spills: false, unscaled: [] });
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth), 'no sideways scroll').toBe(true);

    const fills = () =>
      page.evaluate(() => {
        const bar = document.querySelector<SVGElement>('figure.chart--compact svg rect')!;
        const label = document.querySelector<HTMLElement>('figure.chart--compact td')!;
        return { bar: getComputedStyle(bar).fill, label: getComputedStyle(label).color };
      });
    const light = await fills();
    await page.evaluate(() => document.querySelector<SVGElement>('figure.chart')!.scrollIntoView({ block: 'center' }));
    await page.screenshot('charts-paragraph-phone');
    await page.click('[data-theme-toggle]');
    // Answered once the page's behaviour has loaded (src/reader/intent.ts).
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    const dark = await fills();
    expect(dark.bar, 'a bar’s fill in the dark theme').not.toBe(light.bar);
    expect(dark.label, 'a label’s colour in the dark theme').not.toBe(light.label);
    await page.screenshot('charts-paragraph-phone-dark');
    expect(await page.errors()).toEqual([]);
    await page.close();
  });
});
