/**
 * Stores every text file of the built site a second time, gzipped by Zopfli, as `<file>.gz`
 * beside it: the shipped nginx config (`gzip_static`) and `.htaccess` (mod_rewrite) send that
 * file to a browser that accepts gzip, instead of compressing on each request. Zopfli writes the
 * gzip format every browser decodes, about 6 % smaller than gzip -9 (a chapter page: 20.0 KB
 * from nginx's gzip at level 6, 18.8 KB from Zopfli), at a cost a server could not pay per
 * request but a build can, once.
 *
 * Which files: those a server compresses (`PRECOMPRESSED`, the types in nginx's `gzip_types`,
 * tests/site/server-configs.test.ts keeps them equal), from `MIN_BYTES` up (nginx's
 * `gzip_min_length`), and only where the .gz is smaller. Not Pagefind's files nor its
 * WebAssembly (`.pagefind`, `.pf_*`: gzipped by Pagefind already, 23 bytes larger gzipped
 * again), fonts (WOFF2 is compressed), the site archive and the EPUB (zip files).
 *
 * A `.gz` has its file's modification time, so both carry the same Last-Modified; their ETags
 * differ by size, as two encodings of one file should. The files are never linked: a folder
 * copied to a laptop and opened from disk reads the plain files, as before.
 *
 * Runs last (`astro:config:done` stops the build otherwise): a server sends the .gz whenever
 * one exists, so every file must be final before it is compressed. Before it, Pagefind writes
 * its index, katex-assets points the pages at the KaTeX stylesheet, the EPUB and the offline file
 * are made from the pages, downloads() packs the site archive and writes the downloads' sizes
 * into the home page. The archive therefore holds no .gz: it is the site as an administrator
 * unpacks it, and every shipped config compresses on the fly where no .gz is found.
 */
import { readdir, readFile, stat, utimes, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { extname, join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzip as zlibGzip } from 'node:zlib';
import { promisify } from 'node:util';
import type { AstroIntegration } from 'astro';
import type { ZopfliOptions } from '@gfx/zopfli';
import { zopfliPool } from './zopfli-pool.ts';

const NAME = 'edition:precompress';
const gzipLevel = promisify(zlibGzip);

/** The extensions of the files a server compresses: text, as nginx's `gzip_types` lists it. */
export const PRECOMPRESSED: readonly string[] = ['html', 'htm', 'css', 'js', 'mjs', 'json', 'csv', 'svg', 'txt', 'md'];

/** Smaller files are sent as they are: nginx's `gzip_min_length`, and a .gz would save a few bytes. */
export const MIN_BYTES = 512;

/** Whether the file at `path` (relative to the site), of `size` bytes, gets a .gz. */
export function precompressible(path: string, size: number): boolean {
  const name = path.split('/').at(-1)!;
  return !name.startsWith('.') && PRECOMPRESSED.includes(extname(name).slice(1).toLowerCase()) && size >= MIN_BYTES;
}

/**
 * Zopfli's settings for a file of `size` bytes, from the default edition's figures.
 * - Iterations: Zopfli's default up to 100 KB, where the pages a reader opens are; 5 above,
 *   where more save almost nothing (the offline file, 357 KB: 93 405 bytes at 5, 93 384 at the
 *   default, which takes twice as long).
 * - Block splitting from 4 KB: from there it saves 0.5–4 %; below, one byte a file on average,
 *   for up to 0.35 s of CPU a file, whatever its size (90 small files: 37 s for 100 bytes).
 */
export function zopfliOptions(size: number): ZopfliOptions {
  return { ...(size > 100 * 1024 ? { numiterations: 5 } : {}), blocksplitting: size >= 4096 };
}

export interface Precompressed {
  /** Files given a .gz, as paths relative to the site. */
  files: string[];
  /** Their bytes, and the .gz files' bytes. */
  bytes: number;
  gzBytes: number;
  /** What gzip at level 6 (nginx's `gzip_comp_level`) would have sent for them. */
  level6Bytes: number;
  /** Files that qualified but whose .gz was not smaller, so none was written. */
  notSmaller: string[];
  threads: number;
}

/** Every file under `root`, as paths relative to it with forward slashes, and its size. */
async function filesUnder(root: string): Promise<{ path: string; size: number }[]> {
  const out: { path: string; size: number }[] = [];
  for (const name of await readdir(root, { recursive: true })) {
    const info = await stat(join(root, name));
    if (info.isFile()) out.push({ path: name.split(sep).join('/'), size: info.size });
  }
  return out;
}

/**
 * Writes `<file>.gz` beside every precompressible file under `root`, with the file's
 * modification time. Largest files first, so the longest job never starts last.
 */
export async function precompressFiles(root: string, threads = availableParallelism()): Promise<Precompressed> {
  const chosen = (await filesUnder(root)).filter((f) => precompressible(f.path, f.size)).sort((a, b) => b.size - a.size);
  const result: Precompressed = { files: [], bytes: 0, gzBytes: 0, level6Bytes: 0, notSmaller: [], threads: 0 };
  if (chosen.length === 0) return result;
  const pool = zopfliPool(Math.min(threads, chosen.length));
  result.threads = pool.threads;
  try {
    await Promise.all(
      chosen.map(async ({ path, size }) => {
        const full = join(root, path);
        const bytes = await readFile(full);
        let gz: Uint8Array;
        try {
          gz = await pool.gzip(bytes, zopfliOptions(size));
        } catch (error) {
          throw new Error(`预压缩 ${path} 失败：${(error as Error).message}。重新构建；若仍失败，检查 @gfx/zopfli 是否完整安装（npm ci）。`);
        }
        if (gz.length >= bytes.length) {
          result.notSmaller.push(path);
          return;
        }
        await writeFile(`${full}.gz`, gz);
        // Node sets times to the millisecond, not the nanosecond: both files get the same one.
        const { atime, mtime } = await stat(full);
        await utimes(full, atime, mtime);
        await utimes(`${full}.gz`, atime, mtime);
        const level6 = (await gzipLevel(bytes, { level: 6 })).length;
        result.files.push(path);
        result.bytes += bytes.length;
        result.gzBytes += gz.length;
        result.level6Bytes += level6;
      }),
    );
  } finally {
    await pool.close();
  }
  result.files.sort();
  result.notSmaller.sort();
  return result;
}

const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`;

/** The Astro integration; it must be the last in `integrations` (see the top of this file). */
export default function precompress(): AstroIntegration {
  return {
    name: NAME,
    hooks: {
      'astro:config:done': ({ config }) => {
        const after = config.integrations.slice(config.integrations.findIndex((i) => i.name === NAME) + 1).map((i) => i.name);
        if (after.length > 0)
          throw new Error(
            `预压缩（${NAME}）须是 astro.config.ts 中 integrations 的最后一项，现在它后面还有 ${after.join('、')}。` +
              `它为已写好的文件生成 .gz，服务器有 .gz 就发送 .gz；之后再写入或改动的文件会与它的 .gz 不一致。把 precompress() 移到列表末尾。`,
          );
      },
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now();
        const done = await precompressFiles(fileURLToPath(dir));
        const seconds = ((performance.now() - started) / 1000).toFixed(1);
        logger.info(
          `precompressed ${done.files.length} files in ${seconds} s on ${done.threads} threads: ${kb(done.bytes)} → ${kb(done.gzBytes)} (gzip level 6: ${kb(done.level6Bytes)})`,
        );
      },
    },
  };
}
