/**
 * What this edition promised its readers, checked as facts about this report alone: its
 * source, its 64 paragraphs, its parts and sections, its chapter URLs and its glossary. The
 * engine's own tests run on every edition; these run on this one.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { readEdition } from '../../src/edition/load-edition.ts';
import { loadGlossary } from '../../src/glossary/load-glossary.ts';
import type { Anchor } from '../../src/report/anchor-manifest.ts';

const edition = readEdition('content');
const report = edition.source.model;

describe('the citation contract of the 2021 Cixi report', () => {
  test('the source file is the one received, byte for byte', () => {
    const bytes = readFileSync(edition.source.file);
    expect(bytes.length).toBe(50102);
    expect(bytes.toString('utf8')).toContain('[bookmark: _GoBack]以绣花功夫推进城市更新');
  });

  test('64 paragraphs, ¶1 and ¶64 where the contract says', () => {
    expect(report.paragraphs).toHaveLength(64);
    expect(report.paragraphs[0]!.text.startsWith('现在，我代表慈溪市人民政府')).toBe(true);
    expect(report.paragraphs[63]!.text.startsWith('各位代表！使命催人奋进')).toBe(true);
  });

  test('the manifest holds ¶1–¶64, three parts, fifteen sections', () => {
    const committed: Anchor[] = JSON.parse(readFileSync(edition.paths.anchors, 'utf8'));
    expect(committed.filter((a) => a.id.startsWith('p-'))).toHaveLength(64);
    expect(committed.filter((a) => /^part-\d+$/.test(a.id))).toHaveLength(3);
    expect(committed.filter((a) => /^part-\d+-\d+$/.test(a.id)).map((a) => a.id)).toEqual([
      ...[1, 2, 3, 4, 5, 6].map((i) => `part-1-${i}`),
      ...[1, 2, 3, 4, 5, 6, 7, 8, 9].map((i) => `part-3-${i}`),
    ]);
  });

  test('the chapter URLs never change', () => {
    expect(edition.chapters.map((c) => c.slug)).toEqual(['opening', 'review-2020', 'five-year-plan', 'work-2021']);
  });

  test('the title block gives the reference its facts', () => {
    expect(edition.citation).toEqual({
      author: '慈溪市人民政府',
      title: '政府工作报告',
      subtitle: '2021年2月2日在慈溪市第十七届人民代表大会第五次会议上',
      issued: '2021-02-02',
      short: '慈溪市2021年政府工作报告',
    });
    expect(edition.titleBlock.speaker).toEqual({ role: '市长', name: '盛悠' });
  });
});

test('the glossary passes, with at least 80 entries and the required terms', () => {
  const terms = loadGlossary(edition.paths.glossary!);
  expect(terms.length).toBeGreaterThanOrEqual(80);
  const names = new Set(terms.flatMap((t) => [t.term, ...t.aliases]));
  for (const required of ['六稳六保', '亩均论英雄', '最多跑一次', '两手硬、两战赢', '重要窗口', '专精特新', '小巨人', '单项冠军', '凤凰行动', '雄鹰行动', '三改一拆', '五水共治', '河（湖）长制', '千万工程', '山海协作', '放管服', '证照分离', '一件事', '无废城市', '污水零直排区', '规上工业', '研发投入强度', '高新技术企业', '数字经济核心产业', '城乡居民收入比'])
    expect(names, required).toContain(required);
});
