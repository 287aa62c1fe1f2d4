/**
 * The few DOM edits the conversion of built pages repeats: dropping a wrapper but keeping what
 * it holds, making an element with attributes, and pointing every link of a fragment at the
 * book. Kept apart so each converter reads as the list of changes it makes.
 */
import { bookHref, type LinkContext } from './book-files.ts';

/** Replaces `element` by its children. */
export function unwrap(element: Element): void {
  element.replaceWith(...element.childNodes);
}

/** A new element of `document` with these attributes (a value of `''` writes `name=""`). */
export function element(document: Document, name: string, attributes: Record<string, string> = {}, text?: string): Element {
  const el = document.createElement(name);
  for (const [key, value] of Object.entries(attributes)) el.setAttribute(key, value);
  if (text !== undefined) el.textContent = text;
  return el;
}

/**
 * Points every link under `root` into the book (see `bookHref`); a link the book cannot follow
 * keeps its words and loses the link.
 */
export function relink(root: Element, context: LinkContext): void {
  for (const a of [...root.querySelectorAll('a[href]')]) {
    const target = bookHref(a.getAttribute('href')!, context);
    if (target) a.setAttribute('href', target);
    else unwrap(a);
  }
}

/** Removes every element matching `selector` under `root`. */
export function removeAll(root: Element, selector: string): void {
  for (const el of [...root.querySelectorAll(selector)]) el.remove();
}
