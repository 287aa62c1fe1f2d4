/**
 * The charts, in Chromium, Firefox ESR and WebKit, against the built site behind the project's
 * nginx config: every drawing lays out (its bars have a size, its labels a width, nothing spills
 * out of the figure), a phone 360 px wide scrolls no page sideways, and the marks take the dark
 * theme's colours when the reader switches. The SVG is drawn at build time; what can differ
 * between engines is how they size SVG text and apply the site's variables to it.
 */
import { describe, expect, inject, test } from 'vitest';
import { ENGINES, useEngine } from './engine.ts';

const baseUrl = inject('baseUrl');

/** Per figure: its id, how many bars and labels it draws, how many of them have no size, and whether any drawing spills out of its figure. */
const layout = () =>
  [...document.querySelectorAll<HTMLElement>('figure.chart')].map((figure) => {
    const box = figure.getBoundingClientRect();
    const bars = [...figure.querySelectorAll<SVGGraphicsElement>('.chart__panels svg rect')];
    const labels = [...figure.querySelectorAll<SVGGraphicsElement>('.chart__panels svg text')];
    const sized = (e: SVGGraphicsElement) => {
      const r = e.getBoundingClientRect();
      return r.width > 0 && r.height > 0;
    };
    const spills = [...figure.querySelectorAll('.chart__panels svg')].some((svg) => {
      const r = svg.getBoundingClientRect();
      return r.left < box.left - 1 || r.right > box.right + 1;
    });
    return { id: figure.id || figure.closest('[id]')?.id, bars: bars.length, labels: labels.length, unsized: [...bars, ...labels].filter((e) => !sized(e)).length, spills };
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
        expect({ unsized: f.unsized, spills: f.spills }, `${f.id} at ${width} px`).toEqual({ unsized: 0, spills: false });
      }
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth), `no sideways scroll at ${width} px`).toBe(true);
      if (width === 360) await page.screenshot('charts-indicators-phone');
      expect(await page.errors()).toEqual([]);
      await page.close();
    }
  });

  test('a chapter: the small figures beside their paragraphs lay out on a phone, and follow the dark theme', async () => {
    const page = await engine().newPage({ width: 360, height: 740 });
    await page.goto(baseUrl + 'review-2020/');
    const figures = await page.evaluate(layout);
    expect(figures.length, 'figures beside paragraphs').toBeGreaterThan(0);
    for (const f of figures) expect({ unsized: f.unsized, spills: f.spills }, `${f.id}`).toEqual({ unsized: 0, spills: false });
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth), 'no sideways scroll').toBe(true);

    const fills = () =>
      page.evaluate(() => {
        const bar = document.querySelector<SVGElement>('figure.chart svg rect')!;
        const label = document.querySelector<SVGElement>('figure.chart svg text')!;
        return { bar: getComputedStyle(bar).fill, label: getComputedStyle(label).fill };
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
