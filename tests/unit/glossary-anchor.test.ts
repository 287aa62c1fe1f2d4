import { describe, expect, test } from 'vitest';
import { entryIdFor, termAnchor } from '../../src/glossary/anchor.ts';

const entries = [
  { id: 'liu-wen-liu-bao', term: '六稳六保' },
  { id: 'san-zheng-san-pin', term: '三争三拼、六大赶超' },
  { id: 'pm25', term: 'PM2.5' },
  { id: 'n155', term: '155' },
  { id: 'gdp', term: 'GDP' },
];

/** The entries by id, as glossary-summaries.json gives them. */
const byId = Object.fromEntries(entries.map(({ id, term }) => [id, { term }]));

describe('glossary anchors', () => {
  test('a headword is the anchor, written without its punctuation', () => {
    expect(termAnchor(entries[0]!)).toBe('六稳六保');
    expect(termAnchor(entries[4]!)).toBe('GDP');
    expect(termAnchor({ id: 'shi-si-wu', term: '十四五' })).toBe('十四五');
    expect(termAnchor(entries[1]!)).toBe('三争三拼六大赶超');
    expect(termAnchor({ id: 'x', term: '河（湖）长制' })).toBe('河湖长制');
    expect(termAnchor({ id: 'x', term: '源头查控+硬核隔离+精密智控' })).toBe('源头查控硬核隔离精密智控');
    expect(termAnchor({ id: 'x', term: '微项目·微自治' })).toBe('微项目微自治');
    expect(termAnchor({ id: 'x', term: '甲 乙%' })).toBe('甲乙');
  });

  test('the id, where the headword starts with a digit or a mark between Latin letters or digits means something', () => {
    expect(termAnchor(entries[3]!)).toBe('n155');
    expect(termAnchor({ id: 'x', term: '3315系列计划' })).toBe('x');
    expect(termAnchor(entries[2]!)).toBe('pm25');
    expect(termAnchor({ id: 'x', term: '5 G' })).toBe('x');
    expect(termAnchor({ id: 'x', term: '“”' })).toBe('x');
  });

  test('a fragment finds its entry by headword, percent-encoded or not, or by id', () => {
    expect(entryIdFor('六稳六保', byId)).toBe('liu-wen-liu-bao');
    expect(entryIdFor(encodeURIComponent('六稳六保'), byId)).toBe('liu-wen-liu-bao');
    expect(entryIdFor('liu-wen-liu-bao', byId)).toBe('liu-wen-liu-bao');
    expect(entryIdFor('san-zheng-san-pin', byId)).toBe('san-zheng-san-pin');
    expect(entryIdFor('三争三拼六大赶超', byId)).toBe('san-zheng-san-pin');
  });

  test('a headword that is not the anchor, an unknown word or a lone % finds nothing', () => {
    expect(entryIdFor('三争三拼、六大赶超', byId)).toBeUndefined();
    expect(entryIdFor('PM2.5', byId)).toBeUndefined();
    expect(entryIdFor('六稳', byId)).toBeUndefined();
    expect(entryIdFor('%', byId)).toBeUndefined();
    expect(entryIdFor('toString', byId)).toBeUndefined();
  });
});
