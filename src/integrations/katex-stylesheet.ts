/**
 * The edition's KaTeX stylesheet: KaTeX's own cut to what the edition's formulas can use. A page
 * with a formula waits for this file before it draws anything, and KaTeX's whole stylesheet
 * styles every construct KaTeX can typeset (matrices, accents, colour boxes, twenty font faces)
 * while an edition's formulas are a few fractions and sums of Chinese text.
 *
 * - Rules go by csso's usage filter (src/offline/prune-css.ts, shared with the offline file): a
 *   rule stays when every class and tag its selector names is used by some formula. Broader
 *   than the browser on purpose (`.sizing.reset-size6.size1` stays if the three classes are used
 *   anywhere), so a misjudged rule costs bytes, never a formula's look.
 * - `@font-face` rules stay for the faces the remaining rules can reach: a family they name, in
 *   a weight and style they can set (`.katex` resets both with its `font` shorthand, so bold and
 *   italic faces are reachable only through KaTeX's own `.mathbf`, `.textit`…).
 * - The hoisted inline styles (rehype-hoist-styles.ts, the formulas' and any other) follow, whole,
 *   in the same file: they change with the same content, and one file is one request before the
 *   first paint, not two.
 *
 * Pure functions: the build reads and writes the files (katex-assets.ts).
 */
import { createHash } from 'node:crypto';
import { syntax } from 'csso';
import { parseHTML } from 'linkedom';
import { readKatexStylesheet, styleOf, unquote, weightOf, type KatexFace } from '../offline/katex-fonts.ts';
import { pruneCss } from '../offline/prune-css.ts';

/** The markup of every formula of a page: each `.katex`, inside its `.katex-display` if it has one. */
export function formulaMarkup(html: string): string[] {
  if (!html.includes('katex')) return [];
  const { document } = parseHTML(html);
  const roots = new Set<Element>();
  for (const katex of document.querySelectorAll('.katex')) roots.add(katex.parentElement?.closest('.katex-display') ?? katex);
  return [...roots].map((root) => root.outerHTML);
}

/**
 * KaTeX's stylesheet `katexCss` (WOFF2 sources only) cut to the formulas `formulas`, with the
 * hoisted rules `hoisted` after it; font URLs are left as KaTeX writes them (`fonts/…`).
 */
export function katexStylesheet(katexCss: string, formulas: readonly string[], hoisted: string): string {
  // Every page has <html> and <body>: KaTeX's `body{counter-reset:…}` numbers its equations.
  const css = pruneCss(katexCss, `<html><body>${formulas.join('')}</body></html>`, []);
  const reach = reachable(css);
  const keep = new Set(readKatexStylesheet(css).faces.filter(reach).map((f) => f.file));
  const ast = syntax.parse(css);
  syntax.walk(ast, {
    visit: 'Atrule',
    enter(node: CssNode, item: unknown, list: { remove(item: unknown): void } | null) {
      if (node.name === 'font-face' && !fontFiles(syntax.generate(node as never)).some((file) => keep.has(file))) list?.remove(item);
    },
  });
  // The hoisted rules whole: rehype-hoist-styles takes every inline style of the chapters, not
  // only the formulas', and each of its rules is there because some element uses it.
  return `${syntax.generate(ast)}${hoisted}`;
}

/** The WOFF2 files a stylesheet's `@font-face` rules name, by file name. */
export function fontFiles(css: string): string[] {
  return [...new Set(readKatexStylesheet(css).faces.map((f) => f.file))];
}

/** A short hash of the stylesheet's text: the name changes whenever the formulas' styles do. */
export function contentHash(css: string): string {
  return createHash('sha256').update(css).digest('hex').slice(0, 10);
}

interface CssNode {
  type: string;
  name?: string;
  property?: string;
  value?: CssNode;
  block?: CssNode;
  children?: { toArray(): CssNode[] } | null;
}

/**
 * Whether the rules of `css` (its `@font-face` rules aside) can give an element a face: its
 * family named in a `font` or `font-family`, bold only if some rule sets a bold weight, italic
 * only if some rule sets an italic style (weights and styles read as katex-fonts.ts reads them).
 */
function reachable(css: string): (face: KatexFace) => boolean {
  const names = new Set<string>();
  let bold = false;
  let italic = false;
  syntax.walk(syntax.parse(css), {
    // Style rules only: the `@font-face` rules are at-rules, and name what is declared, not used.
    visit: 'Rule',
    enter(rule: CssNode) {
      for (const node of rule.block?.children?.toArray() ?? []) {
        if (node.type !== 'Declaration') continue;
        const value = syntax.generate(node.value!);
        const property = node.property!;
        const words = value.split(/[\s,]+/);
        // `font: 1.21em KaTeX_Main, Times New Roman, serif`: every word may be a family's name.
        if (property === 'font' || property === 'font-family')
          for (const item of value.split(',')) for (const name of [item, ...item.trim().split(/\s+/)]) names.add(unquote(name));
        if (property === 'font' || property === 'font-weight') bold ||= words.some((w) => weightOf(w) === '700');
        if (property === 'font' || property === 'font-style') italic ||= words.some((w) => styleOf(w) === 'italic');
      }
    },
  });
  return (f) => names.has(f.family) && (f.weight !== '700' || bold) && (f.style !== 'italic' || italic);
}
