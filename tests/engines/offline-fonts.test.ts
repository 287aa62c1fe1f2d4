/**
 * The offline file's formulas, opened from disk (file://) in Chromium, Firefox ESR and WebKit,
 * are drawn with KaTeX's fonts from inside the file, glyph by glyph, although those fonts are
 * cut down to the formulas' characters (src/offline/katex-fonts.ts).
 *
 * `document.fonts.check()` cannot tell: it asks whether a face is loaded, not whether the face
 * has a glyph for each character, and a face without one lets the browser draw that character
 * with another font. So the page is asked, for each character of each formula, how wide the
 * browser draws it in the face the formula's styles give it, with a monospace font behind; and
 * that must be the advance width KaTeX's own, whole font gives the character (read from KaTeX's
 * font file with fontkitten). A glyph missing from the file's font is drawn by the fallback, at
 * another width, and the test names it. Characters KaTeX's font does not have (Chinese text in
 * a formula) are drawn by a system font on the site as well, and are not asked about.
 *
 * A screenshot of a formula in each engine, `<engine>-offline-formula*.png`, is for people to
 * look at.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { create, type Font } from 'fontkitten';
import { convert } from 'fontverter';
import { describe, expect, test } from 'vitest';
import { currentEdition } from '../../src/edition/load-edition.ts';
import { downloadPaths } from '../../src/integrations/downloads.ts';
import { DIST } from '../support/site.ts';
import { ENGINES, nextFrames, useEngine } from './engine.ts';

const FILE = pathToFileURL(resolve(DIST, downloadPaths(currentEdition()).offline)).href;
const KATEX_FONTS = join(dirname(createRequire(import.meta.url).resolve('katex/package.json')), 'dist', 'fonts');
/** The size the characters are measured at, in CSS pixels. */
const SIZE = 100;

interface Run {
  family: string;
  weight: string;
  style: string;
  text: string;
}

/** KaTeX's file for a face: `KaTeX_Main` 700 italic → `KaTeX_Main-BoldItalic.woff2`. */
function katexFile({ family, weight, style }: Omit<Run, 'text'>): string {
  const variant = `${Number(weight) >= 600 || weight === 'bold' ? 'Bold' : ''}${style === 'italic' ? 'Italic' : ''}` || 'Regular';
  return join(KATEX_FONTS, `${family}-${variant}.woff2`);
}

const fonts = new Map<string, Font>();
async function katexFont(file: string): Promise<Font> {
  if (!fonts.has(file)) fonts.set(file, create(await convert(readFileSync(file), 'sfnt')) as Font);
  return fonts.get(file)!;
}

describe.each(ENGINES)('%s', (name) => {
  const engine = useEngine(name);

  test('every glyph of every formula is drawn with its KaTeX face from inside the file', async () => {
    const page = await engine().newPage();
    await page.goto(FILE);
    expect(new URL(await page.url()).protocol).toBe('file:');
    // Each run of text in a formula, with the face its styles give it.
    const runs = await page.evaluate(() => {
      const out: { family: string; weight: string; style: string; text: string }[] = [];
      // A formula's drawing is the hidden-from-AT sibling of its MathML (KaTeX's `.katex-html`; the file's
      // class names are shortened by its build, src/offline/short-class-names.ts).
      const drawings = [...document.querySelectorAll('math')].map((m) => m.parentElement!.nextElementSibling!);
      for (const el of drawings.flatMap((d) => [...d.querySelectorAll('*')])) {
        const text = [...el.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE).map((n) => n.textContent).join('');
        if (!text.trim()) continue;
        const s = getComputedStyle(el);
        out.push({ family: s.fontFamily.split(',')[0]!.trim().replace(/^["']|["']$/g, ''), weight: s.fontWeight, style: s.fontStyle, text });
      }
      return out;
    });
    if (runs.length === 0) {
      // An edition without formulas: nothing to draw, and no KaTeX face in the file.
      expect(await page.evaluate(() => [...document.fonts].filter((f) => f.family.includes('KaTeX')).length)).toBe(0);
      return;
    }
    // What each face must draw itself, and how wide KaTeX's own font makes each character.
    const faces = new Map<string, { family: string; weight: string; style: string; widths: Record<string, number> }>();
    for (const run of runs) {
      const file = katexFile(run);
      expect(existsSync(file), `${run.family} ${run.weight} ${run.style} (for “${run.text}”) is not a KaTeX face`).toBe(true);
      const font = await katexFont(file);
      const key = `${run.family} ${run.weight} ${run.style}`;
      const face = faces.get(key) ?? { family: run.family, weight: run.weight, style: run.style, widths: {} };
      faces.set(key, face);
      for (const c of run.text) {
        if (!font.hasGlyphForCodePoint(c.codePointAt(0)!)) continue;
        face.widths[c] = (font.glyphForCodePoint(c.codePointAt(0)!).advanceWidth / font.unitsPerEm) * SIZE;
      }
    }
    expect([...faces.keys()]).toContain('KaTeX_Main 400 normal');

    const problems = await page.evaluate(
      async (faces: { family: string; weight: string; style: string; widths: Record<string, number> }[], size: number) => {
        const out: string[] = [];
        const context = document.createElement('canvas').getContext('2d')!;
        const weightOf = (w: string) => (w === 'bold' ? '700' : w === 'normal' ? '400' : w);
        for (const { family, weight, style, widths } of faces) {
          const chars = Object.keys(widths).join('');
          const font = `${style} ${weight} ${size}px ${family}`;
          await document.fonts.load(font, chars);
          const face = [...document.fonts].find(
            (f) => f.family.replace(/["']/g, '') === family && weightOf(f.weight) === weightOf(weight) && f.style === style,
          );
          if (face?.status !== 'loaded') out.push(`${font}: the file's face is ${face ? face.status : 'missing'}`);
          context.font = `${font}, monospace`;
          for (const [c, width] of Object.entries(widths)) {
            const drawn = context.measureText(c).width;
            // Within half a pixel: WebKitGTK rounds a canvas's advances to whole pixels.
            if (Math.abs(drawn - width) > 0.5)
              out.push(`${font}: “${c}” (U+${c.codePointAt(0)!.toString(16).toUpperCase()}) is ${drawn.toFixed(2)} px wide, KaTeX’s glyph ${width.toFixed(2)} px: drawn with another font`);
          }
        }
        return out;
      },
      [...faces.values()],
      SIZE,
    );
    expect(problems).toEqual([]);

    // For people to look at: the first display formula, and the one using most faces.
    await page.evaluate(() => document.querySelector('math[display="block"]')!.parentElement!.parentElement!.scrollIntoView({ block: 'center' }));
    await page.evaluate(nextFrames);
    await page.screenshot('offline-formula');
    await page.evaluate(() => {
      const drawn = (e: Element) => [...e.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim());
      const count = (k: Element) => new Set([...k.lastElementChild!.querySelectorAll('*')].filter(drawn).map((e) => getComputedStyle(e).fontFamily.split(',')[0])).size;
      // Those on screen: a note's formula is hidden until the note is opened.
      const all = [...document.querySelectorAll('math')].map((m) => m.parentElement!.parentElement!).filter((k) => k.getClientRects().length > 0);
      all.sort((a, b) => count(b) - count(a))[0]!.scrollIntoView({ block: 'center' });
    });
    await page.evaluate(nextFrames);
    await page.screenshot('offline-formula-faces');
    expect(await page.errors()).toEqual([]);
    await page.close();
  });
});
