import { describe, expect, test } from 'vitest';
import remarkGlossaryTerms from '../../src/plugins/remark-glossary-terms.ts';
import remarkReportStructure from '../../src/plugins/remark-report-structure.ts';
import { processor } from './markdown.ts';

const terms = [
  { id: 'liu-wen-liu-bao', term: '六稳六保', aliases: ['六稳', '六保'] },
  { id: 'liu-wen', term: '稳就业', aliases: [] },
  { id: 'mu-jun-lun-ying-xiong', term: '亩均论英雄', aliases: [] },
  { id: 'mu-jun-shui-shou', term: '亩均税收', aliases: [] },
  { id: '155', term: '155', aliases: [] },
  { id: 'san-zheng-san-pin', term: '三争三拼、六大赶超', aliases: [] },
];

async function html(mdx: string) {
  const file = await processor([remarkReportStructure, [remarkGlossaryTerms, { terms }]]).process(mdx);
  return { html: String(file), occurrences: (file.data as { astro: { frontmatter: { glossary: Record<string, number[]> } } }).astro.frontmatter.glossary };
}

/** A term link: to the entry's headword where it can be an id (src/glossary/anchor.ts), else to its id. */
const link = (anchor: string, text: string) => `<a href="/glossary/#${anchor}" class="term">${text}</a>`;

describe('remark-glossary-terms', () => {
  test('the longest term wins where terms overlap', async () => {
    const { html: out } = await html('<P n={1}>扎实做好六稳六保工作。</P>');
    expect(out).toContain(link('六稳六保', '六稳六保'));
    expect(out).not.toContain('>六稳</a>');
  });

  test('an alias links to its entry; the first occurrence per entry per paragraph', async () => {
    const { html: out, occurrences } = await html('<P n={1}>做好“六稳”工作、落实“六保”任务，六稳再提。</P>\n\n<P n={2}>六保。</P>');
    expect(out.match(/href="\/glossary\/#六稳六保"/g)).toHaveLength(2);
    expect(out).toContain(`“${link('六稳六保', '六稳')}”工作、落实“六保”`);
    expect(occurrences).toEqual({ 'liu-wen-liu-bao': [1, 2] });
  });

  test('distinct terms next to each other are both marked', async () => {
    const { html: out } = await html('<P n={1}>深化亩均论英雄改革，提高亩均税收。</P>');
    expect(out).toContain(link('亩均论英雄', '亩均论英雄'));
    expect(out).toContain(link('亩均税收', '亩均税收'));
  });

  test('the headword is written as it is, not percent-encoded, and without its punctuation', async () => {
    const { html: out, occurrences } = await html('<P n={1}>深入开展“三争三拼、六大赶超”行动，深化亩均论英雄改革。</P>');
    expect(out).toContain('href="/glossary/#亩均论英雄"');
    expect(out).not.toContain('%E4');
    expect(out).toContain(link('三争三拼六大赶超', '三争三拼、六大赶超'));
    expect(occurrences).toEqual({ 'san-zheng-san-pin': [1], 'mu-jun-lun-ying-xiong': [1] });
  });

  test('the paragraph text does not change', async () => {
    const source = new Map([[1, '扎实做好“六稳”工作，深化“亩均论英雄”改革。']]);
    const file = await processor([
      [remarkReportStructure, { source }],
      [remarkGlossaryTerms, { terms }],
    ]).process('<P n={1}>扎实做好“六稳”工作，深化“亩均论英雄”改革。</P>');
    const text = String(file).replace(/<a class="pnum"[^>]*>[^<]*<\/a>/, '').replace(/<[^>]+>/g, '').trim();
    expect(text).toBe(source.get(1));
  });

  test('headings and the ¶ number are never marked', async () => {
    const { html: out } = await html('<Part n={1}>\n\n# 一、六稳六保\n\n<P n={1}>正文。</P>\n\n</Part>');
    expect(out).toContain('<h1 id="part-1-h">一、六稳六保</h1>');
    expect(out).not.toContain('class="term"');
  });

  test('a term of digits only is marked inside quotation marks, never inside a number', async () => {
    const { html: out } = await html('<P n={1}>启动实施“155”行动计划，投资1550万元。</P>');
    expect(out).toContain(`“${link('155', '155')}”行动计划`);
    expect(out).toContain('投资1550万元');
    expect(out.match(/class="term"/g)).toHaveLength(1);
  });

  test('text outside report paragraphs is left alone', async () => {
    const { html: out } = await html('六稳六保\n\n<Salutation>六稳六保</Salutation>');
    expect(out).not.toContain('class="term"');
  });
});
