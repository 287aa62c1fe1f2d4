import { describe, expect, test } from 'vitest';
import { locate, quoteAt } from '../../src/annotate/anchoring.ts';

const text = '深化“亩均论英雄”改革，出台制造业高质量发展用地管理政策，落实建设用地“增存挂钩”机制，盘活存量建设用地5000亩以上。';

describe('anchoring annotations to report text', () => {
  test('a quote records the words and their surroundings', () => {
    const start = text.indexOf('增存挂钩');
    expect(quoteAt(text, { start, end: start + 4 })).toEqual({
      exact: '增存挂钩',
      prefix: text.slice(start - 32 < 0 ? 0 : start - 32, start),
      suffix: text.slice(start + 4, start + 4 + 32),
    });
  });

  test('unchanged text: found where it was', () => {
    const start = text.indexOf('亩均论英雄');
    const quote = quoteAt(text, { start, end: start + 5 });
    expect(locate(text, quote, { start, end: start + 5 })).toEqual({ start, end: start + 5 });
  });

  test('words that occur twice: the occurrence with matching surroundings', () => {
    const second = text.lastIndexOf('建设用地');
    const quote = quoteAt(text, { start: second, end: second + 4 });
    // Without the position, the surroundings decide.
    expect(locate(text, quote)).toEqual({ start: second, end: second + 4 });
    const first = text.indexOf('建设用地');
    expect(first).not.toBe(second);
    expect(locate(text, quoteAt(text, { start: first, end: first + 4 }))).toEqual({ start: first, end: first + 4 });
  });

  test('a changed paragraph: the words are found at their new place', () => {
    const start = text.indexOf('增存挂钩');
    const quote = quoteAt(text, { start, end: start + 4 });
    const changed = '（修订）' + text;
    expect(locate(changed, quote, { start, end: start + 4 })).toEqual({ start: start + 4, end: start + 8 });
  });

  test('words that are gone: not found, so the annotation is kept as 未能定位', () => {
    const start = text.indexOf('增存挂钩');
    const quote = quoteAt(text, { start, end: start + 4 });
    expect(locate(text.replace('增存挂钩', '存量挂钩'), quote, { start, end: start + 4 })).toBeUndefined();
  });
});
