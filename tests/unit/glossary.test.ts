import { describe, expect, test } from 'vitest';
import { GlossaryError, parseEntry, validateGlossary } from '../../src/glossary/load-glossary.ts';
import { byPinyin, pinyinKey } from '../../src/glossary/sort.ts';

/** An entry file: `front`, then the fields every entry must have (after it, so its lines stay where the tests count them). */
const entry = (id: string, front: string) =>
  parseEntry(`content/glossary/${id}.md`, `---\n${front}\ncategory: 政策提法\nlevel: 未注明\nsummary: 一句话。\n---\n定义。\n`);

describe('glossary checks that span entries', () => {
  test('a related entry that does not exist: file, line, and the nearest ids', () => {
    const entries = [
      entry('liu-wen-liu-bao', 'term: 六稳六保\naliases: [六稳, 六保]\nrelated:\n  - liu-bao-x'),
      entry('liu-bao', 'term: 其他\naliases: []'),
    ];
    expect(() => validateGlossary(entries)).toThrowError(GlossaryError);
    expect(() => validateGlossary(entries)).toThrowErrorMatchingInlineSnapshot(`
      [GlossaryError: content/glossary/liu-wen-liu-bao.md:5: related 中的“liu-bao-x”不是已有条目。
        修改方法：是否指：liu-wen-liu-bao、liu-bao？]
    `);
  });

  test('two entries claiming the same alias: the second file and the line of the alias', () => {
    const entries = [
      entry('liu-wen-liu-bao', 'term: 六稳六保\naliases: [六稳, 六保]'),
      entry('wen-jiu-ye', 'term: 稳就业\naliases:\n  - 就业\n  - 六稳'),
    ];
    expect(() => validateGlossary(entries)).toThrowError(/wen-jiu-ye\.md:5: “六稳”已被条目 liu-wen-liu-bao/);
  });

  test('a term equal to another entry’s alias', () => {
    const entries = [entry('a', 'term: 六稳六保\naliases: [六稳]'), entry('b', 'term: 六稳')];
    expect(() => validateGlossary(entries)).toThrowError(/b\.md:2: “六稳”已被条目 a/);
  });

  test('two headwords that differ only in punctuation share an anchor: the second file, its term line, the fix', () => {
    const entries = [entry('he-hu-zhang-zhi', 'term: 河（湖）长制'), entry('he-zhang-zhi', 'term: 河湖长制')];
    expect(() => validateGlossary(entries)).toThrowErrorMatchingInlineSnapshot(`
      [GlossaryError: content/glossary/he-zhang-zhi.md:2: 词条“河湖长制”在网址中写作 #河湖长制，与 content/glossary/he-hu-zhang-zhi.md 的词条“河（湖）长制”相同。
        修改方法：两个词条不能只差标点：合并为一条，把另一种写法列入 aliases；或改用另一个文件名。]
    `);
  });

  test('a headword written as another entry’s file name', () => {
    const entries = [entry('gdp', 'term: 地区生产总值'), entry('gdp-alias', 'term: gdp')];
    expect(() => validateGlossary(entries)).toThrowError(/gdp-alias\.md:2: 词条“gdp”在网址中写作 #gdp，与 content\/glossary\/gdp\.md 的文件名相同/);
  });

  test('broken YAML names the file', () => {
    expect(() => entry('x', 'term: [六稳')).toThrowError(/content\/glossary\/x\.md:\d+: 不是有效的 YAML/);
  });
});

describe('pinyin order', () => {
  test('terms sort by pinyin, not by code point', () => {
    expect(byPinyin(['最多跑一次', '亩均论英雄', '六稳六保', '单项冠军'], (t) => t)).toEqual(['单项冠军', '六稳六保', '亩均论英雄', '最多跑一次']);
  });
  test('polyphonic characters as the library reads them in context', () => {
    expect(pinyinKey('重要窗口').startsWith('zhong4')).toBe(true);
  });
});
