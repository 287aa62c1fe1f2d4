/**
 * No line break of a template between two Chinese characters in what a page draws. A line break
 * is white space, and where it falls between two Chinese characters Chromium and WebKit draw it
 * as a space (“可按段引用； 编辑所加”): CSS Text 3 asks browsers to drop such a break, and only
 * Firefox does. So the edition's own prose is written on one line in the templates, however
 * long, and this test finds any break that slips in, in the text of every built page, whatever
 * inline elements (a link, a number) stand between the two characters. Text whose white space
 * the styles keep (the report's title block, `white-space: pre-wrap`) is not looked at.
 *
 * What it cannot see: a break that Astro's compiler writes as a plain space (beside an
 * expression, `{a}⏎{b}`), which looks in the page just like the spaces the edition sets on
 * purpose (“（三） 聚焦科创赋能”, “政府工作报告 慈溪 2021”). Keep expressions that print Chinese
 * text on the line of the text around them.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { whitespaceKept, type WhitespaceKept } from '../../src/offline/minify-html.ts';
import { DIST, htmlFiles, load } from '../support/site.ts';

/** Chinese characters and the punctuation set with them: the CJK blocks (with the supplementary planes'), full-width forms, quotes, dashes, ellipsis. */
const CJK = /[\u2014\u2018-\u201d\u2026\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef\u{20000}-\u{3134f}]/u;

/** Elements whose box starts a new line: white space beside them is never drawn. */
const BLOCKS = new Set(
  'address article aside blockquote br details dialog dd div dl dt fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr li main nav ol p pre section summary table tbody td tfoot th thead tr ul head body html title script style template svg math'.split(
    ' ',
  ),
);
/** Elements whose text is not drawn as prose, or is kept as written. */
const SKIPPED = new Set(['script', 'style', 'pre', 'textarea', 'template', 'svg', 'math', 'head']);
/** Inline boxes of their own (an image, a control): no character of a neighbour. */
const ATOMS = new Set(['img', 'input', 'select', 'textarea', 'button', 'video', 'audio', 'iframe', 'object', 'canvas', 'svg', 'math']);


const isElement = (node: Node): node is Element => node.nodeType === 1;

/** The character drawn next to `node`, looking backwards (`-1`) or forwards (`1`) within its line box; '' at a block's edge or an inline box of its own. */
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
    if (isElement(at) && at.hasAttribute('hidden')) continue; // not drawn: look past it
    // Descend into inline elements to their edge character.
    while (isElement(at) && !BLOCKS.has(at.localName) && !ATOMS.has(at.localName) && !at.hasAttribute('hidden') && at.firstChild)
      at = direction < 0 ? at.lastChild! : at.firstChild;
    if (isElement(at)) {
      if (BLOCKS.has(at.localName) || ATOMS.has(at.localName)) return '';
      continue; // an empty or hidden inline element: look past it
    }
    if (at.nodeType !== 3) continue;
    const text = (at.textContent ?? '').replace(/[ \t\n\r\f]+/g, '');
    if (text) return direction < 0 ? Array.from(text).at(-1)! : Array.from(text)[0]!;
  }
}

/** Whether the styles keep the white space of `element` (by its class or tag; see css-subjects.ts). */
const keeps = (kept: WhitespaceKept, element: Element) =>
  kept.everywhere || kept.tags.has(element.localName) || [...element.classList].some((name) => kept.classes.has(name));

/** The line breaks of `document` that a browser draws as a space between two Chinese characters, with their context. */
function spacesBetweenChinese(document: Document, kept: WhitespaceKept = whitespaceKept('')): string[] {
  const found: string[] = [];
  const walk = (node: Node) => {
    if (isElement(node)) {
      if (SKIPPED.has(node.localName) || node.hasAttribute('hidden') || keeps(kept, node)) return;
      for (const child of node.childNodes) walk(child);
      return;
    }
    if (node.nodeType !== 3) return;
    const text = node.textContent ?? '';
    for (const run of text.matchAll(/[ \t\r\f]*\n[ \t\n\r\f]*/g)) {
      const before = text.slice(0, run.index);
      const after = text.slice(run.index + run[0].length);
      const left = before ? Array.from(before).at(-1)! : neighbour(node, -1);
      const right = after ? Array.from(after)[0]! : neighbour(node, 1);
      if (CJK.test(left) && CJK.test(right)) found.push(`${left}…${before.slice(-12)}␣${after.slice(0, 12)}…${right} in <${(node.parentNode as Element).localName}>`);
    }
  };
  walk(document.body);
  return found;
}

/** What the stylesheets `document` links keep the white space of. */
function keptBy(document: Document): WhitespaceKept {
  const css = [...document.querySelectorAll('link[rel="stylesheet"]')]
    .map((link) => link.getAttribute('href')!)
    .filter((href) => href.startsWith('/'))
    .map((href) => readFileSync(join(DIST, href.replace(/^\/+/, '').replace(/^.*?_astro\//, '_astro/')), 'utf8'))
    .join('\n');
  const styles = [...document.querySelectorAll('style')].map((style) => style.textContent ?? '').join('\n');
  return whitespaceKept(css + styles);
}

test('the test finds white space between two Chinese characters, across inline elements, and nowhere else', async () => {
  const { parseHTML } = await import('linkedom');
  const page = (body: string) => parseHTML(`<!doctype html><html><body>${body}</body></html>`).document as unknown as Document;
  const found = (body: string) => spacesBetweenChinese(page(body));
  expect(found('<p>可按段引用；\n  编辑所加</p>')).toHaveLength(1);
  expect(found('<p>详见\n  <a href="#">关于本版</a>。</p>')).toHaveLength(1);
  expect(found('<p><a href="#">名词解释</a>\n<span>（<b>共</b>）</span></p>')).toHaveLength(1);
  expect(found('<p>𠀋\n文</p>')).toHaveLength(1);
  expect(found('<p>文<span hidden>注</span>\n字</p>'), 'past a hidden element').toHaveLength(1);
  expect(found('<h2>关于本版</h2>\n<p>这是</p>')).toEqual([]);
  expect(found('<p>\n  这是全文。\n</p>')).toEqual([]);
  expect(found('<p>¶1–¶64\n  共64段</p>')).toEqual([]);
  expect(found('<p>慈溪 2021 · 阅读注释版</p>')).toEqual([]);
  expect(found('<p>（三） 聚焦</p>'), 'a space set on purpose').toEqual([]);
  expect(found('<p>文字<img alt="">\n文字</p>'), 'an image is its own box').toEqual([]);
  expect(found('<p>文字<textarea>注</textarea>\n文字</p>')).toEqual([]);
  const kept = whitespaceKept('.byline:last-child{white-space:pre-wrap}');
  expect(spacesBetweenChinese(page('<p class="byline">市长\n盛悠</p>'), kept), 'white space the styles keep').toEqual([]);
});

test.each(htmlFiles())('%s: no line break drawn as a space between two Chinese characters', (file) => {
  const document = load(file);
  expect(spacesBetweenChinese(document, keptBy(document))).toEqual([]);
});
