import { describe, expect, test } from 'vitest';
import { entryIdFor, termAnchor } from '../../src/glossary/anchor.ts';

const entries = [
  { id: 'liu-wen-liu-bao', term: '六稳六保' },
  { id: 'san-zheng-san-pin', term: '三争三拼、六大赶超' },
  { id: 'pm25', term: 'PM2.5' },
  { id: 'n155', term: '155' },
  { id: 'gdp', term: 'GDP' },
];

describe('glossary anchors', () => {
  test('a headword of letters and digits is the anchor; punctuation, a leading digit or a space give the id', () => {
    expect(termAnchor(entries[0]!)).toBe('六稳六保');
    expect(termAnchor(entries[4]!)).toBe('GDP');
    expect(termAnchor({ id: 'shi-si-wu', term: '十四五' })).toBe('十四五');
    expect(termAnchor(entries[1]!)).toBe('san-zheng-san-pin');
    expect(termAnchor(entries[2]!)).toBe('pm25');
    expect(termAnchor(entries[3]!)).toBe('n155');
    expect(termAnchor({ id: 'a-b', term: '甲 乙' })).toBe('a-b');
    expect(termAnchor({ id: 'a-b', term: '甲%乙' })).toBe('a-b');
  });

  test('a fragment finds its entry by headword, percent-encoded or not, or by id', () => {
    expect(entryIdFor('六稳六保', entries)).toBe('liu-wen-liu-bao');
    expect(entryIdFor(encodeURIComponent('六稳六保'), entries)).toBe('liu-wen-liu-bao');
    expect(entryIdFor('liu-wen-liu-bao', entries)).toBe('liu-wen-liu-bao');
    expect(entryIdFor('san-zheng-san-pin', entries)).toBe('san-zheng-san-pin');
  });

  test('a headword that is not the anchor, an unknown word or a lone % finds nothing', () => {
    expect(entryIdFor('三争三拼、六大赶超', entries)).toBeUndefined();
    expect(entryIdFor('六稳', entries)).toBeUndefined();
    expect(entryIdFor('%', entries)).toBeUndefined();
  });
});
