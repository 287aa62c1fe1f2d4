/**
 * The edition's KaTeX stylesheet (src/integrations/katex-stylesheet.ts), fed formulas typeset by
 * KaTeX itself, their inline styles hoisted as the build does: what a formula uses stays, the
 * rest of KaTeX's stylesheet and the faces nothing can reach go.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import katex from 'katex';
import { describe, expect, test } from 'vitest';
import { woff2Only } from '../../src/integrations/katex-assets.ts';
import { contentHash, fontFiles, formulaMarkup, katexStylesheet } from '../../src/integrations/katex-stylesheet.ts';
import { hoistStyles, StyleRegistry } from '../../src/plugins/rehype-hoist-styles.ts';

const KATEX_CSS = woff2Only(readFileSync(join(dirname(createRequire(import.meta.url).resolve('katex/package.json')), 'dist', 'katex.min.css'), 'utf8'));

/** A page with the formulas `tex` (display formulas), as the build writes it, and its stylesheet. */
function stylesheetFor(...tex: string[]) {
  const registry = new StyleRegistry();
  const tree = fromHtml(
    `<p>正文</p>${tex.map((t) => katex.renderToString(t, { displayMode: true, output: 'htmlAndMathml', throwOnError: true, strict: 'ignore' })).join('')}`,
    { fragment: true },
  );
  hoistStyles(tree, registry);
  const formulas = formulaMarkup(`<!DOCTYPE html><html><body>${toHtml(tree)}</body></html>`);
  return { formulas, css: katexStylesheet(KATEX_CSS, formulas, registry.css()) };
}

const faces = (css: string) => [...css.matchAll(/@font-face\{[^}]*font-family:"?([\w]+)"?;font-style:(\w+);font-weight:(\d+)/g)].map((m) => `${m[1]} ${m[3]} ${m[2]}`);

describe('katexStylesheet', () => {
  test('a fraction of Chinese text: its rules, KaTeX_Main upright alone, the hoisted sizes', () => {
    const { formulas, css } = stylesheetFor('\\frac{\\text{增加值}}{\\text{总量}}');
    expect(formulas).toHaveLength(1);
    expect(formulas[0]).toMatch(/^<span class="katex-display">/);
    for (const rule of ['.katex{font:', '.katex .mfrac .frac-line{', '.katex .vlist-t{', '.katex-display>.katex{', '.katex .vlist>span>.pstrut{'])
      expect(css).toContain(rule);
    expect(faces(css)).toEqual(['KaTeX_Main 400 normal']);
    expect(fontFiles(css)).toEqual(['KaTeX_Main-Regular.woff2']);
    expect(css).toMatch(/\.ks-[0-9a-f]{8}\{height:/);
    // Nothing this formula cannot use.
    for (const unused of ['.mathnormal', '.mtable', '.fbox', '.katex svg', '.accent', 'KaTeX_AMS', 'KaTeX_Math']) expect(css).not.toContain(unused);
  });

  test('an italic variable keeps KaTeX_Math italic; a bold one, KaTeX_Main bold; a big sum, KaTeX_Size2', () => {
    const { css } = stylesheetFor('x + \\mathbf{y} = \\sum_{i=1}^{n} i');
    expect(css).toContain('.katex .mathnormal{');
    expect(css).toContain('.katex .mathbf{');
    expect(faces(css)).toEqual(expect.arrayContaining(['KaTeX_Math 400 italic', 'KaTeX_Main 700 normal', 'KaTeX_Size2 400 normal', 'KaTeX_Main 400 normal']));
    // Families no rule names go, whatever weight and style the rules set.
    for (const family of ['KaTeX_AMS', 'KaTeX_Caligraphic', 'KaTeX_Fraktur', 'KaTeX_Script', 'KaTeX_Size1']) expect(css).not.toContain(family);
  });

  test('numbered equations keep the counter their numbers count with', () => {
    const { css } = stylesheetFor('\\begin{equation}a = b\\end{equation}');
    expect(css).toContain('.katex .eqn-num:before{');
    expect(css).toContain('body{counter-reset:katexEqnNo mmlEqnNo}');
  });

  test('a changed formula set gets a new name; the same one, the same name', () => {
    const one = stylesheetFor('\\frac{a}{b}').css;
    expect(contentHash(stylesheetFor('\\frac{a}{b}').css)).toBe(contentHash(one));
    expect(contentHash(stylesheetFor('\\frac{a}{b}', '\\sqrt{2}').css)).not.toBe(contentHash(one));
  });

  test('no formulas: no formula markup', () => {
    expect(formulaMarkup('<!DOCTYPE html><html><body><p>正文</p></body></html>')).toEqual([]);
  });
});
