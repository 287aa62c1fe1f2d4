/**
 * The pre-compressed files, served (src/integrations/precompress.ts stores them): the project's
 * nginx config (running for the browser tests) and the shipped `.htaccess` on Apache with
 * mod_rewrite send a chapter page, its stylesheet and its script, the 404 page and a download,
 * asked for with `Accept-Encoding: gzip`, as the stored `.gz` byte for byte, with
 * `Content-Encoding: gzip`, the file's own type and charset, `Vary: Accept-Encoding`, and the
 * same cache and security headers as the plain file, which goes to a client that does not ask
 * for gzip. Apache where the administrator has not opted in (deploy/apache/.htaccess), even a
 * hardened one with Options None, still serves the site as before: compressed on the fly.
 *
 * Requests go through node:http, which hands over the body as sent; fetch would gunzip it.
 */
import { request, type IncomingHttpHeaders } from 'node:http';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { currentEdition } from '../../src/edition/load-edition.ts';
import { downloadPaths } from '../../src/integrations/downloads.ts';
import { startApache, webRoot, type RunningApache } from '../support/apache.ts';
import { DIST, exists, fileFor, load, pageUrl } from '../support/site.ts';

const nginxUrl = inject('baseUrl');
const base = inject('base');

/** The headers the configs set, which must not change with the encoding. */
const HEADERS = ['content-type', 'cache-control', 'content-security-policy', 'x-content-type-options', 'referrer-policy', 'content-disposition'] as const;

interface Response {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** GET `url`, with `Accept-Encoding` if given, the body as it came over the wire. */
function get(url: string, acceptEncoding?: string): Promise<Response> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {} }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

const pick = (r: Response) => Object.fromEntries(HEADERS.map((h) => [h, r.headers[h] ?? null]));
const varies = (r: Response) => /(^|,)\s*accept-encoding\s*(,|$)/i.test(String(r.headers.vary ?? ''));

/** The chapter page with the most bytes, and the first stylesheet and module script it loads. */
const chapter = currentEdition()
  .chapters.map((c) => `${c.slug}/index.html`)
  .sort((a, b) => readFileSync(join(DIST, b)).length - readFileSync(join(DIST, a)).length)[0]!;
const linked = (selector: string, attribute: string) =>
  [...load(chapter).querySelectorAll(selector)].map((el) => fileFor(new URL(el.getAttribute(attribute)!, pageUrl(chapter)))!).find((f) => exists(`${f}.gz`));
const SAMPLES = {
  'a chapter page': { path: chapter.replace(/index\.html$/, ''), file: chapter },
  'its stylesheet': { path: linked('link[rel="stylesheet"]', 'href')!, file: linked('link[rel="stylesheet"]', 'href')! },
  'its script': { path: linked('script[type="module"][src]', 'src')!, file: linked('script[type="module"][src]', 'src')! },
  'a download': { path: downloadPaths(currentEdition()).offline, file: downloadPaths(currentEdition()).offline },
};
const samples = Object.entries(SAMPLES);

let apache: RunningApache;
let plainApache: RunningApache;
let www: string;

beforeAll(async () => {
  www = webRoot([{ dist: DIST, base }]);
  // The plain server is a hardened one that has not opted in: mod_rewrite loaded, Options None
  // (where RewriteEngine in .htaccess would refuse every request), no Define EDITION_PRECOMPRESSED.
  [apache, plainApache] = await Promise.all([startApache(www, base), startApache(www, base, { precompressed: false, directoryOptions: 'None' })]);
});
afterAll(async () => {
  await Promise.all([apache?.stop(), plainApache?.stop()]);
  rmSync(www, { recursive: true, force: true });
});

test('the samples are files the build pre-compressed', () => {
  for (const { file } of Object.values(SAMPLES)) expect(exists(`${file}.gz`), `${file}.gz`).toBe(true);
  expect(SAMPLES['its stylesheet'].file).toMatch(/\.css$/);
  expect(SAMPLES['its script'].file).toMatch(/\.js$/);
});

