/**
 * Every content input goes through one parser (`src/edition/read-data.ts`) and a zod schema: a
 * file with CRLF line ends reads as with LF, and a missing field or a value of the wrong type
 * stops with the file, the line of the key (counted by hand here), the reason and the fix, in
 * Chinese. One block per kind of input, through the loader the build uses.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { z } from 'astro/zod';
import { ContentError } from '../../src/edition/content-error.ts';
import { parseData, readFrontMatter } from '../../src/edition/read-data.ts';
import { parseEntry } from '../../src/glossary/load-glossary.ts';
import { loadIndicatorTables } from '../../src/indicators/indicators.ts';
import { loadCorrespondences } from '../../src/report/correspondences.ts';
import { loadDataChecks } from '../../src/report/data-checks.ts';
import type { Target, Targets } from '../../src/report/targets.ts';

const crlf = (text: string) => text.replace(/\n/g, '\r\n');

/** A file in a fresh folder; returns its path. */
function file(name: string, text: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'read-data-'));
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, name), text);
  return join(dir, name);
}

/** The content error `run` throws, as line, reason and fix. */
function failure(run: () => unknown): { line: number; reason: string; fix: string; file: string } {
  try {
    run();
  } catch (error) {
    if (!(error instanceof ContentError)) throw error;
    return { line: error.line, reason: error.reason, fix: error.fix, file: error.file };
  }
  throw new Error('accepted');
}

describe('glossary front matter', () => {
  const ENTRY = ['---', 'term: 六稳六保', 'aliases: [六稳, 六保]', 'category: 政策提法', 'level: 国家', 'summary: 稳就业等“六稳”与保居民就业等“六保”的合称。', '---', '正文。', ''].join('\n');
  const entry = (text: string) => parseEntry('content/glossary/liu-wen-liu-bao.md', text, ['国家']);

  test('CRLF reads as LF', () => {
    expect(entry(crlf(ENTRY))).toEqual({ ...entry(ENTRY), text: crlf(ENTRY) });
    expect(entry(crlf(ENTRY)).aliases).toEqual(['六稳', '六保']);
  });

  test('a missing field: the line of the mapping, the field, the fix', () => {
    const f = failure(() => entry(ENTRY.replace('summary: 稳就业等“六稳”与保居民就业等“六保”的合称。\n', '')));
    expect(f).toMatchObject({ file: 'content/glossary/liu-wen-liu-bao.md', line: 2, reason: '缺少 summary。' });
  });

  test('a wrong type: the line of the key', () => {
    const f = failure(() => entry(ENTRY.replace('aliases: [六稳, 六保]', 'aliases: 六稳')));
    expect(f).toMatchObject({ line: 3, reason: 'aliases：应为列表，这里是文字。' });
  });

  test('a level the edition does not have: the schema’s own message', () => {
    const f = failure(() => entry(ENTRY.replace('level: 国家', 'level: 省级')));
    expect(f).toMatchObject({ line: 5, reason: expect.stringContaining('level 须为以下之一：国家、未注明') });
  });

  test('no front matter at all', () => {
    expect(failure(() => entry('正文。\n'))).toMatchObject({ line: 1, reason: '没有 frontmatter。' });
  });
});

describe('data checks', () => {
  const CHECKS = [
    '# A comment first.',
    '- id: gdp-five-year',
    '  paragraph: 11',
    '  quotes:',
    '    - { p: 11, text: 年均增长8.8% }',
    '  note: |-',
    '    约为 $1.52$ 倍。',
    '  checks:',
    '    - { expr: (1 + 0.088) ** 5, value: "1.52" }',
    '',
  ].join('\n');

  test('CRLF reads as LF', () => {
    expect(loadDataChecks(file('data-checks.yaml', crlf(CHECKS)))).toEqual(loadDataChecks(file('data-checks.yaml', CHECKS)));
    expect(loadDataChecks(file('data-checks.yaml', crlf(CHECKS)))[0]!.note).toBe('约为 $1.52$ 倍。');
  });

  test('a missing field: the line of its item, and what to write', () => {
    const f = failure(() => loadDataChecks(file('data-checks.yaml', CHECKS.replace('  paragraph: 11\n', ''))));
    expect(f).toMatchObject({ line: 2, reason: '第 1 项：缺少 paragraph。', fix: expect.stringContaining('paragraph: 12') });
  });

  test('a value written as a number loses its zeros: refused at its line, with the fix', () => {
    const f = failure(() => loadDataChecks(file('data-checks.yaml', CHECKS.replace('value: "1.52"', 'value: 1.50'))));
    expect(f).toMatchObject({ line: 9, reason: '第 1 项 checks 第 1 项 value：应为文字，这里是数字。', fix: expect.stringContaining('加引号') });
  });

  test('an unknown field: named, with the fields there are', () => {
    const f = failure(() => loadDataChecks(file('data-checks.yaml', CHECKS.replace('  paragraph: 11', '  paragraph: 11\n  paragrpah: 12'))));
    expect(f).toMatchObject({ line: 4, reason: '第 1 项：不认识的字段：paragrpah。', fix: expect.stringContaining('id、paragraph、quotes、note、checks') });
  });
});

