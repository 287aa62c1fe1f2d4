import rehypeStringify from 'rehype-stringify';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { describe, expect, test } from 'vitest';
import { quoteAt } from '../../src/annotate/anchoring.ts';
import {
  distinctQuote,
  markdownText,
  merge,
  parseImport,
  toCodePoints,
  toCollection,
  toMarkdown,
  toUtf16,
  utcDateTime,
  type Annotation,
  type ParagraphTexts,
} from '../../src/annotate/web-annotation.ts';
import { clientEdition } from '../../src/edition/client.ts';
import { readEdition } from '../../src/edition/load-edition.ts';
import { sample } from '../fixtures/annotations.ts';

const edition = clientEdition(readEdition('content'));
const UUID = /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;
/** CommonMark, as a renderer shows it. */
const render = (md: string) => String(unified().use(remarkParse).use(remarkRehype).use(rehypeStringify).processSync(md));

type Selector = { type: string; exact?: string; prefix?: string; suffix?: string; start?: number; end?: number; value?: string; refinedBy?: Selector[] };
const selectors = (item: { target: { selector: unknown } }) => item.target.selector as Selector[];
/** Where a W3C TextQuoteSelector matches in a text: every start of exact with prefix right before and suffix right after. */
const matches = (text: string, q: Selector) => {
  const out: number[] = [];
  for (let at = text.indexOf(q.exact!); at !== -1; at = text.indexOf(q.exact!, at + 1))
    if (text.slice(0, at).endsWith(q.prefix ?? '') && text.startsWith(q.suffix ?? '', at + q.exact!.length)) out.push(at);
  return out;
};

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
    expect(item.target.selector).toMatchObject([
      { type: 'TextQuoteSelector', exact: '增存挂钩', prefix: '落实建设用地“', suffix: '”机制' },
      {
        type: 'FragmentSelector',
        value: 'p-48',
        refinedBy: [
          { type: 'TextQuoteSelector', exact: '增存挂钩', prefix: '落实建设用地“', suffix: '”机制' },
          { type: 'TextPositionSelector', start: 40, end: 44 },
        ],
      },
    ]);
  });

  test('the W3C model’s MUSTs: IRIs for the collection, its page and each annotation; first, last, partOf; type, target', () => {
    expect(collection.id).toMatch(UUID);
    expect(collection.first.id).toMatch(UUID);
    expect(collection.first.id).not.toBe(collection.id);
    expect(collection.first).toMatchObject({ type: 'AnnotationPage', partOf: collection.id, startIndex: 0 });
    expect(collection.last).toBe(collection.first.id);
    expect(collection.total).toBe(collection.first.items.length);
    for (const i of collection.first.items) {
      expect(i.id).toMatch(UUID);
      expect(i.type).toBe('Annotation');
      expect(i.target.source).toMatch(/^https?:\/\//);
    }
    // New IRIs for every export: two files are two collections.
    const again = toCollection([a], source, edition);
    expect(again.id).not.toBe(collection.id);
    expect(again.first.id).not.toBe(collection.first.id);
  });

  test('created and modified are xsd:dateTime in UTC, ending in Z', () => {
    const local = { ...a, created: '2026-11-29T16:00:00+08:00', modified: '2026-11-29T17:30:00.5+08:00' };
    const [i] = toCollection([local], source, edition).first.items;
    expect(i!.created).toBe('2026-11-29T08:00:00.000Z');
    expect(i!.modified).toBe('2026-11-29T09:30:00.500Z');
    expect(item.created).toMatch(UTC);
    expect(item.modified).toMatch(UTC);
  });

  test('the positions say what they count', () => {
    const position = selectors(item)[1]!.refinedBy![1] as Selector & { comment: string };
    expect(position.comment).toContain('Unicode 码位');
    expect(position.comment).toContain('#p-48');
    expect(position.comment).toContain('data-edition-ui');
    expect(collection['@context'][1]).toMatchObject({ comment: 'http://www.w3.org/2000/01/rdf-schema#comment' });
  });

  test('a highlight without a note is highlighting', () => {
    expect(toCollection([{ ...a, note: '' }], source, edition).first.items[0]!.motivation).toBe('highlighting');
  });

  test('Markdown: by paragraph, quote, note as text, date, link', () => {
    const md = toMarkdown([a], () => 'http://x/#p-48', edition);
    expect(md).toContain('## 第48段');
    expect(md).toContain('> 增存挂钩');
    expect(md).toContain('绿色 · 2026-11-29 · http://x/#p-48');
    // A renderer shows the note's markup as the characters typed, never as elements.
    const html = render(md);
    expect(html).not.toContain('<script>');
    expect(html).toContain('&#x3C;script>alert(1)&#x3C;/script> 与 ¶6 对照');
  });

  test('Markdown: a note shows as typed: markup as text, numbered and marked lines not as lists, line breaks kept', () => {
    const note = '<b>要点</b> & *不是强调* [不是链接](x)\n1. 第一条\n2) 第二条\n# 不是标题\n- 不是列表\n> 不是引用\n---\n\n另起一段 `代码` ~~删~~';
    const md = toMarkdown([{ ...a, note }], () => 'http://x/', edition);
    expect(md).toContain('1\\. 第一条');
    const html = render(md);
    for (const tag of ['<b>', '<em>', '<a ', '<ol', '<ul', '<blockquote>\n<p>不是', '<hr', '<code>', '<del>']) expect(html, tag).not.toContain(tag);
    // The file's own title is the only heading of its level.
    expect(html.match(/<h1/g)).toHaveLength(1);
    const text = html.replace(/<br>\n?/g, '⏎').replace(/<[^>]+>/g, '').replace(/&#x3C;/g, '<').replace(/&#x26;|&amp;/g, '&');
    expect(text).toContain('<b>要点</b> & *不是强调* [不是链接](x)⏎1. 第一条⏎2) 第二条⏎# 不是标题⏎- 不是列表⏎> 不是引用⏎---');
    expect(text).toContain('另起一段 `代码` ~~删~~');
    expect(html.match(/<br>/g)).toHaveLength(6);
  });

  test('Markdown escaping leaves plain report text alone', () => {
    expect(markdownText('深化“亩均论英雄”改革，盘活存量建设用地5000亩以上。')).toBe('深化“亩均论英雄”改革，盘活存量建设用地5000亩以上。');
    expect(markdownText('2021. 年')).toBe('2021\\. 年');
  });
});

