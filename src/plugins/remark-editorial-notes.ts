/**
 * Editorial notes (编者注): `<Note>…</Note>` written inside a paragraph, and
 * `<DataCheck id="…" />`, whose text comes from the data checks. Each becomes a numbered
 * marker where it stood and a note right after the paragraph, where it is read on screen and
 * printed (src/reader/print.css): the page holds each note once. Everything here is edition
 * UI (`data-edition-ui`) and is never indexed as report text.
 *
 * ```mdx
 * <P n={28}>……“开门红”,<Note>原文如此。</Note>以优异的成绩……</P>
 * ```
 * becomes
 * ```html
 * <div class="para-block">
 *   <p class="para" id="p-28">……“开门红”,<sup class="note-ref" data-edition-ui><a href="#note-1" id="note-ref-1" aria-label="注1（编者注）">注1</a></sup>以优异的成绩……</p>
 *   <div class="note" role="note" id="note-1" data-edition-ui data-pagefind-ignore="all" aria-label="编者注1">…</div>
 * </div>
 * ```
 * Text between `$…$` in a data check is TeX, rendered by rehype-katex; `¶N` becomes a link.
 */
import type { Paragraph, PhrasingContent, Root, RootContent } from 'mdast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import type { DataCheck } from '../report/data-checks.ts';
import { jsxAttribute } from './jsx-attribute.ts';

export interface EditorialNotesOptions {
  dataChecks?: readonly DataCheck[];
  /** The URL of ¶n (for `¶N` in data-check notes). Default: `#p-n`. */
  paragraphHref?: (n: number) => string;
}

const NAMES = new Set(['Note', 'DataCheck']);

/** Inline math as remark-math makes it, so rehype-katex renders it. */
function inlineMath(value: string): PhrasingContent {
  return {
    type: 'inlineMath',
    value,
    data: { hName: 'code', hProperties: { className: ['language-math', 'math-inline'] }, hChildren: [{ type: 'text', value }] },
  } as unknown as PhrasingContent;
}

/** A note's text with `$…$` as math and `¶N` as links. */
export function noteContent(text: string, paragraphHref: (n: number) => string): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  text.split(/(\$[^$]+\$)/).forEach((part) => {
    if (part.startsWith('$') && part.endsWith('$') && part.length > 2) {
      out.push(inlineMath(part.slice(1, -1)));
      return;
    }
    part.split(/(¶\d+)/).forEach((bit) => {
      const m = /^¶(\d+)$/.exec(bit);
      if (m) out.push({ type: 'link', url: paragraphHref(Number(m[1])), children: [{ type: 'text', value: bit }] });
      else if (bit) out.push({ type: 'text', value: bit });
    });
  });
  return out;
}

const element = (hName: string, hProperties: Record<string, unknown>, children: unknown[], type = 'paragraph') =>
  ({ type, children, data: { hName, hProperties } }) as unknown as RootContent;

/** Creates the transformer; see the module comment. */
export default function remarkEditorialNotes(options?: EditorialNotesOptions) {
  const settings = options || {};
  const checks = new Map((settings.dataChecks ?? []).map((c) => [c.id, c]));
  const paragraphHref = settings.paragraphHref ?? ((n: number) => `#p-${n}`);

  return function transformer(tree: Root, file: VFile) {
    /** How many notes the chapter has so far: they are numbered through the chapter. */
    let count = 0;
    let hasMath = false;

    visit(tree, 'paragraph', (paragraph: Paragraph, index, parent) => {
      if (!parent || index === undefined) return;
      const notes: { n: number; body: PhrasingContent[]; kind: string }[] = [];
      paragraph.children = paragraph.children.map((child) => {
        if (child.type !== 'mdxJsxTextElement' || !NAMES.has(child.name ?? '')) return child;
        let body: PhrasingContent[];
        let kind = '编者注';
        if (child.name === 'DataCheck') {
          const id = jsxAttribute(child, 'id') ?? '';
          const check = checks.get(id);
          if (!check)
            file.fail(
              `<DataCheck id="${id}" /> 不存在。\n修改方法：本版数据核对文件（edition.yaml 的 dataChecks）中现有的 id：${[...checks.keys()].join('、') || '（无）'}。`,
              child,
              'remark-editorial-notes',
            );
          body = noteContent(check.note, paragraphHref);
          kind = '数据核对';
          hasMath ||= check.note.includes('$');
        } else {
          body = child.children as PhrasingContent[];
          if (body.length === 1 && (body[0] as RootContent).type === 'paragraph') body = (body[0] as unknown as Paragraph).children;
        }
        const n = count + notes.length + 1;
        notes.push({ n, body, kind });
        return element(
          'sup',
          { className: ['note-ref'], dataEditionUi: '' },
          [{ type: 'link', url: `#note-${n}`, children: [{ type: 'text', value: `注${n}` }], data: { hProperties: { id: `note-ref-${n}`, ariaLabel: `注${n}（${kind}）` } } }],
          'emphasis',
        ) as PhrasingContent;
      });
      if (notes.length === 0) return;
      count += notes.length;
      const asides = notes.map((note) =>
        element(
          // role=note, not <aside>: a chapter has several, and they are not landmarks.
          'div',
          { className: ['note'], role: 'note', id: `note-${note.n}`, dataEditionUi: '', dataPagefindIgnore: 'all', ariaLabel: `${note.kind}${note.n}` },
          [
            element('p', { className: ['note__label'] }, [
              { type: 'link', url: `#note-ref-${note.n}`, children: [{ type: 'text', value: `${note.kind} ${note.n}` }], data: { hProperties: { title: '回到正文' } } },
            ]),
            element('p', { className: ['note__body'] }, note.body),
          ],
          'blockquote',
        ),
      );
      parent.children.splice(index, 1, element('div', { className: ['para-block'] }, [paragraph, ...asides], 'blockquote'));
      return index + 1;
    });

    const data = file.data as { astro?: { frontmatter?: Record<string, unknown> } };
    data.astro ??= {};
    data.astro.frontmatter ??= {};
    data.astro.frontmatter.hasMath = hasMath || (data.astro.frontmatter.hasMath as boolean | undefined) || false;
  };
}
