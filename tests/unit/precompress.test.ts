/**
 * The pre-compressed files, on a folder laid out like a built site: which files get a .gz
 * (text a server compresses, from 512 bytes, where the .gz is smaller) and which never do
 * (Pagefind's files and WebAssembly, fonts, zip files, images, dotfiles, small files); each .gz
 * gunzips to its file's bytes and carries its modification time; and the integration insists on
 * running last.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { AstroIntegration } from 'astro';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import precompress, { MIN_BYTES, precompressFiles, precompressible, zopfliOptions, type Precompressed } from '../../src/integrations/precompress.ts';

/** Text that compresses, about `bytes` long. */
const text = (bytes: number, word = '各位代表，现在向大会报告工作。') => word.repeat(Math.ceil(bytes / Buffer.byteLength(word))).slice(0, bytes);
const exactly = (bytes: number) => 'a'.repeat(bytes);

const GETS_GZ: Record<string, string | Buffer> = {
  'index.html': `<!doctype html><title>t</title>${text(5000)}`,
  'part-1/index.html': `<!doctype html>${text(3000)}`,
  '_astro/app.Ab12.js': `export const a = ${JSON.stringify(text(2000))};`,
  '_astro/page.Cd34.css': `.para{margin:0}`.repeat(100),
  'module.mjs': `export default ${JSON.stringify(text(800))};`,
  'search-records.json': JSON.stringify([text(1500)]),
  'indicators/table.csv': 'a,b\n1,2\n'.repeat(100),
  'chart.svg': `<svg xmlns="http://www.w3.org/2000/svg">${'<rect/>'.repeat(100)}</svg>`,
  'downloads/nginx.conf.txt': 'server { listen 80; }\n'.repeat(40),
  'notes.md': `# 标题\n\n${text(1000)}`,
  'legacy.htm': text(900),
  'downloads/offline.html': `<!doctype html>${text(20000)}`,
  'exactly-min.js': exactly(MIN_BYTES),
};
const NO_GZ: Record<string, string | Buffer> = {
  'small.css': '.a{}',
  'just-below.js': exactly(MIN_BYTES - 1),
  // Compressed already, by Pagefind: gzip data whatever the extension says.
  'pagefind/wasm.unknown.pagefind': gzipSync(text(4000)),
  'pagefind/pagefind.zh-cn_1a2b.pf_meta': gzipSync(text(2000)),
  'pagefind/index/zh-cn_3c4d.pf_index': gzipSync(text(2000)),
  'pagefind/fragment/zh-cn_5e6f.pf_fragment': gzipSync(text(2000)),
  // Types a server does not compress, even when their bytes would (these are text, on purpose).
  'katex/fonts/KaTeX_Main-Regular.woff2': text(3000),
  'downloads/site.zip': text(3000),
  'downloads/book.epub': text(3000),
  'icon.png': text(3000),
  'code.wasm': text(3000),
  // Never served.
  '.htaccess': text(3000),
  'web.config': text(3000),
};
/** Text whose bytes do not compress: it qualifies, but its .gz would not be smaller. */
const NOT_SMALLER = 'noise.txt';