describe('positions in Unicode code points', () => {
  // Characters outside the Basic Multilingual Plane (CJK Extension B) take two UTF-16 units.
  const text = '𠀀𠀁甲乙丙𠀂丁，丙𠀂又见';
  const start = text.indexOf('丙𠀂');
  const position = { start, end: start + '丙𠀂'.length };
  const astral: Annotation = { ...sample, paragraph: 3, quote: quoteAt(text, position), position };
  const paragraphs: ParagraphTexts = new Map([[3, { text, chapter: 'opening' }]]);

  test('offsets convert both ways, and past the text one for one', () => {
    expect(start).toBe(6);
    expect(toCodePoints(text, start)).toBe(4);
    expect(toUtf16(text, 4)).toBe(start);
    for (let cp = 0; cp <= Array.from(text).length + 2; cp++) expect(toCodePoints(text, toUtf16(text, cp))).toBe(cp);
    expect(toCodePoints('', 40)).toBe(40);
    expect(toUtf16('', 40)).toBe(40);
  });

  test('export counts code points: the position selects the quote in the text taken as code points', () => {
    const [item] = toCollection([astral], source, edition, { paragraphs }).first.items;
    const pos = selectors(item!)[1]!.refinedBy![1]!;
    expect(pos).toMatchObject({ start: 4, end: 6 });
    expect(Array.from(text).slice(pos.start, pos.end).join('')).toBe('丙𠀂');
    // In UTF-16 units the same words are at 6–9.
    expect(position).toEqual({ start: 6, end: 9 });
  });

  test('import converts them back to the UTF-16 offsets the anchoring uses', () => {
    const file = JSON.stringify(toCollection([astral], source, edition, { paragraphs }));
    const result = parseImport(file, edition, (n) => paragraphs.get(n)?.text);
    expect(result).toEqual({ annotations: [astral] });
    const [back] = (result as { annotations: Annotation[] }).annotations;
    expect(text.slice(back!.position.start, back!.position.end)).toBe('丙𠀂');
  });
});

