/**
 * Weight budgets over dist/, in gzipped bytes (level 6, as the shipped nginx config serves):
 * - JavaScript a page loads before any interaction ≤ 10 KB (module scripts and their static
 *   imports, classic scripts; code behind a dynamic import() loads only on use);
 * - CSS ≤ 20 KB, KaTeX's only on pages that show math;
 * - no web fonts but KaTeX's, and those only where math is shown;
 * - a chapter page's HTML ≤ 1.5 × the gzipped report text it carries + 8 KB.
 * A budget that fails names the page and the file that grew.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { currentEdition } from '../../src/edition/load-edition.ts';
import { KATEX_DIR } from '../../src/integrations/katex-assets.ts';
import { DIST, fileFor, htmlFiles, load, pageUrl, reportText } from '../support/site.ts';

const gz = (file: string) => gzipSync(readFileSync(join(DIST, file)), { level: 6 }).length;
const KB = 1024;
const pages = htmlFiles().filter((f) => !f.startsWith('p/') && !f.startsWith('downloads/'));
const chapters = currentEdition().chapters.map((c) => `${c.slug}/index.html`);

/** A script file and every file it imports statically, transitively. */
function staticGraph(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  const code = readFileSync(join(DIST, file), 'utf8');
  for (const m of code.matchAll(/(?:^|[;}\s])import\s*(?:[\w{},*\s$]+from\s*)?["']([^"']+)["']/g)) {
    const target = posix.normalize(posix.join(dirname(file), m[1]!));
    staticGraph(target, seen);
  }
  return seen;
}

function assets(page: string) {
  const document = load(page);
  const resolve = (href: string) => fileFor(new URL(href, pageUrl(page)))!;
  const scripts = new Set<string>();
  for (const s of document.querySelectorAll('script[src]')) {
    const file = resolve(s.getAttribute('src')!);
    if (s.getAttribute('type') === 'module') for (const f of staticGraph(file)) scripts.add(f);
    else scripts.add(file);
  }
  const styles = [...document.querySelectorAll('link[rel="stylesheet"]')].map((l) => resolve(l.getAttribute('href')!));
  return { scripts: [...scripts], styles, hasMath: document.querySelector('.katex') !== null };
}

const describeFiles = (files: string[]) => files.map((f) => `${f} ${(gz(f) / KB).toFixed(1)} KB`).join(', ');

describe.each(pages)('%s', (page) => {
  const { scripts, styles, hasMath } = assets(page);

  test('JavaScript before interaction ≤ 10 KB', () => {
    const total = scripts.reduce((sum, f) => sum + gz(f), 0);
    expect(total, `${page} loads ${describeFiles(scripts)}`).toBeLessThanOrEqual(10 * KB);
  });

  test('CSS ≤ 20 KB, KaTeX’s only where there is math', () => {
    const own = styles.filter((f) => !f.startsWith('katex/'));
    const total = own.reduce((sum, f) => sum + gz(f), 0);
    expect(total, `${page} loads ${describeFiles(own)}`).toBeLessThanOrEqual(20 * KB);
    expect(styles.some((f) => f.startsWith('katex/')), `${page}: KaTeX CSS ${hasMath ? 'missing though the page has math' : 'loaded though the page has no math'}`).toBe(hasMath);
  });

  test('no web fonts except KaTeX’s', () => {
    for (const css of styles.filter((f) => !f.startsWith('katex/')))
      expect(readFileSync(join(DIST, css), 'utf8'), `${css} declares a web font`).not.toMatch(/@font-face/);
  });
});

describe.each(chapters)('%s', (page) => {
  test('HTML ≤ 1.5 × its gzipped report text + 8 KB', () => {
    const text = reportText(load(page).querySelector('main article')!).replace(/\s+/g, '');
    const budget = 1.5 * gzipSync(Buffer.from(text), { level: 6 }).length + 8 * KB;
    expect(gz(page), `${page} is ${(gz(page) / KB).toFixed(1)} KB gzipped; budget ${(budget / KB).toFixed(1)} KB`).toBeLessThanOrEqual(budget);
  });
});

test('KaTeX fonts are referenced only by KaTeX’s stylesheet', () => {
  const css = readFileSync(join(DIST, `${KATEX_DIR}/katex.min.css`), 'utf8');
  expect(css).toMatch(/@font-face/);
  expect(css).not.toMatch(/https?:\/\//);
});
