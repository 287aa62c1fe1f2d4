/**
 * The line finder content errors use: `lineOf`, the first line holding a text, from a line on.
 * Expected lines are counted by hand.
 */
import { describe, expect, test } from 'vitest';
import { ContentError, lineOf } from '../../src/edition/content-error.ts';

const YAML = ['id: shili-2024', 'chapters:', '  - slug: opening', '  - slug: part-1', '    part: 1', 'search:', '  examples: [就业]', ''].join('\n');

describe('lineOf', () => {
  test('the 1-based line of the first match', () => {
    expect(lineOf(YAML, 'id:')).toBe(1);
    expect(lineOf(YAML, 'part-1')).toBe(4);
  });

  test('searches from a line on', () => {
    expect(lineOf(YAML, 'slug:', 4)).toBe(4);
    expect(lineOf(YAML, 'chapters', 3, 0)).toBe(0);
  });

  test('the fallback where nothing matches', () => {
    expect(lineOf(YAML, 'nowhere')).toBe(1);
    expect(lineOf(YAML, 'nowhere', 1, 7)).toBe(7);
  });

  test('CRLF line ends count the same lines', () => {
    expect(lineOf(YAML.replace(/\n/g, '\r\n'), 'part: 1')).toBe(5);
  });
});

test('ContentError: file, line, reason and fix in one message', () => {
  const error = new ContentError('content/edition.yaml', 3, '缺少 id。', '写 id: shili-2024。');
  expect(error.message).toBe('content/edition.yaml:3: 缺少 id。\n  修改方法：写 id: shili-2024。');
});
