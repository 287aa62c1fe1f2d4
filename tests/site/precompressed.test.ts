/**
 * The pre-compressed files of the build (src/integrations/precompress.ts), which nginx and Apache
 * send in place of the files: every text file a server compresses has a `.gz` beside it that
 * gunzips to exactly its bytes (so a .gz that a later step left stale can never ship), smaller
 * than it and with its modification time; no other file has one; the site archive holds none.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { unzipSync } from 'fflate';
import { describe, expect, test } from 'vitest';
import { currentEdition } from '../../src/edition/load-edition.ts';
import { downloadPaths } from '../../src/integrations/downloads.ts';
import { precompressible } from '../../src/integrations/precompress.ts';
import { DIST } from '../support/site.ts';

/** Every file of the build, dotfiles too, relative, with forward slashes. */
function files(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) files(full, out);
    else out.push(relative(DIST, full).split(sep).join('/'));
  }
  return out.sort();
}

const all = files(DIST);
const gz = all.filter((f) => f.endsWith('.gz'));
const plain = all.filter((f) => !f.endsWith('.gz'));
const size = (file: string) => statSync(join(DIST, file)).size;
const eligible = plain.filter((f) => precompressible(f, size(f)));

test('the build has pre-compressed files: the pages, their styles and scripts', () => {
  expect(gz).toEqual(expect.arrayContaining(['index.html.gz', '404.html.gz', 'pagefind/pagefind.js.gz']));
  expect(gz.some((f) => /^_astro\/.*\.css\.gz$/.test(f))).toBe(true);
  expect(gz.some((f) => /^_astro\/.*\.js\.gz$/.test(f))).toBe(true);
});

describe.each(eligible)('%s', (file) => {
  test('has a .gz that gunzips to exactly its bytes, smaller, with its modification time', () => {
    const bytes = readFileSync(join(DIST, file));
    if (!existsSync(join(DIST, `${file}.gz`))) {
      // Only where gzip cannot make it smaller.
      expect(gzipSync(bytes, { level: 9 }).length, `${file} has no .gz`).toBeGreaterThanOrEqual(bytes.length);
      return;
    }
    const stored = readFileSync(join(DIST, `${file}.gz`));
    expect(gunzipSync(stored).equals(bytes), `${file}.gz is not ${file}: stale, or written before ${file} changed`).toBe(true);
    expect(stored.length).toBeLessThan(bytes.length);
    expect(statSync(join(DIST, `${file}.gz`)).mtimeMs).toBe(statSync(join(DIST, file)).mtimeMs);
  });
});

test('no other file has a .gz: not Pagefind’s, fonts, zip files, small files nor dotfiles', () => {
  const strays = gz.filter((f) => !eligible.includes(f.slice(0, -'.gz'.length)));
  expect(strays).toEqual([]);
  expect(gz.filter((f) => f.startsWith('pagefind/') && !f.endsWith('.js.gz') && !f.endsWith('.json.gz'))).toEqual([]);
});

test('the site archive is the site without its .gz files', () => {
  const { site, offline } = downloadPaths(currentEdition());
  const names: string[] = [];
  unzipSync(readFileSync(join(DIST, site)), { filter: (entry) => (names.push(entry.name), false) });
  const prefix = `${currentEdition().id}-report/`;
  expect(names.every((n) => n.startsWith(prefix))).toBe(true);
  expect(names.map((n) => n.slice(prefix.length)).sort()).toEqual(plain.filter((f) => f !== site));
  expect(names).toContain(`${prefix}${offline}`);
});
