import { readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import remarkReportStructure from '../../src/plugins/remark-report-structure.ts';
import { processor } from './markdown.ts';

const FIXTURES = 'tests/fixtures/remark-report-structure';
const source = new Map([
  [1, '过去一年，全县经济稳中有进。'],
  [2, '（一）产业发展迈出新步伐。工业增加值增长6%。'],
  [3, '推进重点工程。全年实施项目50个。'],
  [4, '各位代表！成绩来之不易。'],
]);

const run = (mdx: string, options = {}) => processor([[remarkReportStructure, options]]).process(mdx);

describe('fixtures: input.mdx → output.html', () => {
  for (const name of readdirSync(FIXTURES)) {
    test(name, async () => {
      const file = await run(readFileSync(join(FIXTURES, name, 'input.mdx'), 'utf8'));
      const expected = join(FIXTURES, name, 'output.html');
      // The expected output is committed beside its input; a missing one fails (never written here,
      // where it would pass on its first run whatever the plugin made). UPDATE_FIXTURES=1 writes
      // it, for a person to review and commit.
      if (process.env.UPDATE_FIXTURES === '1') writeFileSync(expected, String(file));
      expect(existsSync(expected), `${expected} is missing: write it with UPDATE_FIXTURES=1, review it and commit it`).toBe(true);
      expect(String(file)).toBe(readFileSync(expected, 'utf8'));
    });
  }
});

describe('what it records for outlines', () => {
  test('paragraphs, sections and parts', async () => {
    const file = await run(readFileSync(join(FIXTURES, 'part-with-sections/input.mdx'), 'utf8'), { source });
    expect((file.data as { astro: { frontmatter: unknown } }).astro.frontmatter).toEqual({
      structure: {
        paragraphs: [1, 2, 3, 4],
        sections: [
          { id: 'part-1-1', title: '（一）产业发展迈出新步伐', paragraphs: [2] },
          { id: 'part-1-2', title: '（二）抓好项目建设', paragraphs: [3] },
        ],
        parts: [{ n: 1, title: '一、过去一年工作回顾' }],
      },
    });
  });
});

describe('content errors stop the build with the line and the fix', () => {
  const message = async (mdx: string, options = {}) => {
    try {
      await run(mdx, options);
    } catch (error) {
      return String(error);
    }
    return 'no error';
  };

  test('a paragraph that drifted from the source', async () => {
    expect(await message('\n\n<P n={1}>过去一年，全县经济稳步前进。</P>\n', { source })).toMatchInlineSnapshot(`
      "3:1-3:28: ¶1 与原文不一致：从第 11 个字符起不同：原文为“一年，全县经济稳中有进。”，此处为“一年，全县经济稳步前进。”。
      修改方法：原文神圣不可改动：恢复原文（或用 npm run import 重新生成该章），编者的话请写成编者注。"
    `);
  });

  test('a gap in the numbering', async () => {
    expect(await message('<P n={1}>过去一年，全县经济稳中有进。</P>\n\n<P n={3}>推进重点工程。全年实施项目50个。</P>\n', { source })).toMatch(
      /^3:1-3:.*段落编号不连续：¶1 之后是 ¶3。[\s\S]*这里应为 ¶2。/,
    );
  });

  test('a paragraph the source does not have', async () => {
    expect(await message('<P n={9}>多出来的一段。</P>', { source })).toMatch(/原文没有 ¶9。/);
  });

  test('a paragraph without a number', async () => {
    expect(await message('<P>无编号。</P>')).toMatch(/<P> 缺少有效的段落编号 n。[\s\S]*<P n=\{12\}>/);
  });

  test('an unknown element', async () => {
    expect(await message('<Footnote>注</Footnote>')).toMatch(/未知的元素 <Footnote>/);
  });

  test('a section with a bad id or nested in another', async () => {
    expect(await message('<Section id="x" title="t">\n\n<P n={1}>a</P>\n\n</Section>')).toMatch(/id “x” 无效/);
    expect(
      await message('<Section id="1-1" title="a">\n\n<Section id="1-2" title="b">\n\n<P n={1}>a</P>\n\n</Section>\n\n</Section>'),
    ).toMatch(/嵌套在另一节之内/);
  });
});
