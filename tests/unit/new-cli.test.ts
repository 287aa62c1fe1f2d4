/**
 * `npm run new`, run as a reader would run it: a report in, a ready-to-build edition folder
 * out, read back through the same loader the build uses. The build of such a folder is tested
 * by the `site:sample*` projects (scripts/test-editions.ts makes them with this command).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { readEdition } from '../../src/edition/load-edition.ts';
import { anchorManifest } from '../../src/report/anchor-manifest.ts';

const TSX = 'node_modules/.bin/tsx';
const REPORT = 'tests/fixtures/editions/sample-county/report.txt';
const fresh = () => join(mkdtempSync(join(tmpdir(), 'edition-new-')), 'ed');
const runNew = (...args: string[]) => spawnSync(TSX, ['scripts/new.ts', ...args], { encoding: 'utf8' });

// Each test spawns the command (tsx) once or more: seconds each on a busy two-core machine.
describe('npm run new', { timeout: 60_000 }, () => {
  const dir = fresh();
  const result = runNew(REPORT, dir);

  test('prints the counts last, and writes the settings, the source, the chapters and the manifest', () => {
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout.trim().split('\n').at(-1)).toBe('parts=4 sections=11 paragraphs=44');
    expect(readdirSync(dir).sort()).toEqual(['anchors.json', 'chapters', 'edition.yaml', 'source']);
    expect(readdirSync(join(dir, 'chapters'))).toHaveLength(5);
  });

  test('the source is copied byte for byte', () => {
    expect(readFileSync(join(dir, 'source/report.txt')).equals(readFileSync(REPORT))).toBe(true);
  });

  test('the settings are read from the title block and pass the loader', () => {
    const edition = readEdition(dir);
    expect(edition.id).toBe('shili-2024');
    expect(edition.issuer).toBe('示例县人民政府');
    expect(edition.citation).toEqual({
      author: '示例县人民政府',
      title: '政府工作报告',
      subtitle: '2024年1月10日在示例县第十八届人民代表大会第三次会议上',
      issued: '2024-01-10',
      short: '示例县2024年政府工作报告',
    });
    expect(edition.titleBlock.speaker).toEqual({ role: '县长', name: '王某' });
    expect(edition.chapters.map((c) => c.slug)).toEqual(['opening', 'part-1', 'part-2', 'part-3', 'part-4']);
    expect(edition.paths.glossary).toBeUndefined();
  });

  test('the manifest is the report’s', () => {
    const edition = readEdition(dir);
    expect(JSON.parse(readFileSync(join(dir, 'anchors.json'), 'utf8'))).toEqual(anchorManifest(edition.source.model, edition.chapters));
  });

  test('the default edition’s committed manifest is what its report gives', () => {
    const cixi = readEdition('content');
    expect(JSON.parse(readFileSync(cixi.paths.anchors, 'utf8'))).toEqual(anchorManifest(cixi.source.model, cixi.chapters));
  });

  test('a folder that is not empty is refused, and nothing in it changes; --force writes', () => {
    const settings = readFileSync(join(dir, 'edition.yaml'), 'utf8');
    writeFileSync(join(dir, 'edition.yaml'), settings + '# 编辑改过\n');
    const again = runNew(REPORT, dir);
    expect(again.status).toBe(2);
    expect(again.stderr).toContain('不是空的');
    expect(again.stderr).toContain('--force');
    expect(readFileSync(join(dir, 'edition.yaml'), 'utf8')).toContain('# 编辑改过');
    expect(runNew(REPORT, dir, '--force').status).toBe(0);
    expect(readFileSync(join(dir, 'edition.yaml'), 'utf8')).toBe(settings);
  });

  test('--id sets the id, and a bad one is refused before anything is written', () => {
    const named = fresh();
    expect(runNew(REPORT, named, '--id', 'sample-2024').status).toBe(0);
    expect(readEdition(named).id).toBe('sample-2024');
    const bad = fresh();
    const refused = runNew(REPORT, bad, '--id', 'Sample 2024');
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('id 只能用小写字母');
  });

  test('a report it cannot read: exit 1 with the file, the line and the fix, no stack trace, nothing written', () => {
    const src = mkdtempSync(join(tmpdir(), 'edition-bad-'));
    const file = join(src, 'no-title.txt');
    writeFileSync(file, '各位代表：\n现在，我代表县人民政府向大会报告工作。\n一、工作回顾\n过去一年成绩显著。\n');
    const out = fresh();
    const failed = runNew(file, out);
    expect(failed.status).toBe(1);
    expect(failed.stderr).toMatch(new RegExp(`${file}:\\d+: .*标题块`));
    expect(failed.stderr).toContain('修改方法 (fix)');
    expect(failed.stderr).not.toMatch(/\n\s+at /);
    mkdirSync(out, { recursive: true });
    expect(readdirSync(out)).toEqual([]);
  });

  test('no arguments: usage, exit 2', () => {
    const usage = runNew();
    expect(usage.status).toBe(2);
    expect(usage.stderr).toContain('npm run new -- <report.txt> <dir>');
  });
});