const MTIME = new Date('2024-03-05T06:07:08Z');
let root: string;
let result: Precompressed;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'edition-precompress-'));
  const files = { ...GETS_GZ, ...NO_GZ, [NOT_SMALLER]: randomBytes(4000) };
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
    utimesSync(join(root, path), MTIME, MTIME);
  }
  result = await precompressFiles(root, 2);
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('on a folder laid out like a built site', () => {
  test.each(Object.keys(GETS_GZ))('%s gets a .gz that gunzips to its bytes, with its modification time', (path) => {
    const gz = join(root, `${path}.gz`);
    expect(existsSync(gz), `${path}.gz`).toBe(true);
    const original = readFileSync(join(root, path));
    expect(gunzipSync(readFileSync(gz)).equals(original)).toBe(true);
    expect(statSync(gz).size).toBeLessThan(original.length);
    expect(statSync(gz).mtime.getTime()).toBe(MTIME.getTime());
  });

  test.each(Object.keys(NO_GZ))('%s gets none', (path) => {
    expect(existsSync(join(root, `${path}.gz`))).toBe(false);
  });

  test('text that does not compress qualifies, but gets no .gz larger than itself', () => {
    expect(existsSync(join(root, `${NOT_SMALLER}.gz`))).toBe(false);
    expect(result.notSmaller).toEqual([NOT_SMALLER]);
  });

  test('the summary lists the files, with forward slashes, and their bytes', () => {
    expect(result.files).toEqual(Object.keys(GETS_GZ).sort());
    expect(result.gzBytes).toBe(result.files.reduce((sum, f) => sum + statSync(join(root, `${f}.gz`)).size, 0));
    expect(result.threads).toBe(2);
  });

  test('it is Zopfli: no larger than gzip -9', () => {
    const page = readFileSync(join(root, 'downloads/offline.html'));
    expect(statSync(join(root, 'downloads/offline.html.gz')).size).toBeLessThanOrEqual(gzipSync(page, { level: 9 }).length);
  });

  test('run again, it compresses no .gz and writes the same bytes', async () => {
    const before = readFileSync(join(root, 'index.html.gz'));
    const again = await precompressFiles(root, 1);
    expect(again.files).toEqual(result.files);
    expect(existsSync(join(root, 'index.html.gz.gz'))).toBe(false);
    expect(readFileSync(join(root, 'index.html.gz')).equals(before)).toBe(true);
  });
});

test('an empty folder: nothing to do, no threads started', async () => {
  const empty = mkdtempSync(join(tmpdir(), 'edition-precompress-empty-'));
  try {
    expect(await precompressFiles(empty)).toMatchObject({ files: [], threads: 0 });
  } finally {
    rmSync(empty, { recursive: true, force: true });
  }
});

test.each([
  ['part-1/index.html', 512, true],
  ['part-1/index.html', 511, false],
  ['_astro/a.JS', 4000, true],
  ['index.html.gz', 4000, false],
  ['.well-known/security.txt', 4000, true],
  ['.hidden.json', 4000, false],
  ['pagefind/pagefind-entry.json', 4000, true],
  ['pagefind/wasm.unknown.pagefind', 60000, false],
])('precompressible(%s, %i) is %s', (path, size, expected) => {
  expect(precompressible(path, size)).toBe(expected);
});

test('Zopfli’s settings: block splitting from 4 KB, fewer iterations above 100 KB', () => {
  // No numiterations: Zopfli's default (15).
  expect(zopfliOptions(4095)).toEqual({ blocksplitting: false });
  expect(zopfliOptions(4096)).toEqual({ blocksplitting: true });
  expect(zopfliOptions(100 * 1024)).toEqual({ blocksplitting: true });
  expect(zopfliOptions(100 * 1024 + 1)).toEqual({ numiterations: 5, blocksplitting: true });
});

describe('it must be the last integration', () => {
  const configDone = (names: string[]) => {
    const integrations = names.map((name) => (name === 'edition:precompress' ? precompress() : ({ name, hooks: {} } as AstroIntegration)));
    const hook = precompress().hooks['astro:config:done'] as unknown as (o: { config: { integrations: AstroIntegration[] } }) => void;
    return () => hook({ config: { integrations } });
  };

  test('last: accepted', () => {
    expect(configDone(['edition:downloads', 'edition:precompress'])).not.toThrow();
  });

  test('followed by another: the build stops, naming it and the fix', () => {
    expect(configDone(['edition:precompress', 'edition:downloads'])).toThrowErrorMatchingInlineSnapshot(`[Error: 预压缩（edition:precompress）须是 astro.config.ts 中 integrations 的最后一项，现在它后面还有 edition:downloads。它为已写好的文件生成 .gz，服务器有 .gz 就发送 .gz；之后再写入或改动的文件会与它的 .gz 不一致。把 precompress() 移到列表末尾。]`);
  });
});
