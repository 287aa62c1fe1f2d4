/**
 * KaTeX's fonts cut down to what an edition's formulas show. KaTeX ships twenty font files of
 * which a formula of text, `=`, `×` and digits uses one or two, and uses a dozen glyphs of
 * those; the offline file carries its fonts inside it, so every glyph no formula shows is
 * weight every reader downloads for nothing.
 *
 * Which font faces are used is read from the rendered formulas and KaTeX's own stylesheet:
 * a character in `.katex-html` is drawn with the family, weight and style that the
 * stylesheet's rules give the nearest element that sets them (`.mathnormal` → KaTeX_Math
 * italic, `.delimsizing.size2` → KaTeX_Size2, …; KaTeX_Main upright by default, as `.katex`
 * sets). Each face used is then cut to every character of every formula, not only to the
 * characters seen in that face: a few glyphs more, so that a rule of the stylesheet read
 * differently here than by a browser costs bytes, never a missing glyph. The cutting is
 * HarfBuzz's hb-subset (through `subset-font`), which keeps the glyphs those characters need
 * through ligatures and substitutions.
 */
import subsetFont from 'subset-font';
import { syntax } from 'csso';

/** One `@font-face` of KaTeX's stylesheet: the face and its WOFF2 file's name. */
export interface KatexFace {
  family: string;
  /** `400` or `700`. */
  weight: string;
  /** `normal` or `italic`. */
  style: string;
  /** The WOFF2 file, e.g. `KaTeX_Main-Regular.woff2`. */
  file: string;
}

/** A rule of KaTeX's stylesheet that chooses a face: its selector and what it sets. */
export interface FaceRule {
  selector: string;
  family?: string;
  weight?: string;
  style?: string;
}

/** The face `.katex` itself sets (`font: normal 1.21em KaTeX_Main, …`): what a formula starts from. */
const KATEX_DEFAULT = { family: 'KaTeX_Main', weight: '400', style: 'normal' } as const;

const PROPS = ['family', 'weight', 'style'] as const;
// As katex-stylesheet.ts reads a weight: `bolder` than KaTeX's normal text is bold.
export const weightOf = (value: string) => (value === 'bold' || value === 'bolder' || Number(value) >= 600 ? '700' : '400');
export const styleOf = (value: string) => (value === 'italic' || value === 'oblique' ? 'italic' : 'normal');
const key = (face: Pick<KatexFace, 'family' | 'weight' | 'style'>) => `${face.family} ${face.weight} ${face.style}`;

/**
 * The stylesheet's `@font-face` rules and its rules that choose a family, weight or style inside
 * a formula. Also read by src/integrations/katex-stylesheet.ts, which ships the site's faces.
 */