describe('indicator tables', () => {
  const TABLE = [
    'title: 主要指标',
    'caption: 第一部分所列指标',
    'rows:',
    '  - { indicator: 地区生产总值, value: "2008.3", unit: 亿元, scope: 全市, paragraph: 2 }',
    '  - { indicator: 城乡居民收入比, value: "1.64", scope: 未注明, paragraph: 15 }',
    '',
  ].join('\n');
  const table = (text: string) => loadIndicatorTables(file('results.yaml', text).replace(/\/results\.yaml$/, ''));

  test('CRLF reads as LF; a row without a unit has an empty one', () => {
    expect(table(crlf(TABLE))).toEqual(table(TABLE));
    expect(table(TABLE)[0]!.rows[1]).toEqual({ indicator: '城乡居民收入比', value: '1.64', unit: '', scope: '未注明', paragraph: 15 });
  });

  test('a missing field: the line of its row', () => {
    const f = failure(() => table(TABLE.replace(', paragraph: 15 }', ' }')));
    expect(f).toMatchObject({ line: 5, reason: 'rows 第 2 项：缺少 paragraph。' });
    expect(f.file).toMatch(/results\.yaml$/);
  });

  test('a wrong type: the line of the key', () => {
    const f = failure(() => table(TABLE.replace('caption: 第一部分所列指标', 'caption: [第一部分]')));
    expect(f).toMatchObject({ line: 2, reason: 'caption：应为文字，这里是列表。', fix: expect.stringContaining('表注') });
  });

  test('a scope that is not one of three', () => {
    const f = failure(() => table(TABLE.replace('scope: 全市', 'scope: 全县')));
    expect(f).toMatchObject({ line: 4, reason: expect.stringContaining('须为以下之一：全市、市级、未注明') });
  });
});

describe('correspondences', () => {
  const target = (id: string): Target => ({ anchor: `part-${id}`, slug: 'work', label: id, title: id });
  const targets = { paragraphs: new Map(), parts: new Map(['1-1', '3-1', '3-2'].map((id) => [id, target(id)])) } as unknown as Targets;
  const TEXT = '一是创新引领，二是双轮驱动。';
  const FILE = [
    'labels: { plan: 2021年安排, review: 2020年工作, tasks: “十四五”任务 }',
    'review-to-plan:',
    '  "1-1": ["3-1", "3-2"]',
    'tasks:',
    '  paragraph: 26',
    '  items:',
    '    - { n: 1, name: 创新引领, sections: ["1-1", "3-2"] }',
    '    - { n: 2, name: 双轮驱动, sections: ["3-1"] }',
    '',
  ].join('\n');
  const load = (text: string) => loadCorrespondences(targets, (n) => (n === 26 ? TEXT : undefined), file('correspondences.yaml', text));

  test('CRLF reads as LF', () => {
    expect(load(crlf(FILE))).toEqual(load(FILE));
    expect(load(FILE).reviewToPlan).toEqual({ '1-1': ['3-1', '3-2'] });
  });

  test('a missing field: the line of the key its mapping is under', () => {
    const f = failure(() => load(FILE.replace('  paragraph: 26\n', '')));
    expect(f).toMatchObject({ line: 4, reason: 'tasks：缺少 paragraph。', fix: expect.stringContaining('paragraph: 30') });
  });

  test('a wrong type: the line of the key', () => {
    const f = failure(() => load(FILE.replace('  paragraph: 26', '  paragraph: 第26段')));
    expect(f).toMatchObject({ line: 5, reason: 'tasks paragraph：应为数字，这里是文字。' });
  });

  test('checked against the report after the schema: a task the ¶ does not name, at its line', () => {
    const f = failure(() => load(FILE.replace('name: 双轮驱动', 'name: 三轮驱动')));
    expect(f).toMatchObject({ line: 8, reason: '¶26 中没有“二是三轮驱动”。' });
  });

  test('a section the report does not have, at its line', () => {
    const f = failure(() => load(FILE.replace('sections: ["3-1"]', 'sections: ["3-9"]')));
    expect(f).toMatchObject({ line: 8, reason: '“3-9”不是报告中的节。' });
  });
});

describe('the parser itself', () => {
  const schema = z.object({ list: z.array(z.string()), nested: z.object({ n: z.number().int() }) }).strict();

  test('a scalar item of a block list: the line of that item', () => {
    const f = failure(() => parseData('x.yaml', 'list:\n  - a\n  - 2\nnested: { n: 1 }\n', schema));
    expect(f).toMatchObject({ line: 3, reason: 'list 第 2 项：应为文字，这里是数字。' });
  });

  test('broken YAML: the line js-yaml stops at', () => {
    expect(failure(() => parseData('x.yaml', 'list: []\nnested: { n: 1\n', schema)).reason).toMatch(/^不是有效的 YAML/);
  });

  test('a message the schema gives is kept; zod’s own are put in Chinese', () => {
    const named = z.object({ id: z.string({ required_error: 'id 必填：例如 shili-2024。' }), n: z.number() });
    expect(failure(() => parseData('x.yaml', 'n: 1\n', named)).reason).toBe('id 必填：例如 shili-2024。');
    expect(failure(() => parseData('x.yaml', 'id: a\nn: "1"\n', named)).reason).toBe('n：应为数字，这里是文字。');
  });

  test('dates stay text (core schema)', () => {
    expect(parseData('x.yaml', 'd: 2024-01-10\n', z.object({ d: z.string() })).data.d).toBe('2024-01-10');
  });

  test('front matter lines count from the top of the file', () => {
    const f = failure(() => readFrontMatter('e.md', '---\nlist: []\nnested:\n  n: 1.5\n---\n正文\n', schema));
    expect(f).toMatchObject({ line: 4, reason: 'nested n：应为整数，这里是数字。' });
  });
});
