/**
 * The offline file written as small as HTML allows without changing what a browser makes of
 * it: the same elements, attributes and text, drawn the same. The site's pages are written by
 * Astro for people reading the source; the offline file is a download, and every byte of it is
 * paid by every reader. So, once assembled, it is parsed (hast-util-from-html: parse5, HTML's
 * own parsing rules) and written again (hast-util-to-html) with:
 *
 * - attribute values unquoted where HTML allows it (`class=para`), empty ones bare
 *   (`data-edition-ui`), end tags left out where HTML makes them optional (`</p>`, `</li>`,
 *   `</td>`…), SVG's empty elements closed with `/>`, `<math>` without the `xmlns` that HTML
 *   implies: all valid HTML (the Nu checker checks the file). `<head>` is still written, for
 *   tools that find the head only by its tag.
 * - runs of white space in text collapsed to one character (a line break if the run held one,
 *   else a space), which is all a browser shows of a run, except where the styles keep white
 *   space (`white-space: pre-wrap` on the report's title block; see `whitespaceKept`) and in
 *   `<pre>`, `<textarea>`, `<script>`, `<style>`. White space where HTML allows no text (in a
 *   `<table>`, `<tr>`, `<ul>`, `<head>`…) is dropped, and so is white space after a `<p>` whose
 *   end tag is left out, which would otherwise become the end of the paragraph's text.
 * - white space between blocks dropped: a run with a block on each side (or a block on one side
 *   and its parent's start or end on the other), `</section> <section>`, `<section> <h3>`,
 *   `</p> </div>`, which CSS never draws (a collapsible space next to a block box generates no
 *   box). A block is an element HTML's own styles make one (`div`, `p`, `section`, `h3`…) that
 *   the file's styles do not make inline-level, `contents` or hidden (`blocksMadeInline`); an
 *   element with `hidden` is none either: between two hidden blocks, a run may be all that
 *   parts the inline words around them. Only runs between two inline-level things are drawn.
 * - class names that nothing uses dropped: those no selector of the file's stylesheet names
 *   and no word of its scripts spells (the inverse of prune-css.ts, which drops the rules for
 *   classes the file does not have). KaTeX's bookkeeping classes (`mord`, `mrel`, `mbin`…) are
 *   most of them.
 *
 * `<script>` and `<style>` are written back byte for byte, so the hashes in the file's
 * Content-Security-Policy still match; the caller checks the paragraphs' text again after.
 */
