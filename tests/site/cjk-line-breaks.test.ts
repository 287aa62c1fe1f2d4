/**
 * No line break of a page's source between two Chinese characters. A line break in HTML is white
 * space, and where it falls between two Chinese characters Chromium and WebKit draw it as a
 * space (“可按段引用； 编辑所加”): CSS Text 3 asks browsers to drop such a break, and only
 * Firefox does. So the edition's own prose is written on one line in the templates, however
 * long, and this test finds any break that slips in, in the text of every built page, whatever
 * inline elements (a link, a number) stand between the two characters.
 */
import { expect, test } from 'vitest';
import { htmlFiles, load } from '../support/site.ts';

/** Chinese characters and the punctuation set with them: the CJK blocks, full-width forms, quotes, dashes, ellipsis. */
const CJK = /[\u2014\u2018-\u201d\u2026\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]/u;

/** Elements whose box starts a new line: white space beside them is never drawn. */
const BLOCKS = new Set(
  'address article aside blockquote br details dialog dd div dl dt fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr li main nav ol p pre section summary table tbody td tfoot th thead tr ul head body html title script style template svg math'.split(
    ' ',
  ),
);
/** Elements whose text is not drawn as prose, or is kept as written. */
const SKIPPED = new Set(['script', 'style', 'pre', 'textarea', 'template', 'svg', 'math', 'head']);

const isElement = (node: Node): node is Element => node.nodeType === 1;

/** The character drawn next to `node`, looking backwards (`-1`) or forwards (`1`) within its line box; '' at a block's edge. */
function neighbour(node: Node, direction: -1 | 1): string {
  let at: Node | null = node;
  for (;;) {
    let next: Node | null = direction < 0 ? at.previousSibling : at.nextSibling;
    while (!next) {
      const parent: Node | null = at.parentNode;
      if (!parent || (isElement(parent) && BLOCKS.has(parent.localName))) return '';
      at = parent;
      next = direction < 0 ? at.previousSibling : at.nextSibling;
    }
    at = next;
    // Descend into inline elements to their edge character.
    while (isElement(at) && !BLOCKS.has(at.localName) && at.firstChild) at = direction < 0 ? at.lastChild! : at.firstChild;
    if (isElement(at)) {
      if (BLOCKS.has(at.localName)) return '';
      continue; // an empty inline element: look past it
    }
    if (at.nodeType !== 3) continue;
    const text = (at.textContent ?? '').replace(/[ \t\n\r\f]+/g, '');
    if (text) return direction < 0 ? Array.from(text).at(-1)! : Array.from(text)[0]!;
  }
}

/** The line breaks of `document` that a browser draws as a space between two Chinese characters, with their context. */
function breaksBetweenChinese(document: Document): string[] {
  const found: string[] = [];
  const walk = (node: Node) => {
    if (isElement(node)) {
      if (SKIPPED.has(node.localName)) return;
      for (const child of node.childNodes) walk(child);
      return;
    }
    if (node.nodeType !== 3) return;
    const text = node.textContent ?? '';
    for (const run of text.matchAll(/[ \t\n\r\f]*\n[ \t\n\r\f]*/g)) {
      const before = text.slice(0, run.index).replace(/[ \t\n\r\f]+$/, '');
      const after = text.slice(run.index + run[0].length);
      const left = before ? Array.from(before).at(-1)! : neighbour(node, -1);
      const right = after ? Array.from(after)[0]! : neighbour(node, 1);
      if (CJK.test(left) && CJK.test(right)) found.push(`…${before.slice(-12)}⏎${after.slice(0, 12)}…`);
    }
  };
  walk(document.body);
  return found;
}

test('the test finds a line break between two Chinese characters, across a link, and not beside a block', async () => {
  const { parseHTML } = await import('linkedom');
  const page = (body: string) => parseHTML(`<!doctype html><html><body>${body}</body></html>`).document as unknown as Document;
  expect(breaksBetweenChinese(page('<p>可按段引用；\n  编辑所加</p>'))).toHaveLength(1);
  expect(breaksBetweenChinese(page('<p>详见\n  <a href="#">关于本版</a>。</p>'))).toHaveLength(1);
  expect(breaksBetweenChinese(page('<p><a href="#">名词解释</a>\n<span>（<b>共</b>）</span></p>'))).toHaveLength(1);
  expect(breaksBetweenChinese(page('<h2>关于本版</h2>\n<p>这是</p>'))).toEqual([]);
  expect(breaksBetweenChinese(page('<p>\n  这是全文。\n</p>'))).toEqual([]);
  expect(breaksBetweenChinese(page('<p>¶1–¶64\n  共64段</p>'))).toEqual([]);
});

test.each(htmlFiles())('%s: no line break of the source between two Chinese characters', (file) => {
  expect(breaksBetweenChinese(load(file))).toEqual([]);
});
