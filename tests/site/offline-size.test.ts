/**
 * The offline edition's weight, on every edition's build: the file is at most 350 KB, and every
 * font inside it is KaTeX's font cut down, never the whole font: smaller than KaTeX's file of
 * the same name, and still holding every character the file's formulas show that KaTeX's font
 * has (read from the fonts' character maps with fontkitten, not from the build's own list).
 * An edition without formulas carries no font at all. Whether each formula is drawn with
 * these fonts in a browser is tests/engines/offline-fonts.test.ts.
 *
 * A failure prints what the file is made of (text and markup, styles, scripts, data, fonts).
 * And no class in it is one that nothing uses (the build drops them).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { create, type Font } from 'fontkitten';
import { convert } from 'fontverter';
import { parseHTML } from 'linkedom';
import { beforeAll, describe, expect, test } from 'vitest';
import { currentEdition } from '../../src/edition/load-edition.ts';
import { downloadPaths } from '../../src/integrations/downloads.ts';
import { DIST } from '../support/site.ts';

const KB = 1024;
const BUDGET = 350 * KB;
const path = join(DIST, downloadPaths(currentEdition()).offline);
const html = readFileSync(path, 'utf8');
const { document } = parseHTML(html);
const style = document.querySelector('head style')?.textContent ?? '';
const KATEX_FONTS = join(dirname(createRequire(import.meta.url).resolve('katex/package.json')), 'dist', 'fonts');

/** The file's bytes by kind, to say what grew. */
function breakdown(): string {
  const bytes = (s: string) => Buffer.byteLength(s);
  const fonts = [...style.matchAll(/url\(data:font\/[^)]*\)/g)].reduce((sum, m) => sum + bytes(m[0]), 0);
  const scripts = [...document.querySelectorAll('script')];
  const code = scripts.filter((s) => !s.getAttribute('type')).reduce((sum, s) => sum + bytes(s.textContent ?? ''), 0);
  const data = scripts.filter((s) => s.getAttribute('type') === 'application/json').map((s) => `${s.id} ${bytes(s.textContent ?? '')}`);
  const summaries = [...document.querySelectorAll('[data-summary]')].reduce((sum, e) => sum + bytes(e.getAttribute('data-summary')!), 0);
  // <main> as the file writes it (the parser's own serialisation would add quotes and end tags).
  const main = bytes(html.slice(html.indexOf('<main'), html.indexOf('</main>') + '</main>'.length));
  const text = bytes(document.querySelector('main')!.textContent ?? '');
  return [
    `${path}: ${bytes(html)} bytes (budget ${BUDGET})`,
    `  styles ${bytes(style) - fonts}, fonts ${fonts}, scripts ${code}, data ${data.join(', ')}`,
    `  <main> ${main}: text ${text}, markup ${main - text} (of which the popovers' summaries, data-summary, ${summaries})`,
  ].join('\n');
}

test('the offline file is at most 350 KB', () => {
  expect(Buffer.byteLength(html), breakdown()).toBeLessThanOrEqual(BUDGET);
});

test('every class in the file is one its styles or scripts use', () => {
  // The file is written without the others (src/offline/minify-html.ts); a class named only
  // in markup is bytes that every reader downloads for nothing.
  const scripts = [...document.querySelectorAll('script:not([type])')].map((s) => s.textContent ?? '').join('\n');
  const styled = new Set([...style.matchAll(/\.(-?[_a-zA-Z][\w-]*)/g)].map((m) => m[1]!));
  const spelled = new Set(scripts.match(/[A-Za-z_][\w-]*/g) ?? []);
  const classes = new Set([...document.querySelectorAll('[class]')].flatMap((e) => [...e.classList]));
  expect(classes.size).toBeGreaterThan(0);
  expect([...classes].filter((c) => !styled.has(c) && !spelled.has(c))).toEqual([]);
});

/** A WOFF2 font's character map and names. */
async function readFont(woff2: Buffer): Promise<Font> {
  return create(await convert(woff2, 'sfnt')) as Font;
}

const embedded = [...style.matchAll(/url\(data:font\/woff2;base64,([A-Za-z0-9+/=]+)\)/g)].map((m) => Buffer.from(m[1]!, 'base64'));
/** Every character the formulas show (their visible part; MathML is read by assistive technology, not drawn with these fonts). */
// KaTeX's drawing of a formula is its MathML's hidden sibling (`.katex-html`; the file's class names are shortened).
const formulaText = [...document.querySelectorAll('math')].map((m) => m.parentElement?.nextElementSibling?.textContent ?? '').join('');

if (document.querySelector('math')) {
  describe('fonts, where the edition shows formulas', () => {
    const fonts: { name: string; bytes: number; font: Font; original: Font; originalBytes: number }[] = [];
    beforeAll(async () => {
      for (const bytes of embedded) {
        const font = await readFont(bytes);
        const file = readFileSync(join(KATEX_FONTS, `${font.postscriptName}.woff2`));
        fonts.push({ name: font.postscriptName, bytes: bytes.length, font, original: await readFont(file), originalBytes: file.length });
      }
    });

    test('KaTeX’s main font is there, and no font twice', () => {
      const names = fonts.map((f) => f.name);
      expect(names).toContain('KaTeX_Main-Regular');
      expect(new Set(names).size).toBe(names.length);
      expect(style.match(/@font-face/g)?.length).toBe(fonts.length);
    });

    test('each font is a subset: smaller than KaTeX’s, with every character of the formulas that KaTeX’s has', () => {
      expect(fonts.length).toBeGreaterThan(0);
      // Every formula's drawing found (or the check below would ask for nothing but a space).
      for (const math of document.querySelectorAll('math')) expect(math.parentElement?.nextElementSibling?.textContent?.trim(), 'a formula without its drawing').toBeTruthy();
      for (const { name, bytes, font, original, originalBytes } of fonts) {
        expect(bytes, name).toBeLessThan(originalBytes);
        expect(font.characterSet.length, name).toBeLessThan(original.characterSet.length);
        // And the space: WebKit draws a no-break space with the font's space glyph.
        const needed = [...new Set(formulaText + ' ')].filter((c) => original.hasGlyphForCodePoint(c.codePointAt(0)!));
        const missing = needed.filter((c) => !font.hasGlyphForCodePoint(c.codePointAt(0)!));
        expect(missing, `${name} lacks characters the formulas show`).toEqual([]);
      }
    });
  });
} else {
  test('an edition without formulas carries no font', () => {
    expect(style).not.toMatch(/@font-face|data:font/);
    expect(embedded).toEqual([]);
  });
}