import type { Element, Root, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { cssSubjects, type CssSubjects } from './css-subjects.ts';

export interface MinifyHtmlOptions {
  /** Whether a class name is used by the file's styles or scripts; the others are dropped. Default: all are kept. */
  keepClass?: (name: string) => boolean;
  /** What the file's styles set a `white-space` on that keeps runs; see `whitespaceKept`. Default: nothing. */
  keepWhitespace?: WhitespaceKept;
  /** What the file's styles make inline-level; see `blocksMadeInline`. Default: nothing. */
  madeInline?: CssSubjects;
  /** Changes to the parsed file before it is written (heading-labels.ts). Default: none. */
  prepare?: (tree: Root) => void;
}

/**
 * The elements whose white space the styles keep (`white-space: pre`, `pre-wrap`, `pre-line`,
 * `break-spaces`); see `cssSubjects`.
 */
export type WhitespaceKept = CssSubjects;

/** What `css` keeps the white space of. */
export const whitespaceKept = (css: string): WhitespaceKept =>
  cssSubjects(css, (property, value) => property === 'white-space' && /pre|break-spaces/.test(value));

/**
 * What `css` gives a `display` other than a block-level one (`inline`, `inline-block`,
 * `contents`, `none`…): those elements are not blocks to the minifier, whatever their tag.
 */
export const blocksMadeInline = (css: string): CssSubjects =>
  cssSubjects(css, (property, value) => property === 'display' && !/^(block|flex|grid|flow-root|list-item|table)\b/.test(value.trim()));

/** Elements HTML's own styles make blocks (`display: block`, `list-item`, `table`). */
const BLOCKS = new Set(
  'address article aside blockquote details dialog dd div dl dt fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr li main menu nav ol p pre section summary table ul'.split(' '),
);

/** Elements whose text is kept as written. */
const VERBATIM = new Set(['pre', 'textarea', 'script', 'style', 'listing', 'plaintext', 'xmp']);
/** Elements in which HTML allows no text, so white space between their children means nothing. */
const NO_TEXT = new Set(['html', 'head', 'table', 'thead', 'tbody', 'tfoot', 'tr', 'colgroup', 'ul', 'ol', 'dl', 'select', 'optgroup']);

const WHITESPACE = /[ \t\n\f\r]+/g;
const MATHML = 'http://www.w3.org/1998/Math/MathML';

/** Elements whose end tag HTML lets a writer leave out. */
const OPTIONAL_END = new Set('p li dt dd rt rp optgroup option colgroup caption thead tbody tfoot tr td th html head body'.split(' '));

/** What closes a `<p>` without its end tag (HTML's optional tags). */
const CLOSES_P = new Set(
  'address article aside blockquote details div dl fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr main menu nav ol p pre section table ul'.split(' '),
);

/** The sibling after `node` that is neither blank text nor a comment. */
const nextSibling = (siblings: RootContent[], node: RootContent) =>
  siblings.slice(siblings.indexOf(node) + 1).find((n) => !(n.type === 'text' && n.value.trim() === '') && n.type !== 'comment');

/** Whether white space `blank`, after `previous`, sits between a `<p>` and what ends it unwritten. */
function closesParagraph(siblings: RootContent[], previous: RootContent | undefined, blank: RootContent): boolean {
  if (previous?.type !== 'element' || previous.tagName !== 'p') return false;
  const next = nextSibling(siblings, blank);
  return !next || (next.type === 'element' && CLOSES_P.has(next.tagName));
}

/** The file as small as HTML allows; see the module comment. */
export function minifyHtml(html: string, options?: MinifyHtmlOptions): string {
  const settings = options || {};
  const keepClass = settings.keepClass ?? (() => true);
  const kept = settings.keepWhitespace ?? { classes: new Set<string>(), tags: new Set<string>(), everywhere: false };
  const inline = settings.madeInline ?? { classes: new Set<string>(), tags: new Set<string>(), everywhere: true };
  /** Whether a node is a block box, or the edge of its parent (`undefined`), for the white space beside it. */
  const isBlock = (node: RootContent | undefined): boolean =>
    node === undefined ||
    (node.type === 'element' &&
      BLOCKS.has(node.tagName) &&
      node.properties.hidden === undefined &&
      !inline.everywhere &&
      !inline.tags.has(node.tagName) &&
      !(Array.isArray(node.properties.className) && node.properties.className.some((c) => inline.classes.has(String(c)))));
  const tree = fromHtml(html);
  /** Whether an element's white space is written as it is (its own, and its descendants'). */
  const verbatim = (el: Element) =>
    VERBATIM.has(el.tagName) ||
    kept.tags.has(el.tagName) ||
    (Array.isArray(el.properties.className) && el.properties.className.some((c) => kept.classes.has(String(c))));

  // Where white space is kept, it must stay where it is: an end tag left out before it would
  // take it into the element. Then no end tag is left out (the file's styles keep white space
  // only in its title block, where nothing is followed by it).
  let omitEndTags = true;
  const walk = (parent: Root | Element, collapse: boolean) => {
    const children: RootContent[] = [];
    for (const child of parent.children as RootContent[]) {
      if (child.type === 'element') {
        const own = collapse && !verbatim(child);
        if (child.tagName !== 'script' && child.tagName !== 'style') walk(child, own);
        // `<math xmlns=…>`: HTML's parser puts <math> in MathML's namespace by its name alone.
        if (child.tagName === 'math' && child.properties.xmlns === MATHML) delete child.properties.xmlns;
        const classes = child.properties.className;
        if (Array.isArray(classes)) {
          const used = classes.filter((c) => keepClass(String(c)));
          if (used.length) child.properties.className = used;
          else delete child.properties.className;
        }
      } else if (child.type === 'text' && !collapse) {
        const previous = children.at(-1);
        if (previous?.type === 'element' && OPTIONAL_END.has(previous.tagName) && child.value.trim() === '') omitEndTags = false;
      } else if (child.type === 'text' && collapse) {
        const blank = child.value.trim() === '';
        if (blank && (parent.type === 'root' || NO_TEXT.has(parent.tagName))) continue;
        // After a `<p>` whose end tag is left out, white space would join the paragraph's text.
        if (blank && closesParagraph(parent.children as RootContent[], children.at(-1), child)) continue;
        if (blank && parent.type === 'element' && isBlock(children.at(-1)) && isBlock(nextSibling(parent.children as RootContent[], child)) && (children.length > 0 || nextSibling(parent.children as RootContent[], child))) continue;
        child.value = child.value.replace(WHITESPACE, (run) => (run.includes('\n') ? '\n' : ' '));
      }
      children.push(child);
    }
    // `<head>` is written out, though HTML can leave it implied: tools that read the file
    // without HTML's parsing rules (linkedom, in the tests) find the head only by its tag.
    if (parent.type === 'element' && parent.tagName === 'head') children.unshift({ type: 'text', value: '\n' });
    parent.children = children as typeof parent.children;
  };
  walk(tree, !kept.everywhere);
  settings.prepare?.(tree);

  return toHtml(tree, {
    omitOptionalTags: omitEndTags,
    preferUnquoted: true,
    collapseEmptyAttributes: true,
    closeEmptyElements: true,
    tightSelfClosing: true,
    characterReferences: { useShortestReferences: true },
    allowDangerousCharacters: true,
    upperDoctype: true,
  });
}
