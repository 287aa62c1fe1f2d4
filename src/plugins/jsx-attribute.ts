/**
 * The value of a named attribute of an MDX JSX element, as the edition's plugins read it:
 * `<P n={4}>` and `<P n="4">` both give `'4'` (an expression gives its source text), a bare
 * `<X flag>` or an absent attribute gives `undefined`. Spread attributes (`{...props}`) are not
 * named and are never matched. The one reader every remark plugin of the edition uses.
 */
import type { MdxJsxAttribute, MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';

export function jsxAttribute(node: MdxJsxFlowElement | MdxJsxTextElement, name: string): string | undefined {
  const attribute = node.attributes.find((a): a is MdxJsxAttribute => a.type === 'mdxJsxAttribute' && a.name === name);
  if (attribute?.value == null) return undefined;
  return typeof attribute.value === 'string' ? attribute.value : attribute.value.value;
}
