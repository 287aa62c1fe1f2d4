/** The one reader of MDX JSX attributes, on elements parsed by remark-mdx as the site parses them. */
import type { Root } from 'mdast';
import type { MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { expect, test } from 'vitest';
import { jsxAttribute } from '../../src/plugins/jsx-attribute.ts';

/** The first JSX element of an MDX snippet. */
function element(mdx: string): MdxJsxFlowElement | MdxJsxTextElement {
  const tree = unified().use(remarkParse).use(remarkMdx).parse(mdx) as Root;
  let found: MdxJsxFlowElement | MdxJsxTextElement | undefined;
  visit(tree, (node) => {
    if (!found && (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement')) found = node;
  });
  if (!found) throw new Error(`no element in ${mdx}`);
  return found;
}

test('a string attribute', () => {
  expect(jsxAttribute(element('<Section id="1-2" title="（二）标题" />'), 'title')).toBe('（二）标题');
});

test('an expression attribute gives its source text', () => {
  expect(jsxAttribute(element('<P n={42}>文字</P>'), 'n')).toBe('42');
});

test('absent, bare and spread attributes give undefined', () => {
  const node = element('<Ref flag {...rest} part="3" />');
  expect(jsxAttribute(node, 'p')).toBeUndefined();
  expect(jsxAttribute(node, 'flag')).toBeUndefined();
  expect(jsxAttribute(node, 'rest')).toBeUndefined();
  expect(jsxAttribute(node, 'part')).toBe('3');
});

test('inline elements too', () => {
  expect(jsxAttribute(element('文字<DataCheck id="gdp" />文字'), 'id')).toBe('gdp');
});
