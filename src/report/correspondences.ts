/**
 * The correspondences of `content/correspondences.yaml`, read and checked at configuration
 * time: every section named exists, every task is named in ¶26 as the report lists it.
 */
import { readFileSync } from 'node:fs';
import yaml from 'js-yaml';
import type { Targets } from './targets.ts';

export interface Correspondences {
  reviewToPlan: Record<string, string[]>;
  tasks: { paragraph: number; items: { n: number; name: string; sections: string[] }[] };
}

export const CORRESPONDENCES_FILE = 'content/correspondences.yaml';

function lineOf(text: string, needle: string): number {
  const i = text.split('\n').findIndex((l) => l.includes(needle));
  return i + 1 || 1;
}

/** Reads the file and checks it against the report; errors name the line. */
export function loadCorrespondences(targets: Targets, paragraphText: (n: number) => string | undefined, file = CORRESPONDENCES_FILE): Correspondences {
  const text = readFileSync(file, 'utf8');
  const raw = yaml.load(text) as { 'review-to-plan': Record<string, string[]>; tasks: Correspondences['tasks'] };
  const fail = (needle: string, message: string, fix: string): never => {
    throw new Error(`${file}:${lineOf(text, needle)}: ${message}\n  修改方法：${fix}`);
  };
  const section = (id: string, where: string) => {
    if (!/^\d+-\d+$/.test(id) || !targets.parts.has(id))
      fail(where, `“${id}”不是报告中的节。`, `节写作“部分-节”，现有的节：${[...targets.parts.keys()].filter((k) => k.includes('-')).join('、')}。`);
  };
  for (const [from, to] of Object.entries(raw['review-to-plan'])) {
    section(from, `"${from}"`);
    for (const id of to) section(id, `"${from}"`);
  }
  const tasksText = paragraphText(raw.tasks.paragraph) ?? '';
  const ordinals = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
  for (const item of raw.tasks.items) {
    const phrase = `${ordinals[item.n - 1]}是${item.name}`;
    if (!tasksText.includes(phrase))
      fail(`name: ${item.name}`, `¶${raw.tasks.paragraph} 中没有“${phrase}”。`, '任务名须与报告原文一致。');
    for (const id of item.sections) section(id, `name: ${item.name}`);
  }
  return { reviewToPlan: raw['review-to-plan'], tasks: raw.tasks };
}
