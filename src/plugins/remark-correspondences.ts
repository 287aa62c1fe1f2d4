/**
 * 对照阅读: at the end of each section, links to the sections that answer to it — the plan's
 * sections for a review's and back, and the tasks both carry — and after the paragraph that lists
 * the tasks, each task with its sections. The edition's data says which and how each row is
 * labelled. Edition UI throughout.
 */
import type { Root, RootContent } from 'mdast';
import { visit } from 'unist-util-visit';
import type { Correspondences } from '../report/correspondences.ts';
import { numeral } from '../report/numerals.ts';
import type { Targets } from '../report/targets.ts';

export interface CorrespondencesOptions {
  correspondences: Correspondences;
  targets: Targets;
  /** The URL of a chapter page by slug. Default: `/${slug}/`. */
  chapterHref?: (slug: string) => string;
}

const el = (hName: string, hProperties: Record<string, unknown>, children: unknown[], type = 'blockquote') =>
  ({ type, children, data: { hName, hProperties } }) as unknown as RootContent;
const text = (value: string) => ({ type: 'text', value });

/** Creates the transformer; see the module comment. */
export default function remarkCorrespondences(options: CorrespondencesOptions) {
  const { correspondences: c, targets } = options;
  const chapterHref = options.chapterHref ?? ((slug: string) => `/${slug}/`);
  const tasksSlug = targets.paragraphs.get(c.tasks.paragraph)?.slug ?? '';

  const sectionLink = (id: string) => {
    const t = targets.parts.get(id)!;
    return { type: 'link', url: `${chapterHref(t.slug)}#${t.anchor}`, children: [text(`${t.label} ${t.title.replace(/^（[^）]+）/, '')}`)] };
  };
  const taskLink = (item: Correspondences['tasks']['items'][number]) => ({
    type: 'link',
    url: `${chapterHref(tasksSlug)}#task-${item.n}`,
    children: [text(`${c.labels.tasks}${numeral(item.n)}：${item.name}`)],
  });
  const row = (label: string, links: unknown[]) =>
    el('li', {}, [el('span', { className: ['xread__label'] }, [text(label)], 'emphasis'), ...links.flatMap((l, i) => (i ? [text('；'), l] : [l]))], 'paragraph');

  /** What answers to section `id`. */
  const rowsFor = (id: string) => {
    const rows: RootContent[] = [];
    const plan = c.reviewToPlan[id];
    if (plan?.length) rows.push(row(c.labels.plan, plan.map(sectionLink)));
    const reviews = Object.entries(c.reviewToPlan).filter(([, to]) => to.includes(id)).map(([from]) => from);
    if (reviews.length) rows.push(row(c.labels.review, reviews.map(sectionLink)));
    const tasks = c.tasks.items.filter((t) => t.sections.includes(id));
    if (tasks.length) rows.push(row(c.labels.tasks, tasks.map(taskLink)));
    return rows;
  };
  const block = (rows: RootContent[], extra: Record<string, unknown> = {}) =>
    // A group of links, not a landmark: there is one per section.
    el('div', { className: ['xread'], role: 'group', dataEditionUi: '', dataPagefindIgnore: 'all', ariaLabel: '对照阅读', ...extra }, [
      el('p', { className: ['xread__title'] }, [text('对照阅读')], 'paragraph'),
      el('ul', {}, rows),
    ]);

  return function transformer(tree: Root) {
    visit(tree, (node, index, parent) => {
      const props = (node.data as { hProperties?: { id?: unknown; className?: unknown } } | undefined)?.hProperties;
      const id = typeof props?.id === 'string' ? props.id : '';
      const section = /^part-(\d+-\d+)$/.exec(id);
      if (section) {
        const rows = rowsFor(section[1]!);
        if (rows.length) (node as unknown as { children: RootContent[] }).children.push(block(rows));
        return;
      }
      if (id === `p-${c.tasks.paragraph}` && parent && index !== undefined) {
        const rows = c.tasks.items.map((item) =>
          el('li', { id: `task-${item.n}` }, [
            el('span', { className: ['xread__label'] }, [text(`${numeral(item.n)}是${item.name}`)], 'emphasis'),
            ...item.sections.flatMap((s, i) => (i ? [text('；'), sectionLink(s)] : [sectionLink(s)])),
          ], 'paragraph'),
        );
        (parent.children as RootContent[]).splice(index + 1, 0, block(rows, { className: ['xread', 'xread--tasks'] }));
        return index + 2;
      }
    });
  };
}
