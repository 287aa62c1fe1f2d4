/**
 * Apache 2.4, live: the built site served with the shipped `deploy/apache/.htaccess` (which the
 * build copies to the site's root), at the root of a host and under a sub-path, its ErrorDocument
 * line edited for the sub-path as the README tells an administrator. Against the project's
 * nginx config (running for the browser tests) as the reference: every file type of the build
 * with the same MIME type and UTF-8 for text, the same Content-Security-Policy (the edition's,
 * src/security/csp.ts), the same cache rules (hashed files immutable, pages revalidated), the
 * same security headers, downloads as attachments; the 404 page; compression that leaves
 * Pagefind's already-compressed files alone (the build's pre-compressed files have their own
 * test, precompressed.test.ts); and search working through Apache in Chromium.
 * IIS cannot run here; its config is checked statically (tests/site/server-configs.test.ts).
 */
import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { headerPolicy } from '../../src/security/csp.ts';
import { startApache, webRoot, type RunningApache } from '../support/apache.ts';
import { collectErrors, launch } from '../support/browser.ts';
import { benchmarkQueries, expectedParagraphs } from '../support/search-oracle.ts';
import { DIST } from '../support/site.ts';
import { HOST } from '../support/test-editions.ts';

const nginxUrl = inject('baseUrl');
const base = inject('base');
const SUB = '/reports/cixi-2021/';
const subDist = join(HOST.root, 'reports', 'cixi-2021');

/** The headers the configs are responsible for. */
const HEADERS = ['content-type', 'cache-control', 'content-security-policy', 'x-content-type-options', 'referrer-policy', 'content-disposition'] as const;

async function headersOf(url: string, init: RequestInit = {}) {
  const response = await fetch(url, { redirect: 'manual', ...init });
  const body = Buffer.from(await response.arrayBuffer());
  return {
    status: response.status,
    headers: Object.fromEntries(HEADERS.map((h) => [h, response.headers.get(h)])),
    encoding: response.headers.get('content-encoding'),
    /** The bytes sent (fetch gunzips the body). */
    length: Number(response.headers.get('content-length')),
    body,
  };
}

/**
 * Every file of a build a browser asks for, relative, with forward slashes: dotfiles, web.config
 * and the pre-compressed `.gz` files (sent in place of the others) left out.
 */
function files(dir: string, out: string[] = [], root = dir): string[] {
  for (const name of readdirSync(dir).sort()) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) files(full, out, root);
    else if (!name.startsWith('.') && name !== 'web.config' && !name.endsWith('.gz')) out.push(relative(root, full).split(sep).join('/'));
  }
  return out;
}

