import { describe, expect, test } from 'vitest';
import { fullTitle, gbt7714, isoDate, parseRangeHash, quotation, quoteLink, rangeAnchor, rangeLabel, shortForm } from '../../src/cite/format.ts';
import { readEdition } from '../../src/edition/load-edition.ts';

/** The default edition's citation facts, read from its settings and its title block. */
const { citation } = readEdition('content');

describe('citation formats', () => {
  const day = new Date(2026, 10, 29);

  test('GB/T 7714-2015: author. title: subtitle[R/OL]. (issued)[accessed]. URL.', () => {
    expect(gbt7714(citation, 'http://intranet.test/reports/cixi-2021/p/42/', day)).toBe(
      '慈溪市人民政府. 政府工作报告: 2021年2月2日在慈溪市第十七届人民代表大会第五次会议上[R/OL]. (2021-02-02)[2026-11-29]. http://intranet.test/reports/cixi-2021/p/42/.',
    );
  });

  test('the subtitle follows a half-width colon and a space, as the official CSL style has it; never a full-width one', () => {
    const reference = gbt7714(citation, 'http://x/p/1/', day);
    expect(reference).toContain(`${citation.title}: ${citation.subtitle}[R/OL]`);
    expect(reference).not.toContain('：');
    expect(fullTitle({ title: '政府工作报告', subtitle: '' })).toBe('政府工作报告');
  });

  test('dates are YYYY-MM-DD with leading zeros', () => {
    expect(isoDate(new Date(2027, 0, 5))).toBe('2027-01-05');
  });

  test('short form for a paragraph and a range', () => {
    expect(shortForm(citation, { from: 42, to: 42 })).toBe('慈溪市2021年政府工作报告，第42段');
    expect(shortForm(citation, { from: 12, to: 15 })).toBe('慈溪市2021年政府工作报告，第12—15段');
  });

  test('labels and anchors of ranges', () => {
    expect(rangeLabel({ from: 12, to: 15 })).toBe('¶12–15');
    expect(rangeAnchor({ from: 12, to: 15 })).toBe('p-12-15');
    expect(rangeAnchor({ from: 7, to: 7 })).toBe('p-7');
  });

  test('range hashes parse in either order; other hashes do not', () => {
    expect(parseRangeHash('#p-12-15')).toEqual({ from: 12, to: 15 });
    expect(parseRangeHash('#p-15-12')).toEqual({ from: 12, to: 15 });
    expect(parseRangeHash('#p-42')).toEqual({ from: 42, to: 42 });
    expect(parseRangeHash('#part-3-2')).toBeUndefined();
    expect(parseRangeHash('#note-1')).toBeUndefined();
  });

  test('a quotation and a link that finds the words again', () => {
    expect(quotation(citation, '亩均论英雄', 48, 'http://x/')).toBe('“亩均论英雄”（慈溪市2021年政府工作报告，第48段）\nhttp://x/');
    expect(quoteLink('http://x/work-2021/', 48, '增存-挂钩')).toBe(
      'http://x/work-2021/?quote=%E5%A2%9E%E5%AD%98-%E6%8C%82%E9%92%A9#p-48:~:text=%E5%A2%9E%E5%AD%98%2D%E6%8C%82%E9%92%A9',
    );
  });
});
