/**
 * Keeps an inline formula together with the Chinese punctuation that touches it, so that no line
 * begins with a closing mark (“，约为1.5倍” under “…≈ 1.52”) or ends with an opening one:
 * the rule of Chinese line breaking (禁则), which browsers apply between characters but not
 * between a character and KaTeX's inline box. The formula and its marks are wrapped in
 * `<span class="math-nowrap">`, which chapter.css keeps on one line; nothing of the text changes.
 *
 * ```html
 * <span class="katex">…</span>，约为1.5倍
 * ```
 * becomes
 * ```html
 * <span class="math-nowrap"><span class="katex">…</span>，</span>约为1.5倍
 * ```
 *
 * Runs after rehype-katex. Display formulas stand on their own line and are left alone. Only the
 * formula's own neighbours are looked at (not punctuation after a note marker that follows
 * it), and the whole formula keeps to one line, which suits the short inline formulas of the
 * editorial notes; a long one would rather be written as a display formula.
 */
import type { Element, ElementContent, Root, Text } from 'hast';
import { SKIP, visit } from 'unist-util-visit';

/** Marks that may not begin a line. */
const CLOSING = /^[，。、；：！？）」』】》〉〕］｝〗”’]+/u;
/** Marks that may not end a line. */
const OPENING = /[（「『【《〈〔［｛〖“‘]+$/u;

const isInlineFormula = (node: ElementContent | undefined): node is Element =>
  node?.type === 'element' && Array.isArray(node.properties.className) && node.properties.className.includes('katex');

const text = (value: string): Text => ({ type: 'text', value });

const isWrapper = (node: Element) => Array.isArray(node.properties.className) && node.properties.className.includes('math-nowrap');

export default function rehypeMathPunctuation() {
  return (tree: Root) => {
    visit(tree, 'element', (parent) => {
      if (isWrapper(parent)) return SKIP;
      const children = parent.children;
      for (let i = 0; i < children.length; i++) {
        const formula = children[i];
        if (!isInlineFormula(formula)) continue;
        const before = children[i - 1];
        const after = children[i + 1];
        const opening = before?.type === 'text' ? OPENING.exec(before.value)?.[0] : undefined;
        const closing = after?.type === 'text' ? CLOSING.exec(after.value)?.[0] : undefined;
        if (!opening && !closing) continue;
        const kept: ElementContent[] = [...(opening ? [text(opening)] : []), formula, ...(closing ? [text(closing)] : [])];
        const wrapper: Element = { type: 'element', tagName: 'span', properties: { className: ['math-nowrap'] }, children: kept };
        if (closing && after?.type === 'text') after.value = after.value.slice(closing.length);
        if (opening && before?.type === 'text') before.value = before.value.slice(0, -opening.length);
        children[i] = wrapper;
        // Text emptied by the move goes.
        if (after?.type === 'text' && after.value === '') children.splice(i + 1, 1);
        if (before?.type === 'text' && before.value === '') children.splice(--i, 1);
      }
    });
  };
}
