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
 * <section class="section" id="part-1-1" aria-label="（一）抗疫战疫赢得高分报表">
 *   <p class="para" id="p-4"><a class="pnum" href="#p-4" data-edition-ui>¶4</a><strong class="run-in">（一）抗疫战疫赢得高分报表。</strong>疫情防控……</p>
 * </section>
 * ```
 *
 * Elements: `TitleBlock`, `Title`, `Byline`, `Salutation` (front matter, not numbered), `Part n`,
 * `Section id title`, `P n`, `RunIn`. The plugin records the chapter's paragraphs and sections in
 * `file.data.astro.frontmatter` (Astro's `remarkPluginFrontmatter`) for outlines and the contents.
 */
import type { Heading, Paragraph, PhrasingContent, Root, RootContent } from 'mdast';
import type { MdxJsxAttribute, MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import { toString } from 'mdast-util-to-string';
import { SKIP, visitParents } from 'unist-util-visit-parents';
import type { VFile } from 'vfile';
import { describeDifference } from '../report/text-diff.ts';

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

const FRONT_MATTER: Record<string, { tag: string; className: string }> = {
  TitleBlock: { tag: 'header', className: 'title-block' },
  Title: { tag: 'h1', className: 'report-title' },
  Byline: { tag: 'p', className: 'byline' },
  Salutation: { tag: 'p', className: 'salutation' },
};

function attribute(node: JsxElement, name: string): string | undefined {
  const attr = node.attributes.find((a): a is MdxJsxAttribute => a.type === 'mdxJsxAttribute' && a.name === name);
  if (!attr || attr.value == null) return undefined;
  return typeof attr.value === 'string' ? attr.value : attr.value.value;
}

function fail(file: VFile, node: JsxElement, message: string, fix: string): never {
  file.fail(`${message}\n修改方法：${fix}`, node, 'remark-report-structure');
}

/** The ¶ number in the margin: a link to the paragraph itself, marked as edition UI. */
export function paragraphNumber(n: number): EditionUiNode {
  return {
    type: 'editionUi',
    data: {
      hName: 'a',
      hProperties: { className: ['pnum'], href: `#p-${n}`, dataEditionUi: '' },
      hChildren: [{ type: 'text', value: `¶${n}` }],
    },
  };
}

const PHRASING_TAGS = new Set(['h1', 'h2', 'p', 'strong']);

function asElement(node: JsxElement, tag: string, properties: Record<string, unknown>, children: RootContent[]) {
  const replacement = node as unknown as { type: string; children: RootContent[]; data: unknown };
  // The mdast type only decides how mdast-util-to-hast joins the children: a flow container
  // puts line breaks between blocks, a phrasing one keeps text as it is.
  replacement.type = PHRASING_TAGS.has(tag) ? 'emphasis' : 'blockquote';
  replacement.children = children;
  replacement.data = { hName: tag, hProperties: properties };
  delete (replacement as { name?: unknown }).name;
  delete (replacement as { attributes?: unknown }).attributes;
}

/** Unwraps `<P>` whose text MDX parsed as a paragraph of its own (multi-line form). */
function phrasing(children: RootContent[]): PhrasingContent[] {
  if (children.length === 1 && children[0]!.type === 'paragraph') return (children[0] as Paragraph).children;
  return children as PhrasingContent[];
}

