/**
 * An edition's 对照阅读 file (for example `content/correspondences.yaml`), read and checked at
 * configuration time: every section named exists, every task is named in its ¶ as the report
 * lists it. The labels of the rows are the edition's, since they name the report's years.
 */
import { readFileSync } from 'node:fs';
import yaml from 'js-yaml';
import { ContentError, lineOf } from '../edition/content-error.ts';
import { numeral } from './numerals.ts';
import type { Targets } from './targets.ts';

export interface Correspondences {
  /** Row labels: what the review's sections lead to (2024年安排), back (2023年工作), and the tasks (“十四五”任务). */
  labels: { plan: string; review: string; tasks: string };
  reviewToPlan: Record<string, string[]>;
  tasks: { paragraph: number; items: { n: number; name: string; sections: string[] }[] };
}

/** Reads the file and checks it against the report; errors name the line. */
export function loadCorrespondences(targets: Targets, paragraphText: (n: number) => string | undefined, file: string): Correspondences {
  const text = readFileSync(file, 'utf8');
  const raw = yaml.load(text) as { labels?: Partial<Correspondences['labels']>; 'review-to-plan': Record<string, string[]>; tasks: Correspondences['tasks'] };
  const fail = (needle: string, message: string, fix: string): never => {
    throw new ContentError(file, lineOf(text, needle), message, fix);
  };
  const labels = raw.labels ?? {};
  for (const key of ['plan', 'review', 'tasks'] as const)
    if (typeof labels[key] !== 'string' || !labels[key])
      fail('labels', `labels.${key} 缺失。`, '写明对照阅读各行的标题，例如 labels: { plan: 2024年安排, review: 2023年工作, tasks: “十四五”任务 }。');
  const section = (id: string, where: string) => {
    if (!/^\d+-\d+$/.test(id) || !targets.parts.has(id))
      fail(where, `“${id}”不是报告中的节。`, `节写作“部分-节”，现有的节：${[...targets.parts.keys()].filter((k) => k.includes('-')).join('、')}。`);
  };
  for (const [from, to] of Object.entries(raw['review-to-plan'])) {
    section(from, `"${from}"`);
    for (const id of to) section(id, `"${from}"`);
  }
  const tasksText = paragraphText(raw.tasks.paragraph) ?? '';
  for (const item of raw.tasks.items) {
    const phrase = `${numeral(item.n)}是${item.name}`;
    if (!tasksText.includes(phrase))
      fail(`name: ${item.name}`, `¶${raw.tasks.paragraph} 中没有“${phrase}”。`, '任务名须与报告原文一致。');
    for (const id of item.sections) section(id, `name: ${item.name}`);
  }
  return { labels: labels as Correspondences['labels'], reviewToPlan: raw['review-to-plan'], tasks: raw.tasks };
}