describe.each([
  ['nginx', () => nginxUrl],
  ['Apache with mod_rewrite', () => apache.baseUrl],
])('%s', (_server, url) => {
  test.each(samples)('%s: the stored .gz, with the plain file’s type and headers', async (_what, { path, file }) => {
    const [gz, plain] = await Promise.all([get(url() + path, 'gzip, deflate, br'), get(url() + path)]);
    expect(gz.status).toBe(200);
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gz.body.equals(readFileSync(join(DIST, `${file}.gz`))), `${path}: not the bytes of ${file}.gz`).toBe(true);
    expect(varies(gz), `Vary: ${gz.headers.vary}`).toBe(true);
    expect(plain.status).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.equals(readFileSync(join(DIST, file)))).toBe(true);
    expect(varies(plain), `Vary: ${plain.headers.vary}`).toBe(true);
    expect(pick(gz)).toEqual(pick(plain));
    if (/\.(html|css|js)$/.test(file)) expect(gz.headers['content-type']).toMatch(/^(text\/html|text\/css|text\/javascript); charset=utf-8$/);
  });

  test('the 404 page: its .gz, with status 404', async () => {
    const [gz, plain] = await Promise.all([get(`${url()}no-such-page/`, 'gzip'), get(`${url()}no-such-page/`)]);
    expect([gz.status, plain.status]).toEqual([404, 404]);
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gz.body.equals(readFileSync(join(DIST, '404.html.gz')))).toBe(true);
    expect(plain.body.equals(readFileSync(join(DIST, '404.html')))).toBe(true);
    expect(pick(gz)).toEqual(pick(plain));
  });

  test('a client that refuses gzip gets the plain file', async () => {
    const { path, file } = SAMPLES['a chapter page'];
    const identity = await get(url() + path, 'identity');
    expect(identity.headers['content-encoding']).toBeUndefined();
    expect(identity.body.equals(readFileSync(join(DIST, file)))).toBe(true);
  });
});

test.each(samples)('Apache and nginx send %s pre-compressed with the same headers', async (_what, { path }) => {
  const [a, n] = await Promise.all([get(apache.baseUrl + path, 'gzip'), get(nginxUrl + path, 'gzip')]);
  expect(pick(a)).toEqual(pick(n));
  expect(a.body.equals(n.body)).toBe(true);
});

test('a browser that refuses gzip (gzip;q=0) gets the plain page from nginx and Apache', async () => {
  const path = SAMPLES['a chapter page'].path;
  for (const origin of [nginxUrl, apache.baseUrl]) {
    const page = await get(origin + path, 'gzip;q=0, identity');
    expect(page.status, origin).toBe(200);
    expect(page.headers['content-encoding'], origin).toBeUndefined();
    expect(page.body.equals(readFileSync(join(DIST, SAMPLES['a chapter page'].file))), origin).toBe(true);
  }
});

describe('Apache not opted in (mod_rewrite on, Options None): the site as before, compressed on the fly', () => {
  test.each(samples)('%s', async (_what, { path, file }) => {
    const [gz, plain, withRewrite] = await Promise.all([get(plainApache.baseUrl + path, 'gzip'), get(plainApache.baseUrl + path), get(apache.baseUrl + path, 'gzip')]);
    expect(gz.status, plainApache.errorLog()).toBe(200);
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.body).equals(readFileSync(join(DIST, file)))).toBe(true);
    expect(plain.body.equals(readFileSync(join(DIST, file)))).toBe(true);
    expect(pick(gz)).toEqual(pick(withRewrite));
  });

  test('the 404 page (which mod_deflate sends as it is)', async () => {
    const missing = await get(`${plainApache.baseUrl}no-such-page/`, 'gzip');
    expect(missing.status).toBe(404);
    const body = missing.headers['content-encoding'] === 'gzip' ? gunzipSync(missing.body) : missing.body;
    expect(body.equals(readFileSync(join(DIST, '404.html')))).toBe(true);
  });
});