/** Creates the transformer; see the module comment. */
export default function remarkReportStructure(options?: ReportStructureOptions) {
  const settings = options || {};
  return function transformer(tree: Root, file: VFile) {
    const structure: ChapterStructure = { paragraphs: [], sections: [], parts: [] };
    /** Sections by the converted node that holds them, so paragraphs find their section. */
    const sections = new Map<unknown, ChapterStructure['sections'][number]>();
    const sectionOf = (ancestors: unknown[]) => ancestors.map((a) => sections.get(a)).findLast(Boolean);

    const headingIn = (node: JsxElement): Heading | undefined =>
      (node.children as RootContent[]).find((c): c is Heading => c.type === 'heading');

    // A block element written on one line arrives wrapped in a paragraph: unwrap it, so every
    // block element below is a flow element in the place it stands.
    visitParents(tree, 'paragraph', (node, ancestors) => {
      const blocks = node.children.filter((c) => c.type === 'mdxJsxTextElement' && BLOCKS.has(c.name ?? ''));
      if (blocks.length === 0) return;
      const element = blocks[0] as MdxJsxTextElement;
      if (node.children.length > 1)
        fail(
          file,
          element,
          `<${element.name}> 和其他内容写在了同一段里。`,
          `每个 <${element.name}> 单独成行，前后各空一行。`,
        );
      const parent = ancestors.at(-1) as { children: RootContent[] };
      parent.children[parent.children.indexOf(node)] = { ...element, type: 'mdxJsxFlowElement' } as MdxJsxFlowElement;
    });

    visitParents(tree, (node, ancestors) => {
      if (node.type !== 'mdxJsxFlowElement' && node.type !== 'mdxJsxTextElement') return;
      const parent = ancestors.at(-1) as { type: string; children: RootContent[] } | undefined;
      const index = parent ? parent.children.indexOf(node as RootContent) : -1;
      const name = node.name ?? '';
      if (EDITORIAL.has(name)) return;

      if (name in FRONT_MATTER) {
        const { tag, className } = FRONT_MATTER[name]!;
        asElement(node, tag, { className: [className] }, node.children as RootContent[]);
        return;
      }

      if (name === 'Part') {
        const n = Number(attribute(node, 'n'));
        if (!Number.isInteger(n) || n < 1) fail(file, node, '<Part> 缺少有效的 n（部分序号）。', '写成 <Part n={1}>。');
        const heading = headingIn(node);
        if (!heading) fail(file, node, `<Part n={${n}}> 里没有部分标题。`, '在 <Part> 之后紧接一行“# 一、……”。');
        heading.data = { hProperties: { id: `part-${n}-h` } };
        structure.parts.push({ n, title: toString(heading) });
        asElement(node, 'section', { className: ['part'], id: `part-${n}`, ariaLabelledby: `part-${n}-h` }, node.children as RootContent[]);
        return;
      }

      if (name === 'Section') {
        const id = attribute(node, 'id') ?? '';
        const title = attribute(node, 'title') ?? '';
        if (!/^\d+-\d+$/.test(id))
          fail(file, node, `<Section> 的 id “${id}” 无效。`, '写成 <Section id="3-1" title="（一）……">，id 为“部分-节”。');
        if (!title) fail(file, node, `<Section id="${id}"> 缺少 title。`, '加上 title="（一）……"，用作提纲中的节名。');
        if (sectionOf(ancestors)) fail(file, node, `<Section id="${id}"> 嵌套在另一节之内。`, '节不能嵌套：先用 </Section> 结束上一节。');
        const heading = headingIn(node);
        const properties: Record<string, unknown> = { className: ['section'], id: `part-${id}` };
        if (heading) {
          heading.data = { hProperties: { id: `part-${id}-h` } };
          properties.ariaLabelledby = `part-${id}-h`;
        } else {
          properties.ariaLabel = title;
          properties.className = ['section', 'section-run-in'];
        }
        const record = { id: `part-${id}`, title, paragraphs: [] as number[] };
        structure.sections.push(record);
        sections.set(node, record);
        asElement(node, 'section', properties, node.children as RootContent[]);
        return;
      }

      if (name === 'RunIn') {
        asElement(node, 'strong', { className: ['run-in'] }, node.children as RootContent[]);
        return;
      }

      if (name === 'P') {
        const n = Number(attribute(node, 'n'));
        if (!Number.isInteger(n) || n < 1) fail(file, node, '<P> 缺少有效的段落编号 n。', '写成 <P n={12}>……</P>。');
        const previous = structure.paragraphs.at(-1);
        if (previous !== undefined && n !== previous + 1)
          fail(
            file,
            node,
            `段落编号不连续：¶${previous} 之后是 ¶${n}。`,
            `段落编号是引用契约，必须连续且永不改变；这里应为 ¶${previous + 1}。`,
          );
        const children = phrasing(node.children as RootContent[]).map((child) => {
          if ((child.type === 'mdxJsxTextElement' && child.name === 'RunIn'))
            asElement(child, 'strong', { className: ['run-in'] }, child.children as RootContent[]);
          return child;
        });
        const reportChildren = children.filter(
          (c) => !(c.type === 'mdxJsxTextElement' && EDITORIAL.has(c.name ?? '')),
        );
        const text = toString({ type: 'paragraph', children: reportChildren } as Paragraph);
        const expected = settings.source?.get(n);
        if (settings.source && expected === undefined)
          fail(file, node, `原文没有 ¶${n}。`, `原文共 ${settings.source.size} 段；检查编号。`);
        if (expected !== undefined && text !== expected)
          fail(
            file,
            node,
            `¶${n} 与原文不一致：${describeDifference(expected, text)}`,
            '原文神圣不可改动：恢复原文（或用 npm run import 重新生成该章），编者的话请写成编者注。',
          );
        structure.paragraphs.push(n);
        sectionOf(ancestors)?.paragraphs.push(n);
        const paragraph = { type: 'paragraph', children: [paragraphNumber(n), ...children] } as unknown as Paragraph;
        paragraph.data = { hProperties: { className: ['para'], id: `p-${n}` } };
        paragraph.position = node.position;
        if (parent) parent.children[index] = paragraph as RootContent;
        // RunIn is converted above; editorial elements inside are left for their plugins.
        return SKIP;
      }

      fail(
        file,
        node,
        `未知的元素 <${name}>。`,
        '可用的元素：TitleBlock、Title、Byline、Salutation、Part、Section、P、RunIn，以及编者用的 Note、DataCheck、Ref。',
      );
    });

    const data = file.data as { astro?: { frontmatter?: Record<string, unknown> } };
    data.astro ??= {};
    data.astro.frontmatter ??= {};
    data.astro.frontmatter.structure = structure;
  };
}
