/**
 * Short class names for the offline file. Its class names serve only its own stylesheet,
 * markup and scripts, and the site's BEM names (`entry__definition`, on each of the glossary's
 * entries) are a sixth of its markup: written `a`, `b`… `ab`, they cost a reader's download
 * nothing to speak of. The stylesheet's class selectors are renamed on csso's syntax tree (the
 * parser that already prunes the file's styles), the markup's `class` attributes on the parsed
 * file, with one map.
 *
 * What the scripts spell stays as it is: every word of the scripts counts as a class name they
 * may add or query (`is-open`, `term`, `.entry__term`), as for prune-css.ts. The renaming
 * refuses, and so stops the build, where it could break what it does not see: a selector on the
 * `class` attribute itself (`[class^=chart]`), or a piece of a script's strings that could be
 * glued to another to make a renamed class (`"chart__" + kind`, `` `${block}__term` ``,
 * `state + '-open'`). The pieces are read from the scripts' string and template tokens (acorn's
 * tokenizer): in minified code, `-r` is mostly a negated variable, never a piece of a name.
 */
import { tokenizer, tokTypes } from 'acorn';
import type { Element, Root, RootContent } from 'hast';
import { syntax } from 'csso';

export interface ShortClassNamesOptions {
  /** Names that keep their spelling: every word of the file's scripts. */
  keep: ReadonlySet<string>;
  /** Pieces of the scripts' strings that start or end with `-` or `_` (`scriptPieces`). Default: none. */
  pieces?: ReadonlySet<string>;
  /** How often each class is used in the markup; the most used get the shortest names. Default: none. */
  uses?: ReadonlyMap<string, number>;
}

/**
 * The pieces of the scripts' strings and template chunks that a script could glue to another
 * to make a class name: a run of name characters at a string's start that begins with `-` or
 * `_` (`'-open'`, `'__term'`), or at its end that ends with one (`'chart__'`, `` `is-${x}` ``).
 */
export function scriptPieces(scripts: readonly string[]): Set<string> {
  const pieces = new Set<string>();
  for (const code of scripts)
    for (const token of tokenizer(code, { ecmaVersion: 'latest', sourceType: 'module' })) {
      if (token.type !== tokTypes.string && token.type !== tokTypes.template) continue;
      // acorn's tokens carry their cooked text in `value`, which its typings leave out.
      const text = String((token as { value?: unknown }).value ?? '');
      const head = /^[-_][\w-]*/.exec(text)?.[0];
      const tail = /[\w-]*[-_]$/.exec(text)?.[0];
      if (head) pieces.add(head);
      if (tail) pieces.add(tail);
    }
  return pieces;
}

export interface ShortClassNames {
  /** The stylesheet with its class selectors renamed. */
  css: string;
  /** Each renamed class's new name. */
  names: Map<string, string>;
}

interface CssNode {
  type: string;
  name?: string | { name?: string };
}

/** `a`…`z`, `a0`…`zz`, `a00`…: lower case (so even a quirks-mode page would match them) and never a digit first. */
function* shortNames(): Generator<string> {
  const first = 'abcdefghijklmnopqrstuvwxyz';
  const rest = `0123456789${first}`;
  for (let length = 1; ; length++) {
    const count = first.length * rest.length ** (length - 1);
    for (let i = 0; i < count; i++) {
      let n = i;
      let name = '';
      for (let k = 1; k < length; k++) {
        name = rest[n % rest.length] + name;
        n = Math.floor(n / rest.length);
      }
      yield first[n] + name;
    }
  }
}

/** The class names of `css` renamed short, but for those in `keep`; see the module comment. */
export function shortClassNames(css: string, options: ShortClassNamesOptions): ShortClassNames {
  const { keep, pieces = new Set<string>(), uses = new Map<string, number>() } = options;
  const ast = syntax.parse(css);
  const selectors: CssNode[] = [];
  syntax.walk(ast, {
    visit: 'ClassSelector',
    enter(node: CssNode) {
      selectors.push(node);
    },
  });
  syntax.walk(ast, {
    visit: 'AttributeSelector',
    enter(node: CssNode) {
      const name = typeof node.name === 'object' ? node.name.name : node.name;
      if (name?.toLowerCase() === 'class')
        throw new Error(`离线版：样式表中有针对 class 属性本身的选择器（[${name}…]），缩短类名会改变它选中的元素。请改用类选择器（.名称）。`);
    },
  });
  const original = new Set(selectors.map((node) => node.name as string));
  const renamed = [...original].filter((name) => !keep.has(name));
  for (const word of new Set([...keep, ...pieces])) {
    const glued = renamed.find((name) => name !== word && ((/[-_]$/.test(word) && name.startsWith(word)) || (/^[-_]/.test(word) && name.endsWith(word))));
    if (glued)
      throw new Error(
        `离线版：脚本中的“${word}”可能与别的字拼成类名“${glued}”，缩短类名后脚本会找不到它。请在脚本中写出完整的类名（src/offline/short-class-names.ts）。`,
      );
  }
  // Most used first, then by name, so the same file gets the same names.
  renamed.sort((a, b) => (uses.get(b) ?? 0) - (uses.get(a) ?? 0) || (a < b ? -1 : 1));
  const names = new Map<string, string>();
  const free = shortNames();
  for (const name of renamed) {
    let short = free.next().value!;
    while (keep.has(short) || original.has(short)) short = free.next().value!;
    names.set(name, short);
  }
  for (const node of selectors) node.name = names.get(node.name as string) ?? node.name;
  return { css: syntax.generate(ast), names };
}

/** Renames the classes of the parsed file's elements by `names`. */
export function renameClasses(tree: Root | Element, names: ReadonlyMap<string, string>): void {
  for (const child of tree.children as RootContent[]) {
    if (child.type !== 'element') continue;
    const classes = child.properties.className;
    if (Array.isArray(classes)) child.properties.className = classes.map((c) => names.get(String(c)) ?? c);
    renameClasses(child, names);
  }
}

/** How often each class name appears in `html`'s `class` attributes (as written before minifying: quoted). */
export function classUses(html: string): Map<string, number> {
  const uses = new Map<string, number>();
  for (const m of html.matchAll(/\sclass="([^"]*)"/g)) for (const c of m[1]!.split(/\s+/)) if (c) uses.set(c, (uses.get(c) ?? 0) + 1);
  return uses;
}
