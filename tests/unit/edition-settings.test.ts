/**
 * An edition's settings are checked before anything is built: each mistake stops with the file,
 * the line and the fix. The editions here are made by `newEdition` in temporary folders and
 * then broken one way at a time.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { ContentError, lineOf as lineIn } from '../../src/edition/content-error.ts';
import { newEdition } from '../../src/edition/new-edition.ts';
import { readEdition } from '../../src/edition/load-edition.ts';

const REPORT = readFileSync('tests/fixtures/editions/sample-county/report.txt', 'utf8');

/** A fresh edition folder, its settings changed by `change`. */
function edition(change: (settings: string) => string = (s) => s, extra: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'edition-settings-'));
  const files = new Map(newEdition(REPORT, 'report.txt').files);
  files.set('source/report.txt', REPORT);
  files.set('edition.yaml', change(files.get('edition.yaml')!));
  for (const [path, text] of [...files, ...Object.entries(extra)]) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

/** The error reading `dir` gives, as file:line, reason and fix. */
function failure(dir: string): { where: string; reason: string; fix: string } {
  try {
    readEdition(dir);
  } catch (error) {
    if (!(error instanceof ContentError)) throw error;
    return { where: `${error.file.replace(dir + '/', '')}:${error.line}`, reason: error.reason, fix: error.fix };
  }
  throw new Error('the edition was accepted');
}

/** The line of `needle` in the folder's edition.yaml (the helper itself is pinned in content-error.test.ts). */
const lineOf = (dir: string, needle: string) => lineIn(readFileSync(join(dir, 'edition.yaml'), 'utf8'), needle, 1, 0);

describe('edition.yaml', () => {
  test('as npm run new writes it, it is valid', () => {
    expect(readEdition(edition()).id).toBe('shili-2024');
  });

  test('an id that cannot name a storage key: the field, its line, what to write', () => {
    const dir = edition((s) => s.replace('id: shili-2024', 'id: Shili 2024'));
    expect(failure(dir)).toMatchObject({ where: `edition.yaml:${lineOf(dir, 'id: Shili')}`, reason: expect.stringContaining('id：id 只能用小写字母') });
  });

  test('an unknown setting (a typo) is named, with the settings there are', () => {
    const dir = edition((s) => s + 'glosary:\n  dir: glossary\n');
    expect(failure(dir)).toMatchObject({ where: `edition.yaml:${lineOf(dir, 'glosary:')}`, reason: '不认识的设置项：glosary。', fix: expect.stringContaining('glossary') });
  });

  test('broken YAML: the line', () => {
    const dir = edition((s) => s.replace('issuer: "示例县人民政府"', 'issuer: "示例县人民政府'));
    expect(failure(dir).reason).toContain('不是有效的 YAML');
  });

  test('chapters that do not match the parts: how many there must be', () => {
    const dir = edition((s) => s.replace('  - part-4\n', ''));
    expect(failure(dir)).toMatchObject({ where: `edition.yaml:${lineOf(dir, 'chapters:')}`, reason: expect.stringContaining('应为 5 个') });
  });

  test('a glossary declared but missing is an error, not an empty glossary', () => {
    const dir = edition((s) => s + 'glossary:\n  dir: glossary\n  levels: [国家]\n');
    expect(failure(dir)).toMatchObject({ where: `edition.yaml:${lineOf(dir, 'glossary:')}`, reason: expect.stringContaining('不存在'), fix: expect.stringContaining('删去 glossary') });
  });

  test('a glossary folder declared but empty is an error too', () => {
    const dir = edition((s) => s + 'glossary:\n  dir: glossary\n  levels: [国家]\n', { 'glossary/README.txt': '空' });
    expect(failure(dir).reason).toContain('是空的');
  });

  test('a path that leaves the edition folder is refused', () => {
    const dir = edition((s) => s.replace('source: "source/report.txt"', 'source: "../report.txt"'));
    expect(failure(dir).reason).toContain('须在编辑目录之内');
  });

  test('a title block that cannot be read asks for the facts in the settings, and takes them there', () => {
    const odd = REPORT.replace('2024年1月10日在示例县\n第十八届人民代表大会第三次会议上', '示例县人民代表大会会议文件');
    const dir = mkdtempSync(join(tmpdir(), 'edition-title-'));
    const files = new Map(newEdition(REPORT, 'report.txt').files);
    for (const [path, text] of [...files, ['source/report.txt', odd] as const]) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
    const { where, reason, fix } = failure(dir);
    expect(where).toBe('source/report.txt:3');
    expect(reason).toContain('标题块中读不出日期');
    expect(fix).toContain('titleBlock');
    writeFileSync(join(dir, 'edition.yaml'), files.get('edition.yaml')! + 'titleBlock: { date: 2024-01-10, place: 示例县, meeting: 第十八届人民代表大会第三次会议 }\n');
    expect(readEdition(dir).citation.subtitle).toBe('2024年1月10日在示例县第十八届人民代表大会第三次会议上');
  });

  test('CRLF line ends read as LF', () => {
    const dir = edition((s) => s.replace(/\n/g, '\r\n'));
    expect(readEdition(dir)).toMatchObject({ id: 'shili-2024', issuer: '示例县人民政府', chapters: readEdition(edition()).chapters });
  });

  test('a missing field: the schema’s own message, at the top of the file', () => {
    const dir = edition((s) => s.replace('issuer: "示例县人民政府"\n', ''));
    expect(failure(dir)).toMatchObject({ where: `edition.yaml:${lineOf(dir, 'id: shili-2024')}`, reason: expect.stringMatching(/^issuer 必填/) });
  });

  test('a wrong type: the line of the key, in Chinese', () => {
    const dir = edition((s) => s.replace('shortName: "示例"', 'shortName: [示例]'));
    expect(failure(dir)).toMatchObject({ where: `edition.yaml:${lineOf(dir, 'shortName:')}`, reason: 'shortName：应为文字，这里是列表。' });
  });

  test('no settings file at all: how to make one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'edition-none-'));
    expect(failure(dir)).toMatchObject({ reason: expect.stringContaining('edition.yaml'), fix: expect.stringContaining('npm run new') });
  });
});