const dist = files(DIST);
/** One file of each extension in the build. */
const perExtension = [...new Map(dist.filter((f) => /\.[^./]+$/.test(f)).map((f) => [f.replace(/^.*\./, ''), f])).entries()].sort();
/** Files whose caching differs: hashed (immutable) and not (revalidated). */
const pick = (re: RegExp) => {
  const found = dist.find((f) => re.test(f));
  if (!found) throw new Error(`the build has no file matching ${re}`);
  return found;
};
const SAMPLES = {
  page: 'review-2020/',
  astro: pick(/^_astro\/.*\.js$/),
  fragment: pick(/^pagefind\/fragment\//),
  index: pick(/^pagefind\/index\//),
  katex: pick(/^katex\/.*\.css$/),
  pagefindJs: 'pagefind/pagefind.js',
  download: pick(/^downloads\/.*\.html$/),
};

let apache: RunningApache;
let sub: RunningApache;
let browser: Browser | undefined;
const roots: string[] = [];

beforeAll(async () => {
  const www = webRoot([{ dist: DIST, base }]);
  const subWww = webRoot([{ dist: subDist, base: SUB }]);
  roots.push(www, subWww);
  [apache, sub] = await Promise.all([startApache(www, base), startApache(subWww, SUB)]);
});
afterAll(async () => {
  await browser?.close();
  await Promise.all([apache?.stop(), sub?.stop()]);
  for (const r of roots) rmSync(r, { recursive: true, force: true });
});

describe('Apache serves what nginx serves', () => {
  test.each(perExtension)('.%s (%s): the same MIME type and headers, UTF-8 for text', async (ext, file) => {
    const [a, n] = await Promise.all([headersOf(apache.baseUrl + file), headersOf(nginxUrl + file)]);
    expect(a.status, apache.errorLog()).toBe(200);
    expect(n.status).toBe(200);
    expect(a.headers).toEqual(n.headers);
    expect(a.headers['content-type'], `.${ext} has no declared type`).not.toBeNull();
    if (/^(text\/|application\/json|image\/svg\+xml)/.test(a.headers['content-type']!)) expect(a.headers['content-type']).toMatch(/; charset=utf-8$/);
  });

  test.each(Object.entries(SAMPLES))('%s (%s): the same cache and security headers', async (_kind, file) => {
    const [a, n] = await Promise.all([headersOf(apache.baseUrl + file), headersOf(nginxUrl + file)]);
    expect(a.status).toBe(200);
    expect(a.headers).toEqual(n.headers);
  });

  test('the values themselves: the edition’s CSP, pages revalidated, hashed files for a year, downloads saved', async () => {
    const get = async (file: string) => (await headersOf(apache.baseUrl + file)).headers;
    const page = await get(SAMPLES.page);
    expect(page['content-security-policy']).toBe(headerPolicy());
    expect(page['cache-control']).toBe('no-cache');
    expect(page['x-content-type-options']).toBe('nosniff');
    expect(page['referrer-policy']).toBe('no-referrer');
    for (const file of [SAMPLES.astro, SAMPLES.fragment, SAMPLES.index, SAMPLES.katex]) {
      const h = await get(file);
      expect(h['cache-control'], file).toBe('public, max-age=31536000, immutable');
      expect(h['content-security-policy'], file).toBe(headerPolicy());
    }
    expect((await get(SAMPLES.pagefindJs))['cache-control']).toBe('no-cache');
    // The offline edition is made to be opened from disk, under its own policy.
    const download = await get(SAMPLES.download);
    expect(download['content-disposition']).toBe('attachment');
    expect(download['content-security-policy']).toBeNull();
  });

  test('the 404 page, with the site’s headers; .htaccess is not served', async () => {
    const [a, n] = await Promise.all([headersOf(`${apache.baseUrl}no-such-page/`), headersOf(`${nginxUrl}no-such-page/`)]);
    expect(a.status).toBe(404);
    expect(a.body.toString('utf8')).toBe(readFileSync(join(DIST, '404.html'), 'utf8'));
    expect(a.headers['content-security-policy']).toBe(headerPolicy());
    expect(a.headers['content-type']).toBe(n.headers['content-type']);
    expect([403, 404]).toContain((await headersOf(`${apache.baseUrl}.htaccess`)).status);
  });

  test.each([
    ['a page', () => SAMPLES.page],
    ['a script that is not hashed', () => SAMPLES.pagefindJs],
    ['a download', () => SAMPLES.download],
  ])('%s revalidates: unchanged, it is not sent again (304), compressed or not', async (_what, file) => {
    for (const [server, url] of [
      ['apache', apache.baseUrl + file()],
      ['nginx', nginxUrl + file()],
    ] as const)
      for (const encoding of ['gzip', 'identity']) {
        const first = await fetch(url, { headers: { 'accept-encoding': encoding } });
        await first.arrayBuffer();
        const etag = first.headers.get('etag');
        expect(etag, `${server} ${encoding}: ETag`).toBeTruthy();
        const again = await fetch(url, { headers: { 'accept-encoding': encoding, 'if-none-match': etag! } });
        expect(again.status, `${server} ${encoding}: revalidation`).toBe(304);
        expect(again.headers.get('cache-control'), `${server} ${encoding}: Cache-Control on the 304`).toBe(first.headers.get('cache-control'));
      }
  });

  test('text is compressed; Pagefind’s files, compressed already, are sent as they are', async () => {
    const gzip = { headers: { 'accept-encoding': 'gzip' } };
    expect((await headersOf(apache.baseUrl + SAMPLES.page, gzip)).encoding).toBe('gzip');
    const fragment = await headersOf(apache.baseUrl + SAMPLES.fragment, gzip);
    expect(fragment.encoding).toBeNull();
    expect(fragment.body.equals(readFileSync(join(DIST, SAMPLES.fragment)))).toBe(true);
  });
});

describe(`under a sub-path (${SUB}), the ErrorDocument line edited as the README says`, () => {
  test('pages, assets and headers', async () => {
    const page = await headersOf(`${sub.baseUrl}review-2020/`);
    expect(page.status, sub.errorLog()).toBe(200);
    expect(page.headers['content-security-policy']).toBe(headerPolicy());
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    // The folder's address gets its pre-compressed index.html.gz under the sub-path too.
    expect(page.encoding).toBe('gzip');
    expect(page.length).toBe(statSync(join(subDist, 'review-2020/index.html.gz')).size);
    const html = page.body.toString('utf8');
    const asset = /(?:src|href)="(\/reports\/cixi-2021\/_astro\/[^"]+)"/.exec(html)?.[1];
    expect(asset).toBeTruthy();
    const a = await headersOf(sub.origin + asset);
    expect(a.status).toBe(200);
    expect(a.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  test('the 404 page is the sub-path site’s own', async () => {
    const missing = await headersOf(`${sub.baseUrl}no-such-page/`);
    expect(missing.status).toBe(404);
    expect(missing.body.toString('utf8')).toBe(readFileSync(join(subDist, '404.html'), 'utf8'));
  });
});

describe('search through Apache in Chromium', () => {
  const sample = benchmarkQueries().filter((_, i) => i % 8 === 0);

  test.each([
    ['at the root', () => apache.baseUrl],
    [`under ${SUB}`, () => sub.baseUrl],
  ])('%s: the search page answers as the oracle does, with nothing failing', async (_where, url) => {
    browser ??= await launch();
    const page = await browser.newPage();
    const errors = collectErrors(page);
    for (const { q } of sample) {
      await page.goto(`${url()}search/?q=${encodeURIComponent(q)}`);
      await page.locator('.search-page__status').filter({ hasText: /找到/ }).waitFor();
      const listed = await page.locator('[data-group="paragraphs"] .result__pnum').allTextContents();
      expect(listed.map((t) => Number(t.slice(1))).sort((a, b) => a - b), q).toEqual(expectedParagraphs(q));
      // Pagefind may still be loading an index chunk once the results show; leaving the page then
      // cuts the fetch short and Pagefind reports it, as it would for a reader who moves on.
      await page.waitForLoadState('networkidle');
    }
    expect(errors).toEqual([]);
    await page.close();
  });
});
