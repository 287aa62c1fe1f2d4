/**
 * Cross-references in the edition's own text: `<Ref p={42} />` and `<Ref part="3-2" />`
 * become links labelled as readers cite them (¶42; 三（二）; `part="3"` → 第三部分).
 *
 * ```mdx
 * 见<Ref part="3-8" />
 * ```
 * becomes
 * ```html
 * 见<a href="/part-3/#part-3-8" title="（八）……（the section heading）" class="xref">三（八）</a>
 * ```
 * An unknown target stops the build with the line and the nearest valid targets.
 */
import type { Root, RootContent } from 'mdast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import type { Target, Targets } from '../report/targets.ts';
import { jsxAttribute } from './jsx-attribute.ts';

export interface CrossReferenceOptions {
  targets: Targets;
  /** The URL of a chapter page by its slug. Default: `/${slug}/`. */
  chapterHref?: (slug: string) => string;
}

/** The valid keys closest to a wanted one, for the error message. */
export function nearestKeys(wanted: string, keys: string[], count = 4): string[] {
  const num = (k: string) => k.split('-').map(Number);
  const w = num(wanted);
  const distance = (k: string) => num(k).reduce((d, x, i) => d + Math.abs(x - (w[i] ?? 0)) * (i === 0 ? 100 : 1), 0) + (num(k).length === w.length ? 0 : 50);
  return [...keys].sort((a, b) => distance(a) - distance(b)).slice(0, count);
}

/** Resolves a `<Ref>` to its target, or explains what is valid. */
export function resolveRef(targets: Targets, p: string | undefined, part: string | undefined): Target | { error: string; fix: string } {
  if (p !== undefined) {
    const n = Number(p);
    const target = targets.paragraphs.get(n);
    if (target) return target;
    const max = Math.max(...targets.paragraphs.keys());
    return { error: `<Ref p={${p}} />：没有 ¶${p}。`, fix: `段落编号从 ¶1 到 ¶${max}。` };
  }
  if (part !== undefined) {
    const target = targets.parts.get(part);
    if (target) return target;
    const near = nearestKeys(part, [...targets.parts.keys()]).map((k) => `"${k}"（${targets.parts.get(k)!.label}）`);
    return { error: `<Ref part="${part}" />：没有这一部分或节。`, fix: `最接近的有效目标：${near.join('、')}。` };
  }
  return { error: '<Ref> 需要 p={段落编号} 或 part="部分-节"。', fix: '例如 <Ref p={42} /> 或 <Ref part="3-2" />。' };
}

/** Creates the transformer; see the module comment. */
export default function remarkCrossReferences(options: CrossReferenceOptions) {
  const chapterHref = options.chapterHref ?? ((slug: string) => `/${slug}/`);
  return function transformer(tree: Root, file: VFile) {
    visit(tree, (node, index, parent) => {
      if ((node.type !== 'mdxJsxTextElement' && node.type !== 'mdxJsxFlowElement') || node.name !== 'Ref') return;
      const target = resolveRef(options.targets, jsxAttribute(node, 'p'), jsxAttribute(node, 'part'));
      if ('error' in target) file.fail(`${target.error}\n修改方法：${target.fix}`, node, 'remark-cross-references');
      const link = {
        type: 'link',
        url: `${chapterHref(target.slug)}#${target.anchor}`,
        title: target.title,
        children: [{ type: 'text', value: target.label }],
        data: { hProperties: { className: ['xref'] } },
      };
      (parent!.children as RootContent[])[index!] = link as RootContent;
    });
  };
}
