import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { chineseNumeral, parseReport, ReportParseError, summarize } from '../../src/report/parse-report.ts';

/** The default edition's source, the report the conventions were first read from. */
const SOURCE_FILE = 'content/source/cixi-2021-government-work-report.txt';

const fixture = (name: string) => readFileSync(`tests/fixtures/reports/${name}`, 'utf8');

describe('the Cixi 2021 report', () => {
  const model = parseReport(readFileSync(SOURCE_FILE, 'utf8'));

  test('has 3 parts, 15 sections and 64 paragraphs', () => {
    expect(summarize(model)).toEqual({ parts: 3, sections: 15, paragraphs: 64 });
  });

  test('the title block and the salutation are front matter, not numbered', () => {
    expect(model.titleLines.map((l) => l.text)).toEqual([
      '政 府 工 作 报 告',
      '2021年2月2日在慈溪市',
      '第十七届人民代表大会第五次会议上',
      '市长  盛  悠',
    ]);
    expect(model.salutation).toEqual({ line: 10, text: '各位代表：' });
  });

  test('¶1 and ¶64 are where the contract puts them, numbered continuously', () => {
    expect(model.paragraphs[0]).toMatchObject({ n: 1, line: 11 });
    expect(model.paragraphs[0]!.text.startsWith('现在，我代表慈溪市人民政府')).toBe(true);
    expect(model.paragraphs[63]).toMatchObject({ n: 64, line: 93 });
    expect(model.paragraphs[63]!.text.startsWith('各位代表！使命催人奋进')).toBe(true);
    expect(model.paragraphs.map((p) => p.n)).toEqual(Array.from({ length: 64 }, (_, i) => i + 1));
  });

  test('part 一 has six run-in sections, each opening its paragraph', () => {
    const sections = model.parts[0]!.blocks.flatMap((b) => (b.type === 'section' ? [b.section] : []));
    expect(sections.map((s) => [s.id, s.kind, s.title])).toEqual([
      ['1-1', 'run-in', '（一）抗疫战疫赢得高分报表'],
      ['1-2', 'run-in', '（二）产业升级创出积极成效'],
      ['1-3', 'run-in', '（三）发展活力得到培育增强'],
      ['1-4', 'run-in', '（四）城乡生活提升人居品位'],
      ['1-5', 'run-in', '（五）民生事业实现新的进步'],
      ['1-6', 'run-in', '（六）治政优政展现更好效能'],
    ]);
    expect(sections[0]!.paragraphs[0]!.runIn).toBe('（一）抗疫战疫赢得高分报表。');
    // 各位代表！ closes the section: the next paragraph belongs to the part.
    expect(sections[5]!.paragraphs).toHaveLength(1);
  });

  test('part 三 has nine standalone sections whose paragraphs open with a topic sentence', () => {
    const sections = model.parts[2]!.blocks.flatMap((b) => (b.type === 'section' ? [b.section] : []));
    expect(sections).toHaveLength(9);
    expect(sections.every((s) => s.kind === 'standalone')).toBe(true);
    expect(sections[0]!.title).toBe('（一）聚焦抢抓机遇，力促区位提级扩能');
    expect(sections[0]!.paragraphs.map((p) => p.runIn)).toEqual(['提升内外交通能级。', '提升平台开发能级。', '提升接轨上海能级。']);
    const all = sections.flatMap((s) => s.paragraphs);
    expect(all.every((p) => p.runIn && p.text.startsWith(p.runIn))).toBe(true);
    expect(all.find((p) => p.line === 85)!.runIn).toBe('筑牢安全生产“防线”。');
  });

  test('the closing paragraph ends part 三 outside its sections', () => {
    const last = model.parts[2]!.blocks.at(-1)!;
    expect(last.type).toBe('paragraph');
    expect(last.type === 'paragraph' && last.paragraph.n).toBe(64);
  });

  test('the Word bookmark is removed and recorded, nothing else', () => {
    expect(model.emendations).toEqual([
      expect.objectContaining({ line: 66, removed: '[bookmark: _GoBack]', context: '以绣花功夫推进城市更新。' }),
    ]);
    const p = model.paragraphs.find((x) => x.line === 66)!;
    expect(p.text.startsWith('以绣花功夫推进城市更新。')).toBe(true);
    expect(p.runIn).toBe('以绣花功夫推进城市更新。');
  });
});

describe('a report that uses the conventions differently', () => {
  const model = parseReport(fixture('four-parts.txt'));

  test('four parts, run-in and standalone sections mixed', () => {
    expect(summarize(model)).toEqual({ parts: 4, sections: 5, paragraphs: 13 });
    const kinds = model.parts.map((part) =>
      part.blocks.flatMap((b) => (b.type === 'section' ? [`${b.section.id}:${b.section.kind}`] : [])),
    );
    expect(kinds).toEqual([['1-1:run-in', '1-2:run-in'], ['2-1:standalone', '2-2:standalone'], ['3-1:run-in'], []]);
  });

  test('a standalone section holds its paragraphs; ——bullets stay in their part', () => {
    const part2 = model.parts[1]!.blocks;
    expect(part2[0]!.type === 'section' && part2[0]!.section.paragraphs.map((p) => p.runIn)).toEqual([
      '推进重点工程。',
      '优化营商环境。',
    ]);
    const part3 = model.parts[2]!.blocks;
    expect(part3.slice(0, 2).map((b) => b.type)).toEqual(['paragraph', 'paragraph']);
  });

  test('the closing address after the last part is its last paragraph', () => {
    expect(model.paragraphs.at(-1)!.text).toBe('各位代表！让我们团结一心，再创佳绩！');
    expect(model.parts[3]!.blocks.at(-1)).toMatchObject({ type: 'paragraph', paragraph: { n: 13 } });
  });
});

describe('text it cannot place stops it with the line and why', () => {
  test('a section heading before any part', () => {
    expect(() => parseReport(fixture('section-before-part.txt'))).toThrowError(ReportParseError);
    try {
      parseReport(fixture('section-before-part.txt'));
    } catch (error) {
      expect((error as ReportParseError).line).toBe(5);
      expect((error as Error).message).toMatchInlineSnapshot(`
        "第 5 行 (line 5): 节标题“（一）这一节没有部分可以归属”出现在第一个部分标题之前，无法归属。
          在它之前加上部分标题（如“一、……”），或把它改写为普通段落。"
      `);
    }
  });

  test('parts out of order', () => {
    expect(() => parseReport('标题\n各位代表：\n一、甲\n正文。\n三、丙\n正文。')).toThrowError(/第 5 行.*应为2/s);
  });

  test('sections out of order within a part', () => {
    expect(() => parseReport('标题\n各位代表：\n一、甲\n（一）节一\n正文。\n（三）节三\n')).toThrowError(/第 6 行.*应为2/s);
  });

  test('no salutation', () => {
    expect(() => parseReport('标题\n正文一。\n')).toThrowError(/各位代表：/);
  });

  test('a part heading before the salutation', () => {
    expect(() => parseReport('标题\n一、甲\n各位代表：\n')).toThrowError(/第 2 行/);
  });
});

test('Chinese numerals of parts and sections', () => {
  expect(['一', '九', '十', '十一', '二十', '二十三'].map(chineseNumeral)).toEqual([1, 9, 10, 11, 20, 23]);
});
