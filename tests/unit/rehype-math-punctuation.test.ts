import rehypeKatex from 'rehype-katex';
import rehypeStringify from 'rehype-stringify';
import remarkMath from 'remark-math';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { describe, expect, test } from 'vitest';
import rehypeMathPunctuation from '../../src/plugins/rehype-math-punctuation.ts';

const render = async (markdown: string) =>
  String(
    await unified()
      .use(remarkParse)
      .use(remarkMath)
      .use(remarkRehype)
      .use(rehypeKatex, { output: 'mathml' })
      .use(rehypeMathPunctuation)
      .use(rehypeStringify)
      .process(markdown),
  );

/** The text of the output with each formula as `F`, and the wrapper as `[…]`. */
const shape = (html: string) =>
  html
    .replace(/<span class="katex">.*?<\/math><\/span>/gs, 'F')
    .replace(/<span class="math-nowrap">/g, '[')
    .replace(/<\/span>/g, ']')
    .replace(/<\/?p>/g, '');

describe('rehype-math-punctuation', () => {
  test('a closing mark after a formula stays on its line', async () => {
    expect(shape(await render('市级 $(1+8.8\\%)^5 \\approx 1.52$，约为1.5倍。'))).toBe('市级 [F，]约为1.5倍。');
  });

  test('an opening mark before a formula, and marks on both sides', async () => {
    expect(shape(await render('即（$a+b$）与“$c$”。'))).toBe('即[（F）]与[“F”。]');
  });

  test('a formula between words, or alone, is left as it is', async () => {
    expect(shape(await render('约 $x$ 倍'))).toBe('约 F 倍');
    expect(shape(await render('$x$'))).toBe('F');
  });

  test('the text is unchanged, character for character', async () => {
    const html = await render('前（$a$），后$b$；又“$c$”');
    const text = (s: string) => s.replace(/<span class="katex">.*?<\/math><\/span>/gs, 'F').replace(/<[^>]+>/g, '');
    expect(text(html)).toBe('前（F），后F；又“F”');
  });

  test('display formulas are left alone', async () => {
    const html = await render('$$\nx\n$$\n\n。');
    expect(html).not.toContain('math-nowrap');
  });
});
