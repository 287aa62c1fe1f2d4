import { describe, expect, test } from 'vitest';
import rehypeKatex from 'rehype-katex';
import rehypeStringify from 'rehype-stringify';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import remarkEditorialNotes, { noteContent } from '../../src/plugins/remark-editorial-notes.ts';
import remarkReportStructure from '../../src/plugins/remark-report-structure.ts';

const dataChecks = [{ id: 'x', paragraph: 1, quotes: [], note: '见 ¶2：$(1+8.8\\%)^5 \\approx 1.52$。', checks: [] }];
const source = new Map([[1, '开门红”,以优异的成绩。']]);

function run(mdx: string) {
  return unified()
    .use(remarkParse)
    .use(remarkMdx)
    .use(remarkReportStructure, { source })
    .use(remarkEditorialNotes, { dataChecks })
    .use(remarkRehype)
    .use(rehypeKatex, { output: 'htmlAndMathml' })
    .use(rehypeStringify)
    .process(mdx);
}

describe('editorial notes', () => {
  test('a note in a paragraph: marker in place, note after the paragraph, not report text', async () => {
    const file = await run('<P n={1}>开门红”,<Note>原文如此。</Note>以优异的成绩。</P>');
    const html = String(file);
    expect(html).toContain('开门红”,<sup class="note-ref" data-edition-ui=""><a href="#note-1" id="note-ref-1" aria-label="注1（编者注）">注1</a></sup>以优异的成绩。</p>');
    expect(html).toMatch(/<\/p>\n?<div class="note" role="note" id="note-1" data-edition-ui="" data-pagefind-ignore="all" aria-label="编者注1">/);
    // Once: screen and print read the same note (src/reader/print.css).
    expect(html.split('原文如此。').length - 1).toBe(1);
  });

  test('a data check: its text, formulas by KaTeX (HTML and MathML), ¶ links', async () => {
    const file = await run('<P n={1}>开门红”,以优异的成绩<DataCheck id="x" />。</P>');
    const html = String(file);
    expect(html).toContain('数据核对 1');
    expect(html).toContain('class="katex"');
    expect(html).toContain('<math');
    expect(html).toContain('<a href="#p-2">¶2</a>');
    expect((file.data as { astro: { frontmatter: { hasMath: boolean } } }).astro.frontmatter.hasMath).toBe(true);
  });

  test('an unknown data check stops the build with the ids that exist', async () => {
    await expect(run('<P n={1}>开门红”,以优异的成绩<DataCheck id="y" />。</P>')).rejects.toThrowError(/<DataCheck id="y" \/> 不存在。[\s\S]*现有的 id：x/);
  });

  test('note text: math between dollars, ¶N as links', () => {
    expect(noteContent('a $x$ ¶3 b', (n) => `#p-${n}`).map((n) => n.type)).toEqual(['text', 'inlineMath', 'text', 'link', 'text']);
  });
});
