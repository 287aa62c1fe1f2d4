/**
 * The shipped server configs serve every file type of the build, with UTF-8 for text, and
 * send the same Content-Security-Policy as the pages' meta tag (plus frame-ancestors).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseXml } from '../support/xml.ts';
import { describe, expect, test } from 'vitest';
import { currentEdition } from '../../src/edition/load-edition.ts';
import { MIN_BYTES, PRECOMPRESSED } from '../../src/integrations/precompress.ts';
import { headerPolicy, metaPolicy } from '../../src/security/csp.ts';
import { DIST, htmlFiles, load } from '../support/site.ts';

const nginx = readFileSync('deploy/nginx/edition.conf', 'utf8');
const apache = readFileSync('deploy/apache/.htaccess', 'utf8');
const iis = readFileSync('deploy/iis/web.config', 'utf8');

/**
 * The extensions of the files a browser is sent. A `.gz` is not one: it is one of those files
 * compressed, sent in its place with its type (src/integrations/precompress.ts).
 */
function extensions(dir: string, out = new Set<string>()): Set<string> {
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) extensions(full, out);
    else if (/\.[^.]+$/.test(name) && !name.startsWith('.') && name !== 'web.config' && !name.endsWith('.gz')) out.add(name.replace(/^.*\./, ''));
  }
  return out;
}

const built = [...extensions(DIST)].sort();
/** KaTeX's fonts ship only with an edition that shows formulas; the configs serve them always. */
const hasMath = htmlFiles().some((f) => load(f).querySelector('.katex') !== null);

describe('every file type of the build has a MIME type in every config', () => {
  test('the build has the types we expect, Pagefind’s among them', () => {
    const csv = currentEdition().paths.indicators ? ['csv'] : [];
    const fonts = hasMath ? ['woff2'] : [];
    expect(built).toEqual(expect.arrayContaining(['html', 'css', 'js', 'json', ...csv, ...fonts, 'pagefind', 'pf_meta', 'pf_index', 'pf_fragment']));
  });
  test.each([...new Set([...built, 'woff2'])])('.%s', (ext) => {
    expect(nginx, 'nginx types {}').toMatch(new RegExp(`^\\s+\\S+\\s+[^;]*\\b${ext}\\b[^;]*;`, 'm'));
    expect(apache, '.htaccess AddType').toMatch(new RegExp(`^AddType \\S+ .*\\.${ext}\\b`, 'm'));
    expect(iis, 'web.config mimeMap').toContain(`<mimeMap fileExtension=".${ext}"`);
    expect(iis, 'web.config removes before it adds').toContain(`<remove fileExtension=".${ext}" />`);
  });
});

test('the build pre-compresses exactly the types nginx compresses', () => {
  const types = new Map<string, string>();
  for (const [, type, exts] of nginx.match(/types \{([^}]*)\}/)![1]!.matchAll(/^\s*(\S+)\s+([^;]+);/gm)) for (const ext of exts!.trim().split(/\s+/)) types.set(ext, type!);
  // nginx compresses text/html whatever gzip_types says.
  const compressed = new Set(['text/html', ...nginx.match(/gzip_types ([^;]+);/)![1]!.split(/\s+/)]);
  expect([...PRECOMPRESSED].sort()).toEqual([...types].filter(([, type]) => compressed.has(type)).map(([ext]) => ext).sort());
  expect(nginx).toMatch(new RegExp(`gzip_min_length ${MIN_BYTES};`));
  expect(nginx).toMatch(/gzip_static on;/);
  expect(nginx).toMatch(/gzip_vary on;/);
});

test('text is served as UTF-8 by every config', () => {
  expect(nginx).toMatch(/charset utf-8;/);
  expect(nginx).toMatch(/charset_types [^;]*text\/csv[^;]*application\/json/);
  expect(apache).toMatch(/AddCharset utf-8 .*\.html .*\.json .*\.csv/);
  for (const ext of ['html', 'json', 'csv']) expect(iis).toMatch(new RegExp(`fileExtension="\\.${ext}" mimeType="[^"]*charset=utf-8"`));
});

test('every config sends the edition’s CSP, with frame-ancestors', () => {
  const policy = headerPolicy();
  expect(policy).toContain("frame-ancestors 'self'");
  expect(nginx.match(/add_header Content-Security-Policy "([^"]+)"/g)!.every((l) => l.includes(`"${policy}"`))).toBe(true);
  // Downloads are sent as attachments, to be opened from disk under their own policy.
  expect(nginx).toMatch(/location ~ \/downloads\/ \{\s+add_header Content-Disposition "attachment" always;/);
  expect(apache).toContain(`Header always set Content-Security-Policy "${policy}"`);
  expect(iis).toContain(`<add name="Content-Security-Policy" value="${policy}" />`);
});

test('cache headers: hashed files immutable, pages revalidated', () => {
  expect(nginx).toMatch(/add_header Cache-Control "no-cache" always;/);
  expect(nginx).toMatch(/location ~ \/\(_astro\|pagefind\/fragment\|pagefind\/index\|katex\)\/ \{\s+add_header Cache-Control "public, max-age=31536000, immutable"/);
  expect(iis).toContain('cacheControlCustom="immutable"');
});

test('web.config is well-formed XML, and the build ships it and .htaccess', () => {
  const xml = parseXml(iis, 'deploy/iis/web.config');
  expect(xml.documentElement.nodeName).toBe('configuration');
  expect(xml.getElementsByTagName('system.webServer').length).toBeGreaterThan(0);
  // The parser can tell: the same file with an end tag missing is refused.
  expect(() => parseXml(iis.replace('</system.webServer>', ''), 'broken web.config')).toThrow(/not well-formed/);
  expect(readFileSync(join(DIST, 'web.config'), 'utf8')).toBe(iis);
  expect(readFileSync(join(DIST, '.htaccess'), 'utf8')).toBe(apache);
});

test.each(htmlFiles().filter((f) => !f.startsWith('downloads/')))('%s carries the CSP meta tag, without frame-ancestors', (file) => {
  const meta = load(file).querySelector('meta[http-equiv="Content-Security-Policy"]');
  expect(meta?.getAttribute('content')).toBe(metaPolicy());
  // No inline script anywhere: script-src 'self' must hold without hashes. JSON data blocks
  // (the JSON-LD reference managers read) are never run, so CSP does not apply to them.
  const dataBlock = (s: Element) => ['application/json', 'application/ld+json'].includes(s.getAttribute('type') ?? '');
  expect([...load(file).querySelectorAll('script:not([src])')].filter((s) => !dataBlock(s))).toEqual([]);
});
