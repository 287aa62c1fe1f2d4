/**
 * `npm run import`, run as a reader would run it: on this report and on a report of a different
 * shape. The chapters it writes compile through the edition's markdown pipeline, checked
 * against the source, and the committed chapters hold the same paragraphs.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { markdownPlugins } from '../../src/plugins/markdown-plugins.ts';
import { parseReport } from '../../src/report/parse-report.ts';

/** The default edition's source. */
const SOURCE_FILE = 'content/source/cixi-2021-government-work-report.txt';
import { processor } from './markdown.ts';

const TSX = 'node_modules/.bin/tsx';

function runImport(input: string) {
  const out = mkdtempSync(join(tmpdir(), 'edition-import-'));
  const result = spawnSync(TSX, ['scripts/import.ts', input, out], { encoding: 'utf8' });
  return { out, ...result };
}

// Each test spawns the command (tsx): seconds each on a busy two-core machine.
describe('npm run import', { timeout: 60_000 }, () => {
  test('this report: parts=3 sections=15 paragraphs=64 on the last line', () => {
    const { out, stdout, status } = runImport(SOURCE_FILE);
    expect(status).toBe(0);
    expect(stdout.trim().split('\n').at(-1)).toBe('parts=3 sections=15 paragraphs=64');
    expect(readdirSync(out).sort()).toEqual(['00-opening.mdx', '01-part-1.mdx', '02-part-2.mdx', '03-part-3.mdx']);
  });

  test('the chapters it writes compile, and each paragraph is its source line', async () => {
    const { out } = runImport(SOURCE_FILE);
    const source = new Map(parseReport(readFileSync(SOURCE_FILE, 'utf8')).paragraphs.map((p) => [p.n, p.text]));
    const { remarkPlugins } = markdownPlugins({ source });
    let html = '';
    for (const name of readdirSync(out).sort())
      html += String(await processor(remarkPlugins).process(readFileSync(join(out, name), 'utf8')));
    for (const n of [1, 4, 31, 64]) expect(html).toContain(`id="p-${n}"`);
    expect(html).toContain('<strong class="run-in">提升内外交通能级。</strong>');
  });

  test('the committed chapters differ from fresh output only by hand edits: editorial notes', () => {
    const { out } = runImport(SOURCE_FILE);
    const editorial = (mdx: string) => mdx.replace(/<Note>[\s\S]*?<\/Note>/g, '').replace(/<DataCheck [^>]*\/>/g, '');
    for (const name of readdirSync(out)) {
      const fresh = editorial(readFileSync(join(out, name), 'utf8'));
      const committed = editorial(readFileSync(join('content/chapters', name), 'utf8'));
      expect(committed, name).toBe(fresh);
    }
  });

  test('a report with four parts and mixed sections', () => {
    const { stdout, status, out } = runImport('tests/fixtures/reports/four-parts.txt');
    expect(status).toBe(0);
    expect(stdout.trim().split('\n').at(-1)).toBe('parts=4 sections=5 paragraphs=13');
    expect(readdirSync(out)).toHaveLength(5);
    const part2 = readFileSync(join(out, '02-part-2.mdx'), 'utf8');
    expect(part2).toContain('<Section id="2-1" title="（一）抓好项目建设">');
    expect(part2).toContain('## （一）抓好项目建设');
    expect(part2).toContain('<P n={6}><RunIn>推进重点工程。</RunIn>全年实施项目50个。</P>');
  });

  test('text it cannot place: exit 1, file, line and the fix', () => {
    const { status, stderr } = runImport('tests/fixtures/reports/section-before-part.txt');
    expect(status).toBe(1);
    expect(stderr).toMatch(/section-before-part\.txt:5: 节标题“（一）这一节没有部分可以归属”出现在第一个部分标题之前/);
    expect(stderr).toContain('修改方法 (fix)');
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  test('a file that is not UTF-8 (GBK): exit 1, the line, and how to convert it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'edition-gbk-'));
    const file = join(dir, 'gbk.txt');
    writeFileSync(file, Buffer.concat([Buffer.from('政府工作报告\n'), Buffer.from([0xb8, 0xf7, 0xce, 0xbb, 0xb4, 0xfa, 0xb1, 0xed]), Buffer.from('\n')]));
    const { status, stderr } = runImport(file);
    expect(status).toBe(1);
    expect(stderr).toContain(`${file}:2: 不是 UTF-8 编码的文本`);
    expect(stderr).toContain('iconv -f GBK -t UTF-8');
  });

  test('no arguments: usage', () => {
    const { status, stderr } = spawnSync(TSX, ['scripts/import.ts'], { encoding: 'utf8' });
    expect(status).toBe(2);
    expect(stderr).toContain('npm run import -- <report.txt> <out-dir>');
  });

  test('runs through npm as documented', () => {
    const out = mkdtempSync(join(tmpdir(), 'edition-import-'));
    const stdout = execFileSync('npm', ['run', '--silent', 'import', '--', SOURCE_FILE, out], { encoding: 'utf8' });
    expect(stdout.trim().split('\n').at(-1)).toBe('parts=3 sections=15 paragraphs=64');
  });
});
