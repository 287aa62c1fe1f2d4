import { describe, expect, test } from 'vitest';
import { merge, parseImport, toCollection, toMarkdown, type Annotation } from '../../src/annotate/web-annotation.ts';
import { clientEdition } from '../../src/edition/client.ts';
import { readEdition } from '../../src/edition/load-edition.ts';
import { sample } from '../fixtures/annotations.ts';

const edition = clientEdition(readEdition('content'));

const a: Annotation = { ...sample, note: '<script>alert(1)</script> 与 ¶6 对照', modified: '2026-11-29T09:00:00.000Z' };
const source = () => 'http://intranet.test/work-2021/';

describe('export', () => {
  const collection = toCollection([a], source, edition);
  const item = collection.first.items[0]!;

  test('a W3C Web Annotation collection', () => {
    expect(collection['@context'][0]).toBe('http://www.w3.org/ns/anno.jsonld');
    expect(collection.edition).toBe('cixi-2021');
    expect(collection.type).toBe('AnnotationCollection');
    expect(item.motivation).toBe('commenting');
    expect(item.body[0]).toEqual({ type: 'TextualBody', purpose: 'commenting', value: a.note, format: 'text/plain', language: 'zh-CN' });
    expect(item.target.selector).toMatchObject({
      type: 'FragmentSelector',
      value: 'p-48',
      refinedBy: [
        { type: 'TextQuoteSelector', exact: '增存挂钩', prefix: '落实建设用地“', suffix: '”机制' },
        { type: 'TextPositionSelector', start: 40, end: 44 },
      ],
    });
  });

  test('a highlight without a note is highlighting', () => {
    expect(toCollection([{ ...a, note: '' }], source, edition).first.items[0]!.motivation).toBe('highlighting');
  });

  test('Markdown: by paragraph, quote, note as text, date, link', () => {
    const md = toMarkdown([a], () => 'http://x/#p-48', edition);
    expect(md).toContain('## 第48段');
    expect(md).toContain('> 增存挂钩');
    expect(md).toContain('<script>alert(1)</script> 与 ¶6 对照');
    expect(md).toContain('绿色 · 2026-11-29 · http://x/#p-48');
  });
});

describe('import', () => {
  test('round trip: what is exported is imported unchanged, markup in a note kept as text', () => {
    const result = parseImport(JSON.stringify(toCollection([a], source, edition)), edition);
    expect(result).toEqual({ annotations: [a] });
  });

  test.each([
    ['not JSON', 'this is not json {', '不是有效的 JSON'],
    ['JSON of the wrong shape', '{"hello": "world"}', '不是 W3C Web Annotation'],
    ['an item with a bad id', JSON.stringify([{ ...toCollection([a], source, edition).first.items[0], id: 'x' }]), '第 1 条批注无法读取：id 不是 urn:uuid 格式'],
    ['a paragraph the report does not have', JSON.stringify(toCollection([{ ...a, paragraph: 99 }], source, edition)), '段落 p-99 不在本报告中'],
    ['a huge file', 'x'.repeat(1024 * 1024 + 1), '文件过大'],
    ['an unknown colour', JSON.stringify(toCollection([{ ...a, color: 'red' as never }], source, edition)), '颜色 red 无效'],
  ])('%s is refused with a clear message', (_what, text, message) => {
    const result = parseImport(text, edition);
    expect('error' in result && result.error).toContain(message);
  });

  describe('a file of another edition', () => {
    const other = { ...edition, id: 'sample-2024', paragraphs: 44, citation: { ...edition.citation, short: '示例县2024年政府工作报告' } };
    const theirs = JSON.stringify(toCollection([{ ...a, paragraph: 12 }], source, other));

    test('is refused whole, naming both editions', () => {
      const result = parseImport(theirs, edition);
      expect('error' in result && result.error).toContain('“示例县2024年政府工作报告”（sample-2024）的批注文件，不是本版“慈溪市2021年政府工作报告”（cixi-2021）的');
      expect('error' in result && result.error).toContain('未导入任何内容');
    });

    test('an older export, which names its report only in the label, is refused too', () => {
      const legacy = JSON.parse(theirs) as Record<string, unknown>;
      delete legacy.edition;
      const result = parseImport(JSON.stringify(legacy), edition);
      expect('error' in result && result.error).toContain('“示例县2024年政府工作报告”的批注文件');
    });

    test('a paragraph past this edition’s last is refused, by this edition’s count', () => {
      const result = parseImport(JSON.stringify(toCollection([{ ...a, paragraph: 45 }], source, edition)), other);
      expect('error' in result && result.error).toContain('不是本版');
      const bare = JSON.stringify(toCollection([{ ...a, paragraph: 45 }], source, other).first.items);
      expect('error' in parseImport(bare, other) && parseImport(bare, other)).toMatchObject({ error: expect.stringContaining('段落 p-45 不在本报告中') });
    });
  });

  test('merge by id: new ones added, a later edit wins, an older one does not', () => {
    const older = { ...a, note: '旧', modified: '2026-01-01T00:00:00.000Z' };
    const other = { ...a, id: 'urn:uuid:00000000-0000-4000-8000-000000000000' };
    expect(merge([a], [older, other])).toEqual({ annotations: [a, other], added: 1, updated: 0 });
    const newer = { ...a, note: '新', modified: '2027-01-01T00:00:00.000Z' };
    expect(merge([a], [newer])).toMatchObject({ annotations: [newer], updated: 1 });
  });
});
