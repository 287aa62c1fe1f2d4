/**
 * A region named by its heading, `<section aria-labelledby=fei-di-h>…<h3 id=fei-di-h>飞地</h3>`,
 * named by the heading's words instead, `<section aria-label=飞地>…<h3>飞地</h3>`, where that is
 * shorter: the glossary's entries and groups all carry that pair, and the heading's id serves
 * nothing else in the offline file. The name assistive technology announces is the same words.
 * It is done only where that provably holds:
 * - the label is a heading (`h1`–`h6`) holding text and plain phrasing elements (`a`, `span`,
 *   `strong`…), none hidden (`hidden`, `aria-hidden`, a class the styles hide) and none with a
 *   name or role of its own;
 * - the styles generate no text (`content:`), which a name read from the heading would include;
 * - nothing else refers to the heading's id: no link, no other ARIA or `for` reference, no
 *   selector of the styles, no word of the scripts (which could change the heading's words).
 */
import type { Element, ElementContent, Root } from 'hast';
import { cssSubjects } from './css-subjects.ts';

export interface HeadingLabelsOptions {
  /** The file's stylesheet. */
  css: string;
  /** Every word of the file's scripts. */
  scriptWords: ReadonlySet<string>;
}

const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
const PLAIN = new Set(['a', 'span', 'strong', 'em', 'b', 'i', 'small', 'sub', 'sup', 'abbr', 'cite', 'q', 'code', 'mark', 'data', 'time']);
const OWN_NAME = ['hidden', 'ariaHidden', 'ariaLabel', 'ariaLabelledBy', 'ariaDescribedBy', 'role', 'title'];

const elements = (root: Root | Element): Element[] =>
  root.children.flatMap((c) => (c.type === 'element' ? [c, ...elements(c)] : []));

/** Inlines the headings' words as labels where that is shorter and changes no name; see the module comment. */
export function inlineHeadingLabels(tree: Root, options: HeadingLabelsOptions): void {
  // Generated text (`content: "…"`, `attr()`, `counter()`) would be part of a heading's name.
  const generated = cssSubjects(options.css, (property, value) => property === 'content' && !/^(none|normal)$/.test(value.trim()));
  if (generated.everywhere || generated.classes.size > 0 || generated.tags.size > 0) return;
  const hidden = cssSubjects(options.css, (property, value) => (property === 'display' && /\bnone\b/.test(value)) || (property === 'visibility' && /hidden|collapse/.test(value)));
  if (hidden.everywhere) return;

  const all = elements(tree);
  // How often each id is referred to, by any attribute (links, ARIA, `for`…), as a whole token.
  const refs = new Map<string, number>();
  for (const el of all)
    for (const [key, value] of Object.entries(el.properties)) {
      if (key === 'id' || value == null) continue;
      for (const token of (Array.isArray(value) ? value : String(value).split(/\s+/)).map(String)) {
        const id = key === 'href' && token.startsWith('#') ? decodeURIComponent(token.slice(1)) : token;
        refs.set(id, (refs.get(id) ?? 0) + 1);
      }
    }
  const byId = new Map(all.filter((el) => typeof el.properties.id === 'string').map((el) => [el.properties.id as string, el]));
  const isHidden = (el: Element) =>
    hidden.tags.has(el.tagName) || (Array.isArray(el.properties.className) && el.properties.className.some((c) => hidden.classes.has(String(c))));
  const plainText = (el: Element): string | undefined => {
    let text = '';
    for (const child of el.children as ElementContent[]) {
      if (child.type === 'text') text += child.value;
      else if (child.type === 'comment') continue;
      else if (child.type !== 'element' || !PLAIN.has(child.tagName) || isHidden(child) || OWN_NAME.some((k) => child.properties[k] != null)) return undefined;
      else {
        const inner = plainText(child);
        if (inner === undefined) return undefined;
        text += inner;
      }
    }
    return text;
  };
  const bytes = (s: string) => Buffer.byteLength(s);

  for (const el of all) {
    const labelledBy = el.properties.ariaLabelledBy;
    if (!Array.isArray(labelledBy) || labelledBy.length !== 1) continue;
    const id = String(labelledBy[0]);
    const heading = byId.get(id);
    if (!heading || !HEADINGS.has(heading.tagName) || isHidden(heading) || OWN_NAME.some((k) => heading.properties[k] != null)) continue;
    if (refs.get(id) !== 1 || options.scriptWords.has(id) || options.css.includes(`#${id}`)) continue;
    const words = plainText(heading)?.replace(/\s+/g, ' ').trim();
    if (!words) continue;
    const label = /[\s"'=<>`]/.test(words) ? `"${words}"` : words;
    if (bytes(` aria-label=${label}`) >= bytes(` aria-labelledby=${id} id=${id}`)) continue;
    delete el.properties.ariaLabelledBy;
    el.properties.ariaLabel = words;
    delete heading.properties.id;
  }
}
