/**
 * Turns the report's MDX elements into the edition's HTML and checks every paragraph against
 * the source, so a chapter that drifted from the report stops the build.
 *
 * ```mdx
 * <Section id="1-1" title="（一）抗疫战疫赢得高分报表">
 *
 * <P n={4}><RunIn>（一）抗疫战疫赢得高分报表。</RunIn>疫情防控……</P>
 *
 * </Section>
 * ```
 * becomes
 * ```html
 * <section class="section section-run-in" id="part-1-1" aria-label="（一）抗疫战疫赢得高分报表">
 *   <p class="para" id="p-4"><a class="pnum" href="#p-4" data-edition-ui>¶4</a><strong class="run-in">（一）抗疫战疫赢得高分报表。</strong>疫情防控……</p>
 * </section>
 * ```
 *
 * Elements: `TitleBlock`, `Title`, `Byline`, `Salutation` (front matter, not numbered), `Part n`,
 * `Section id title`, `P n`, `RunIn`. The plugin records the chapter's paragraphs, sections and parts in
 * `file.data.astro.frontmatter` (Astro's `remarkPluginFrontmatter`) for outlines and the contents.
 */
import type { Element } from 'hast';
import { h } from 'hastscript';
import type { Heading, Paragraph, PhrasingContent, Root, RootContent } from 'mdast';
import type { MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import { toString } from 'mdast-util-to-string';
import { SKIP, visitParents } from 'unist-util-visit-parents';
import type { VFile } from 'vfile';
import { describeDifference } from '../report/text-diff.ts';
import { jsxAttribute } from './jsx-attribute.ts';

export interface ReportStructureOptions {
  /**
   * The source text of each paragraph by ¶ number (emendations applied). When given, every
   * `<P n>` must hold exactly this text; otherwise the build stops. Default: no check.
   */
  source?: ReadonlyMap<number, string>;
}

/** What the plugin learns about a chapter; stored under `file.data.astro.frontmatter.structure`. */
export interface ChapterStructure {
  paragraphs: number[];
  sections: { id: string; title: string; paragraphs: number[] }[];
  parts: { n: number; title: string }[];
}

type JsxElement = MdxJsxFlowElement | MdxJsxTextElement;

/** An mdast node that becomes an HTML element and is not report text. */
export interface EditionUiNode {
  type: 'editionUi';
  data: { hName: string; hProperties: Record<string, unknown>; hChildren: unknown[] };
}

declare module 'mdast' {
  interface RootContentMap {
    editionUi: EditionUiNode;
  }
  interface PhrasingContentMap {
    editionUi: EditionUiNode;
  }
}

/** Elements that stand for blocks; MDX parses a one-line `<P n={1}>…</P>` as a paragraph holding it. */
const BLOCKS = new Set(['TitleBlock', 'Title', 'Byline', 'Salutation', 'Part', 'Section', 'P']);

/** Elements other plugins handle after this one; inside a `<P>` they are not report text. */
const EDITORIAL = new Set(['Note', 'DataCheck', 'Ref']);

/** What a handler may use besides its element: the file, the element's place, what is recorded so far. */
interface Context {
  file: VFile;
  ancestors: readonly unknown[];
  parent: { children: RootContent[] } | undefined;
  structure: ChapterStructure;
  /** The section that holds a node, by its ancestors. */
  sectionOf: (ancestors: readonly unknown[]) => ChapterStructure['sections'][number] | undefined;
  /** Records a converted `<Section>` node, so the paragraphs inside find it. */
  enterSection: (node: JsxElement, section: ChapterStructure['sections'][number]) => void;
  source: ReadonlyMap<number, string> | undefined;
}

/** Converts one element in place; `SKIP` where it has dealt with its descendants itself. */
type Handler = (node: JsxElement, context: Context) => typeof SKIP | void;

function fail(file: VFile, node: JsxElement, message: string, fix: string): never {
  file.fail(`${message}\n修改方法：${fix}`, node, 'remark-report-structure');
}

/** The ¶ number in the margin: a link to the paragraph itself, marked as edition UI. */
export function paragraphNumber(n: number): EditionUiNode {
  const link = h('a', { className: ['pnum'], href: `#p-${n}`, dataEditionUi: '' }, `¶${n}`);
  return { type: 'editionUi', data: { hName: link.tagName, hProperties: link.properties, hChildren: link.children } };
}

/** Unwraps children that MDX parsed as a paragraph of their own (the multi-line form of `<P>`). */
function phrasing(children: RootContent[]): PhrasingContent[] {
  if (children.length === 1 && children[0]!.type === 'paragraph') return (children[0] as Paragraph).children;
  return children as PhrasingContent[];
}

/** The mdast node of the same meaning as a phrasing HTML element the handlers make. */
const PHRASING_TYPES: Record<string, 'strong' | 'paragraph' | 'heading'> = { strong: 'strong', p: 'paragraph', h1: 'heading', h2: 'heading' };

/**
 * Turns a JSX element into the mdast node remark-rehype makes `element` from: the tag and
 * properties go in `data.hName`/`hProperties`, the children stay mdast for the plugins after
 * this one (notes, cross-references, glossary terms). Phrasing elements become the mdast node of
 * the same meaning (`<strong>` ← strong, `<p>` ← paragraph, `<h1>` ← heading). mdast has no
 * generic flow container, so `<section>` and `<header>` ride on `blockquote`, whose handler puts
 * a line break around each block, as the edition's HTML has always had; the tag is replaced.
 */
function become(node: JsxElement, element: Element, children: RootContent[]): void {
  const target = node as unknown as { type: string; depth?: number; children: RootContent[]; data: unknown; name?: unknown; attributes?: unknown };
  const type = PHRASING_TYPES[element.tagName];
  target.type = type ?? 'blockquote';
  if (type === 'heading') target.depth = Number(element.tagName.slice(1));
  target.children = type ? phrasing(children) : children;
  target.data = { hName: element.tagName, hProperties: element.properties };
  delete target.name;
  delete target.attributes;
}

/** An element that only becomes a tag with a class. */
const plain =
  (tag: string, className: string): Handler =>
  (node) =>
    become(node, h(tag, { className: [className] }), node.children as RootContent[]);

const headingIn = (node: JsxElement): Heading | undefined => (node.children as RootContent[]).find((c): c is Heading => c.type === 'heading');

/** `<Part n>`: a numbered part, labelled by its `# 一、……` heading. */
const part: Handler = (node, { file, structure }) => {
  const n = Number(jsxAttribute(node, 'n'));
  if (!Number.isInteger(n) || n < 1) fail(file, node, '<Part> 缺少有效的 n（部分序号）。', '写成 <Part n={1}>。');
  const heading = headingIn(node);
  if (!heading) fail(file, node, `<Part n={${n}}> 里没有部分标题。`, '在 <Part> 之后紧接一行“# 一、……”。');
  heading.data = { hProperties: { id: `part-${n}-h` } };
  structure.parts.push({ n, title: toString(heading) });
  become(node, h('section', { className: ['part'], id: `part-${n}`, ariaLabelledby: `part-${n}-h` }), node.children as RootContent[]);
};

/** `<Section id title>`: a section, labelled by its heading or, for a run-in section, by its title. */
const section: Handler = (node, { file, ancestors, structure, sectionOf, enterSection }) => {
  const id = jsxAttribute(node, 'id') ?? '';
  const title = jsxAttribute(node, 'title') ?? '';
  if (!/^\d+-\d+$/.test(id)) fail(file, node, `<Section> 的 id “${id}” 无效。`, '写成 <Section id="3-1" title="（一）……">，id 为“部分-节”。');
  if (!title) fail(file, node, `<Section id="${id}"> 缺少 title。`, '加上 title="（一）……"，用作提纲中的节名。');
  if (sectionOf(ancestors)) fail(file, node, `<Section id="${id}"> 嵌套在另一节之内。`, '节不能嵌套：先用 </Section> 结束上一节。');
  const heading = headingIn(node);
  if (heading) heading.data = { hProperties: { id: `part-${id}-h` } };
  const element = heading
    ? h('section', { className: ['section'], id: `part-${id}`, ariaLabelledby: `part-${id}-h` })
    : h('section', { className: ['section', 'section-run-in'], id: `part-${id}`, ariaLabel: title });
  const record = { id: `part-${id}`, title, paragraphs: [] as number[] };
  structure.sections.push(record);
  enterSection(node, record);
  become(node, element, node.children as RootContent[]);
};

const runIn = plain('strong', 'run-in');

/** `<P n>`: a numbered paragraph of the report, checked against the source text of ¶n. */
const paragraph: Handler = (node, context) => {
  const { file, ancestors, parent, structure, sectionOf, source } = context;
  const n = Number(jsxAttribute(node, 'n'));
  if (!Number.isInteger(n) || n < 1) fail(file, node, '<P> 缺少有效的段落编号 n。', '写成 <P n={12}>……</P>。');
  const previous = structure.paragraphs.at(-1);
  if (previous !== undefined && n !== previous + 1)
    fail(file, node, `段落编号不连续：¶${previous} 之后是 ¶${n}。`, `段落编号是引用契约，必须连续且永不改变；这里应为 ¶${previous + 1}。`);
  const children = phrasing(node.children as RootContent[]);
  for (const child of children) if (child.type === 'mdxJsxTextElement' && child.name === 'RunIn') runIn(child, context);
  const reportChildren = children.filter((c) => !(c.type === 'mdxJsxTextElement' && EDITORIAL.has(c.name ?? '')));
  const text = toString({ type: 'paragraph', children: reportChildren } as Paragraph);
  const expected = source?.get(n);
  if (source && expected === undefined) fail(file, node, `原文没有 ¶${n}。`, `原文共 ${source.size} 段；检查编号。`);
  if (expected !== undefined && text !== expected)
    fail(
      file,
      node,
      `¶${n} 与原文不一致：${describeDifference(expected, text)}`,
      '原文神圣不可改动：恢复原文（或用 npm run import 重新生成该章），编者的话请写成编者注。',
    );
  structure.paragraphs.push(n);
  sectionOf(ancestors)?.paragraphs.push(n);
  const { properties } = h('p', { className: ['para'], id: `p-${n}` });
  const result: Paragraph = { type: 'paragraph', children: [paragraphNumber(n), ...children], data: { hProperties: properties }, position: node.position };
  if (parent) parent.children[parent.children.indexOf(node as RootContent)] = result;
  // RunIn is converted above; editorial elements inside are left for their plugins.
  return SKIP;
};

/** Every element of the report's MDX, by name. */
const HANDLERS: Record<string, Handler> = {
  TitleBlock: plain('header', 'title-block'),
  Title: plain('h1', 'report-title'),
  Byline: plain('p', 'byline'),
  Salutation: plain('p', 'salutation'),
  Part: part,
  Section: section,
  P: paragraph,
  RunIn: runIn,
};

/** Creates the transformer; see the module comment. */
export default function remarkReportStructure(options?: ReportStructureOptions) {
  const settings = options || {};
  return function transformer(tree: Root, file: VFile) {
    const structure: ChapterStructure = { paragraphs: [], sections: [], parts: [] };
    /** Sections by the converted node that holds them, so paragraphs find their section. */
    const sections = new Map<unknown, ChapterStructure['sections'][number]>();
    const sectionOf = (ancestors: readonly unknown[]) => ancestors.map((a) => sections.get(a)).findLast(Boolean);

    // A block element written on one line arrives wrapped in a paragraph: unwrap it, so every
    // block element below is a flow element in the place it stands.
    visitParents(tree, 'paragraph', (node, ancestors) => {
      const blocks = node.children.filter((c) => c.type === 'mdxJsxTextElement' && BLOCKS.has(c.name ?? ''));
      if (blocks.length === 0) return;
      const element = blocks[0] as MdxJsxTextElement;
      if (node.children.length > 1) fail(file, element, `<${element.name}> 和其他内容写在了同一段里。`, `每个 <${element.name}> 单独成行，前后各空一行。`);
      const parent = ancestors.at(-1) as { children: RootContent[] };
      parent.children[parent.children.indexOf(node)] = { ...element, type: 'mdxJsxFlowElement' } as MdxJsxFlowElement;
    });

    visitParents(tree, (node, ancestors) => {
      if (node.type !== 'mdxJsxFlowElement' && node.type !== 'mdxJsxTextElement') return;
      const name = node.name ?? '';
      if (EDITORIAL.has(name)) return;
      const handler = HANDLERS[name];
      if (!handler)
        fail(
          file,
          node,
          `未知的元素 <${name}>。`,
          `可用的元素：${Object.keys(HANDLERS).join('、')}，以及编者用的 ${[...EDITORIAL].join('、')}。`,
        );
      return handler(node, {
        file,
        ancestors,
        parent: ancestors.at(-1) as Context['parent'],
        structure,
        sectionOf,
        enterSection: (element, record) => sections.set(element, record),
        source: settings.source,
      });
    });

    const data = file.data as { astro?: { frontmatter?: Record<string, unknown> } };
    data.astro ??= {};
    data.astro.frontmatter ??= {};
    data.astro.frontmatter.structure = structure;
  };
}
