/**
 * Moves inline `style` attributes (KaTeX sizes every glyph box with one) into classes of a
 * generated stylesheet, so pages with formulas work under a Content-Security-Policy without
 * `'unsafe-inline'` for styles, while keeping KaTeX's HTML rendering for browsers without
 * MathML (older Chromium cores used on intranets). MathML stays beside it for screen readers.
 *
 * ```html
 * <span class="strut" style="height:0.8141em;"></span>
 * ```
 * becomes
 * ```html
 * <span class="strut ks-3f9a1c2e"></span>
 * ```
 * with `.ks-3f9a1c2e{height:0.8141em !important}` in the registry's stylesheet. `!important`
 * gives the rule the precedence the inline style had over KaTeX's own stylesheet.
 */
import { createHash } from 'node:crypto';
import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';

/** Collects the hoisted rules of a whole build; the build writes them out once, at the end. */
export class StyleRegistry {
  private readonly rules = new Map<string, string>();

  /** The class for a style declaration list, registering its rule. */
  classFor(style: string): string {
    const normalized = style.trim().replace(/;+\s*$/, '');
    const name = `ks-${createHash('sha1').update(normalized).digest('hex').slice(0, 8)}`;
    if (!this.rules.has(name)) {
      const declarations = normalized
        .split(';')
        .map((d) => d.trim())
        .filter(Boolean)
        .map((d) => `${d} !important`)
        .join(';');
      this.rules.set(name, `.${name}{${declarations}}`);
    }
    return name;
  }

  /** The stylesheet, rules sorted so the file is the same for the same formulas. */
  css(): string {
    return [...this.rules.keys()].sort().map((k) => this.rules.get(k)).join('\n') + '\n';
  }

  get size(): number {
    return this.rules.size;
  }
}

/**
 * The registry shared by every page of one build. Kept on `globalThis`: Astro compiles MDX in
 * the config's copy of this module but renders pages from a bundled copy, in the same process.
 */
export const katexStyles: StyleRegistry = ((globalThis as Record<symbol, StyleRegistry>)[Symbol.for('edition.katexStyles')] ??=
  new StyleRegistry());

/** Rewrites the style attributes of a hast tree into classes. */
export function hoistStyles(tree: Root | Element, registry: StyleRegistry): void {
  visit(tree, 'element', (node: Element) => {
    const style = node.properties?.style;
    if (typeof style !== 'string' || style.trim() === '') return;
    const className = registry.classFor(style);
    const existing = node.properties.className;
    node.properties.className = [...(Array.isArray(existing) ? existing : existing ? [String(existing)] : []), className];
    delete node.properties.style;
  });
}

export interface HoistStylesOptions {
  /** Default: the build's shared registry. */
  registry?: StyleRegistry;
}

/** The rehype plugin: hoists every inline style of the document. */
export default function rehypeHoistStyles(options?: HoistStylesOptions) {
  const registry = (options || {}).registry ?? katexStyles;
  return (tree: Root) => hoistStyles(tree, registry);
}
