/**
 * The offline file's styles cut to what it can show. It takes the site's stylesheets whole, and
 * they style every page of the site (the search page, the annotations, the citation panel, the
 * indicator tables…) while the file holds only the report, its contents and its glossary: more
 * than half of their rules can match nothing in it.
 *
 * csso's usage filter removes a rule when its selector names a tag or a class that the file
 * never uses. What the file uses is read from its markup and from its scripts: every word of
 * the scripts counts as a class and a tag, so a class a script adds (`is-open`), or an element
 * it creates (`mark`), keeps its rules. Attribute, state and id selectors (`[hidden]`,
 * `:target`, `[data-theme=dark]`) are never filtered. Rules are not merged or reordered.
 *
 * Then the custom properties nothing reads go: those no `var()` of the stylesheet names and no
 * script spells (a colour only a feature the file leaves out reads). A property read only by
 * another that goes, goes too.
 */
import { minify, syntax } from 'csso';

/**
 * Every word of `scripts` that could be a class or tag name they add or query: runs of letters,
 * digits, `_` and `-` that start with a letter or `_`. Broader than the scripts' strings (their
 * identifiers count too), so a misjudged word costs bytes, never a style.
 */
export function scriptWords(scripts: readonly string[]): Set<string> {
  return new Set(scripts.flatMap((code) => code.match(/[A-Za-z_][\w-]*/g) ?? []));
}

/** `css` without the rules that can match nothing in `html` whatever `scripts` do to it. */
export function pruneCss(css: string, html: string, scripts: readonly string[]): string {
  const classes = new Set<string>();
  const tags = new Set<string>();
  for (const m of html.matchAll(/<([a-zA-Z][\w-]*)/g)) tags.add(m[1]!.toLowerCase());
  for (const m of html.matchAll(/\sclass="([^"]*)"/g)) for (const c of m[1]!.split(/\s+/)) if (c) classes.add(c);
  const words = scriptWords(scripts);
  for (const word of words) {
    classes.add(word);
    tags.add(word.toLowerCase());
  }
  const used = minify(css, { usage: { tags: [...tags], classes: [...classes] }, restructure: false, comments: false }).css;
  return dropUnreadProperties(used, words);
}

interface CssNode {
  type: string;
  property?: string;
}
interface CssList {
  forEach(fn: (node: CssNode, item: unknown, list: CssList) => void): void;
  remove(item: unknown): void;
}

/** `css` without the custom properties that no `var()` in it reads and no word of the scripts spells. */
function dropUnreadProperties(css: string, scriptWords: ReadonlySet<string>): string {
  const ast = syntax.parse(css);
  for (;;) {
    // Custom properties' values are kept as raw text by the parser: their `var()`s are read from the text.
    const read = new Set([...syntax.generate(ast).matchAll(/var\(\s*(--[\w-]+)/g)].map((m) => m[1]!));
    let dropped = 0;
    syntax.walk(ast, {
      visit: 'Declaration',
      enter(node: CssNode, item: unknown, list: CssList) {
        const name = node.property!;
        if (!name.startsWith('--') || read.has(name) || scriptWords.has(name.slice(2))) return;
        list.remove(item);
        dropped++;
      },
    });
    if (dropped === 0) break;
  }
  // Without the rules left empty.
  return minify(syntax.generate(ast), { restructure: false, comments: false }).css;
}
