import { describe, expect, test } from 'vitest';
import remarkCrossReferences, { resolveRef } from '../../src/plugins/remark-cross-references.ts';
import { readEdition } from '../../src/edition/load-edition.ts';
import { loadCorrespondences } from '../../src/report/correspondences.ts';
import { numeral } from '../../src/report/numerals.ts';
import { reportTargets } from '../../src/report/targets.ts';
import { processor } from './markdown.ts';

/** The default edition's report and chapter URLs as data for the plugin. */
const edition = readEdition('content');
const sourceParagraphs = () => new Map(edition.source.model.paragraphs.map((p) => [p.n, p.text]));
const targets = reportTargets(edition.source.model, edition.chapters);
const run = (mdx: string) => processor([[remarkCrossReferences, { targets }]]).process(mdx).then(String);

describe('<Ref>', () => {
  test('a paragraph, a section and a part, labelled as readers cite them', async () => {
    const html = await run('见<Ref p={42} />、<Ref part="3-2" />和<Ref part="1" />。');
    expect(html).toContain('<a href="/work-2021/#p-42" title="');
    expect(html).toContain('>¶42</a>');
    expect(html).toContain('<a href="/work-2021/#part-3-2" title="（二）聚焦科创赋能，力促创新驱动发展" class="xref">三（二）</a>');
    expect(html).toContain('<a href="/review-2020/#part-1" title="一、2020年主要工作和“十三五”发展成就" class="xref">第一部分</a>');
  });

  test('an unknown paragraph: the line and the valid range', async () => {
    const error = await run('\n见<Ref p={65} />').catch((e) => e);
    expect(error).toMatchObject({ line: 2, column: 2 });
    expect(error.message).toBe('<Ref p={65} />：没有 ¶65。\n修改方法：段落编号从 ¶1 到 ¶64。');
  });

  test('an unknown section: the nearest valid targets', () => {
    const result = resolveRef(targets, undefined, '3-12');
    expect(result).toEqual({
      error: '<Ref part="3-12" />：没有这一部分或节。',
      fix: expect.stringContaining('"3-9"（三（九））'),
    });
  });

  test('neither p nor part', async () => {
    await expect(run('<Ref />')).rejects.toThrowError(/需要 p=\{段落编号\} 或 part="部分-节"/);
  });

  test('Chinese numerals for labels', () => {
    expect([1, 3, 9, 10, 12, 20, 21, 99].map(numeral)).toEqual(['一', '三', '九', '十', '十二', '二十', '二十一', '九十九']);
  });

  test('every ¶ and section of the report is a target, in the right chapter', () => {
    expect(targets.paragraphs.size).toBe(64);
    expect(targets.paragraphs.get(1)!.slug).toBe('opening');
    expect(targets.paragraphs.get(64)!.slug).toBe('work-2021');
    expect([...targets.parts.keys()].filter((k) => k.includes('-'))).toHaveLength(15);
  });
});

describe('correspondences', () => {
  test('the committed file checks against the report', () => {
    const c = loadCorrespondences(targets, (n) => sourceParagraphs().get(n), edition.paths.correspondences!);
    expect(c.tasks.items).toHaveLength(10);
    expect(Object.keys(c.reviewToPlan)).toEqual(['1-1', '1-2', '1-3', '1-4', '1-5', '1-6']);
  });
});
