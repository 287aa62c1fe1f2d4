/**
 * The site's formulas, in Chromium, Firefox ESR and WebKit behind the project's nginx config, are
 * drawn with KaTeX's own faces although the site ships only the `@font-face` rules and fonts its
 * formulas can reach (src/integrations/katex-stylesheet.ts): for each run of text in a formula,
 * the family, weight and style the browser computes for it is a KaTeX face the page declares
 * and has loaded. A face pruned that a formula needs shows here as missing (the browser would
 * draw the run with a fallback, or fake the weight from another face).
 *
 * A screenshot of a page's first formula in each engine, `<engine>-katex-<page>.png`, is for
 * people to look at.
 */
import { describe, expect, inject, test } from 'vitest';
import { ENGINES, nextFrames, useEngine } from './engine.ts';

const baseUrl = inject('baseUrl');
/** The pages with formulas: data checks beside two chapters (side notes need a wide window), the glossary. */
const PAGES = ['review-2020/', 'five-year-plan/', 'glossary/'];

describe.each(ENGINES)('%s', (name) => {
  const engine = useEngine(name);

  test.each(PAGES)('every run of text in a formula on %s has its KaTeX face, loaded', async (path) => {
    const page = await engine().newPage({ width: 1440, height: 900 });
    await page.goto(baseUrl + path);
    const problems = await page.evaluate(async () => {
      await document.fonts.ready;
      const weightOf = (w: string) => (w === 'bold' || Number(w) >= 600 ? '700' : '400');
      const unquote = (s: string) => s.trim().replace(/^["']|["']$/g, '');
      const out: string[] = [];
      let runs = 0;
      for (const el of document.querySelectorAll('.katex-html *')) {
        const text = [...el.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE).map((n) => n.textContent).join('');
        if (!text.trim() || el.getClientRects().length === 0) continue;
        runs++;
        const s = getComputedStyle(el);
        const family = unquote(s.fontFamily.split(',')[0]!);
        const face = [...document.fonts].find((f) => unquote(f.family) === family && weightOf(f.weight) === weightOf(s.fontWeight) && f.style === s.fontStyle);
        if (face?.status !== 'loaded') out.push(`“${text}”: ${s.fontStyle} ${s.fontWeight} ${family} is ${face ? face.status : 'not declared'}`);
      }
      return { runs, out };
    });
    expect(problems.runs, `${path} shows no formula`).toBeGreaterThan(0);
    expect(problems.out).toEqual([]);
    await page.evaluate(() => document.querySelector('.katex')!.scrollIntoView({ block: 'center' }));
    await page.evaluate(nextFrames);
    await page.screenshot(`katex-${path.replace(/\/$/, '')}`);
    expect(await page.errors()).toEqual([]);
    await page.close();
  });
});
