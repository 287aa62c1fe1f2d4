/**
 * An edition's 对照阅读 file (for example `content/correspondences.yaml`), read and checked at
 * configuration time: its shape by `correspondencesSchema`, then against the report: every
 * section named exists, every task is named in its ¶ as the report lists it. The labels of the
 * rows are the edition's, since they name the report's years.
 */
import { z } from 'astro/zod';
import { ContentError } from '../edition/content-error.ts';
import { readData } from '../edition/read-data.ts';
import { numeral } from './numerals.ts';
import type { Targets } from './targets.ts';

/** A section as `部分-节`: `1-3`. */
const sectionId = z.string().regex(/^\d+-\d+$/, { message: '节写作“部分-节”，例如 "3-2"。' });

export const correspondencesSchema = z
  .object({
    /** Row labels: what the review's sections lead to (2024年安排), back (2023年工作), and the tasks (“十四五”任务). */
    labels: z
      .object({ plan: z.string().min(1), review: z.string().min(1), tasks: z.string().min(1) })
      .strict()
      .describe('写明对照阅读各行的标题，例如 labels: { plan: 2024年安排, review: 2023年工作, tasks: “十四五”任务 }。'),
    /** A section of the review (part 一) → the sections of the plan that answer it. */
    'review-to-plan': z.record(z.array(sectionId)).describe('每行写 "回顾的节": ["安排的节", …]，例如 "1-2": ["3-1", "3-4"]。'),
    /** The tasks the report lists in one ¶, each with the sections that carry it out. */
    tasks: z
      .object({
        paragraph: z.number().int().positive().describe('写列出各项任务的段落编号，例如 paragraph: 30。'),
        items: z.array(
          z
            .object({
              n: z.number().int().positive().describe('写任务在报告中的序号：“一是……”写 n: 1。'),
              name: z.string().min(1).describe('照录报告中的任务名，不加引号。'),
              sections: z.array(sectionId).describe('列出承担此任务的节，例如 sections: ["1-2", "3-1"]。'),
            })
            .strict(),
        ),
      })
      .strict(),
  })
  .strict();

export interface Correspondences {
  labels: { plan: string; review: string; tasks: string };
  reviewToPlan: Record<string, string[]>;
  tasks: z.output<typeof correspondencesSchema>['tasks'];
}

/** Reads the file and checks it against the report; errors name the line. */
export function loadCorrespondences(targets: Targets, paragraphText: (n: number) => string | undefined, file: string): Correspondences {
  const { data, lineAt } = readData(file, correspondencesSchema);
  const fail = (path: (string | number)[], message: string, fix: string): never => {
    throw new ContentError(file, lineAt(path), message, fix);
  };
  const section = (id: string, path: (string | number)[]) => {
    if (!targets.parts.has(id))
      fail(path, `“${id}”不是报告中的节。`, `节写作“部分-节”，现有的节：${[...targets.parts.keys()].filter((k) => k.includes('-')).join('、')}。`);
  };
  for (const [from, to] of Object.entries(data['review-to-plan'])) {
    section(from, ['review-to-plan', from]);
    to.forEach((id, i) => section(id, ['review-to-plan', from, i]));
  }
  const tasksText = paragraphText(data.tasks.paragraph) ?? '';
  data.tasks.items.forEach((item, i) => {
    const phrase = `${numeral(item.n)}是${item.name}`;
    if (!tasksText.includes(phrase)) fail(['tasks', 'items', i, 'name'], `¶${data.tasks.paragraph} 中没有“${phrase}”。`, '任务名须与报告原文一致。');
    item.sections.forEach((id, s) => section(id, ['tasks', 'items', i, 'sections', s]));
  });
  return { labels: data.labels, reviewToPlan: data['review-to-plan'], tasks: data.tasks };
}