describe('the top-level TextQuoteSelector alone finds the words', () => {
  const text48 = '促进资源优化配置。深化“亩均论英雄”改革，出台制造业高质量发展用地管理政策，落实建设用地“增存挂钩”机制，盘活存量建设用地5000亩以上。';
  const twice = '建设用地';
  const second = text48.indexOf(twice, text48.indexOf(twice) + 1);
  const other = '另一段也盘活存量建设用地。';
  const paragraphs: ParagraphTexts = new Map([
    [48, { text: text48, chapter: 'work-2021' }],
    [49, { text: other, chapter: 'work-2021' }],
    [2, { text: '盘活存量建设用地', chapter: 'opening' }],
  ]);
  const at = (start: number, quote: string) => ({ start, end: start + quote.length });
  const annotationOf = (start: number, quote: string): Annotation => ({ ...sample, quote: quoteAt(text48, at(start, quote)), position: at(start, quote) });

  test('a quote that occurs twice in its paragraph (and once more in its chapter) matches only its own place', () => {
    const [item] = toCollection([annotationOf(second, twice)], source, edition, { paragraphs }).first.items;
    const quote = selectors(item!)[0]!;
    expect(quote.type).toBe('TextQuoteSelector');
    expect(quote.exact).toBe(twice);
    expect(matches(text48, quote)).toEqual([second]);
    expect(matches(other, quote)).toEqual([]);
    // Just enough context: shorter on both sides would match elsewhere too.
    expect(Array.from(quote.prefix!).length).toBeGreaterThan(0);
    expect(quote.prefix!.length + quote.suffix!.length).toBeLessThan(30);
  });

  test('a quote found once on its page needs no context; another chapter’s paragraphs do not count', () => {
    const quote = distinctQuote(text48, at(text48.indexOf('增存挂钩'), '增存挂钩'), [text48, other]);
    expect(quote).toEqual({ type: 'TextQuoteSelector', exact: '增存挂钩', prefix: '', suffix: '' });
  });

  test('context grows by whole characters, never splitting a surrogate pair', () => {
    const text = '𠀂甲𠀂甲';
    const quote = distinctQuote(text, { start: 5, end: 6 }, [text]);
    expect(quote).toEqual({ type: 'TextQuoteSelector', exact: '甲', prefix: '甲𠀂', suffix: '' });
    expect(matches(text, quote)).toEqual([5]);
  });

  test('an annotation whose words are gone keeps its own quote', () => {
    const lost: Annotation = { ...sample, quote: { exact: '不在原文中', prefix: '', suffix: '' } };
    const [item] = toCollection([lost], source, edition, { paragraphs }).first.items;
    expect(selectors(item!)[0]).toEqual({ type: 'TextQuoteSelector', exact: '不在原文中', prefix: '', suffix: '' });
  });
});

describe('import', () => {
  test('round trip: what is exported is imported unchanged, markup in a note kept as text', () => {
    const result = parseImport(JSON.stringify(toCollection([a], source, edition)), edition);
    expect(result).toEqual({ annotations: [a] });
  });

  /** One exported item, its JSON changed by `change`. */
  const itemWith = (change: (item: Record<string, unknown>) => void) => {
    const item = JSON.parse(JSON.stringify(toCollection([a], source, edition).first.items[0])) as Record<string, unknown>;
    change(item);
    return JSON.stringify([item]);
  };

  test('files exported before (the FragmentSelector alone, not in an array) are still read', () => {
    const legacy = itemWith((item) => {
      item.target = { source: source(), selector: (item.target as { selector: unknown[] }).selector[1] };
    });
    expect(parseImport(legacy, edition)).toEqual({ annotations: [a] });
  });

  test('a generic client’s annotation: the paragraph and a top-level TextQuoteSelector, no position', () => {
    const generic = itemWith((item) => {
      item.target = { source: source(), selector: [{ type: 'TextQuoteSelector', exact: '增存挂钩' }, { type: 'FragmentSelector', value: 'p-48' }] };
    });
    expect(parseImport(generic, edition)).toMatchObject({ annotations: [{ paragraph: 48, quote: { exact: '增存挂钩', prefix: '', suffix: '' }, position: { start: 0, end: 4 } }] });
  });

  test.each([
    ['2026-11-29T16:00:00+08:00', '2026-11-29T08:00:00.000Z'],
    ['2026-11-29T08:00:00Z', '2026-11-29T08:00:00.000Z'],
    ['2026-11-29T08:00:00.123456Z', '2026-11-29T08:00:00.123Z'],
    ['2026-11-29T08:00:00', '2026-11-29T08:00:00.000Z'],
    ['2026-11-29', '2026-11-29T00:00:00.000Z'],
  ])('a date %s is taken as %s (UTC)', (given, taken) => {
    const result = parseImport(itemWith((item) => Object.assign(item, { created: given, modified: given })), edition);
    expect(result).toMatchObject({ annotations: [{ created: taken, modified: taken }] });
    expect(utcDateTime(given)).toBe(taken);
  });

  test.each(['yesterday', '2026-02-30T08:00:00Z', '2026-11-29 08:00', 'Sun, 29 Nov 2026 08:00:00 GMT', '12345'])('an unreadable date (%s) refuses the file, saying which and how it should look', (bad) => {
    const result = parseImport(itemWith((item) => (item.modified = bad)), edition);
    expect('error' in result && result.error).toContain('第 1 条批注无法读取：modified 不是有效的日期时间');
    expect('error' in result && result.error).toContain('xsd:dateTime');
  });

  test('no dates at all (the model allows that): as new as the import', () => {
    const before = Date.now();
    const result = parseImport(itemWith((item) => { delete item.created; delete item.modified; }), edition) as { annotations: Annotation[] };
    expect(Date.parse(result.annotations[0]!.created)).toBeGreaterThanOrEqual(before);
    expect(result.annotations[0]!.modified).toBe(result.annotations[0]!.created);
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