export function readKatexStylesheet(css: string): { faces: KatexFace[]; rules: FaceRule[] } {
  const ast = syntax.parse(css);
  const faces: KatexFace[] = [];
  const rules: FaceRule[] = [];
  syntax.walk(ast, {
    visit: 'Atrule',
    enter(node: CssNode) {
      if (node.name !== 'font-face' || !node.block) return;
      const d = declarations(node.block);
      const file = /url\(["']?(?:[^)"']*\/)?([^/)"']+\.woff2)["']?\)/.exec(d.src ?? '')?.[1];
      if (!d['font-family'] || !file) return;
      faces.push({ family: unquote(d['font-family']), weight: weightOf(d['font-weight'] ?? '400'), style: styleOf(d['font-style'] ?? 'normal'), file });
    },
  });
  syntax.walk(ast, {
    visit: 'Rule',
    enter(node: CssNode) {
      const d = declarations(node.block!);
      const family = d['font-family'];
      const weight = d['font-weight'];
      const style = d['font-style'];
      if (!family && !weight && !style) return;
      for (const selector of syntax.generate(node.prelude!).split(',')) {
        // `.katex` itself, and anything outside a formula, is the default face.
        if (!selector.startsWith('.katex ')) continue;
        rules.push({
          selector,
          ...(family ? { family: unquote(family.split(',')[0]!) } : {}),
          ...(weight ? { weight: weightOf(weight) } : {}),
          ...(style ? { style: styleOf(style) } : {}),
        });
      }
    },
  });
  return { faces, rules };
}

/** The faces the formulas under `roots` draw with, and every character they show. */
export function katexUsage(roots: readonly Element[], rules: readonly FaceRule[]): { faces: Set<string>; text: string } {
  const faces = new Set<string>();
  const chars = new Set<string>();
  const faceOf = (el: Element) => {
    const face: Partial<Record<(typeof PROPS)[number], string>> = {};
    for (let at: Element | null = el; at && !at.classList.contains('katex'); at = at.parentElement) {
      const own = rules.filter((r) => at!.matches(r.selector));
      // The nearest element that sets a property decides it; on one element the later rule wins,
      // as KaTeX's rules that choose faces have equal specificity.
      for (const prop of PROPS) face[prop] ??= own.findLast((r) => r[prop] !== undefined)?.[prop];
    }
    return { ...KATEX_DEFAULT, ...Object.fromEntries(Object.entries(face).filter(([, v]) => v !== undefined)) };
  };
  for (const root of roots) {
    for (const html of root.querySelectorAll('.katex-html')) {
      for (const el of html.querySelectorAll('*')) {
        const own = [...el.childNodes].filter((n) => n.nodeType === 3).map((n) => n.textContent ?? '').join('');
        if (!own.trim()) continue;
        faces.add(key(faceOf(el)));
        for (const c of own) chars.add(c);
      }
    }
  }
  // The space as well: WebKit draws a no-break space (KaTeX's `\ `, `~`) with the font's space glyph,
  // and with another font's where the font has none.
  chars.add(' ');
  return { faces, text: [...chars].sort().join('') };
}

/**
 * The font files the formulas need, each cut to the formulas' characters, as WOFF2: file name →
 * bytes. Empty where the edition shows no formula.
 */
export async function subsetKatexFonts(
  roots: readonly Element[],
  css: string,
  readFont: (file: string) => Buffer,
): Promise<Map<string, Buffer>> {
  const { faces, rules } = readKatexStylesheet(css);
  const usage = katexUsage(roots, rules);
  const fonts = new Map<string, Buffer>();
  for (const face of faces) {
    if (!usage.faces.has(key(face))) continue;
    // Without TrueType hinting: its programs (fpgm, prep) are some 3.6 KB in every KaTeX font,
    // more than a formula's glyphs; today's rasterisers draw these shapes well without it.
    fonts.set(face.file, await subsetFont(readFont(face.file), usage.text, { targetFormat: 'woff2', noHinting: true }));
  }
  return fonts;
}

/**
 * KaTeX's stylesheet with the `@font-face` rules of `fonts` only, each pointing at its font
 * through `url(file)`; the others are dropped, so no browser looks for a font that is not there.
 */
export function keepFaces(css: string, fonts: ReadonlyMap<string, unknown>, url: (file: string) => string): string {
  return css.replace(/@font-face\{[^}]*\}/g, (rule) => {
    const file = /url\((?:[^)]*\/)?([^/)]+\.woff2)\)/.exec(rule)?.[1];
    if (!file || !fonts.has(file)) return '';
    return rule.replace(/src:[^;}]*/, `src:url(${url(file)}) format("woff2")`);
  });
}

type CssNode = {
  type: string;
  name?: string;
  block?: CssNode & { children: { toArray(): CssNode[] } };
  prelude?: CssNode;
  property?: string;
  value?: CssNode;
  children?: { toArray(): CssNode[] };
};

function declarations(block: CssNode): Record<string, string> {
  const out: Record<string, string> = {};
  for (const d of block.children?.toArray() ?? []) if (d.type === 'Declaration') out[d.property!] = syntax.generate(d.value!);
  return out;
}

export const unquote = (s: string) => s.trim().replace(/^["']|["']$/g, '');
