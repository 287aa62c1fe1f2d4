/**
 * Every internal link of every page resolves: the page or file exists under dist/, and a
 * `#fragment` names an element on the target page. A broken fragment is reported with the
 * fragments that do exist, so the fix is obvious.
 */
import { expect, test } from 'vitest';
import { loadSource } from '../../src/report/source.ts';
import { exists, fileFor, htmlFiles, load, pageUrl, refreshTarget } from '../support/site.ts';

const pages = htmlFiles();

function nearest(wanted: string, ids: string[]): string[] {
  const prefix = wanted.replace(/-?\d+$/, '');
  return ids.filter((id) => id.startsWith(prefix)).slice(0, 8);
}

test('the site has its pages: the home page, a permalink page per ¶, and more', () => {
  expect(pages.length).toBeGreaterThan(loadSource().paragraphs.length + 5);
});

test.each(pages)('%s: every internal link resolves', (file) => {
  const document = load(file);
  const problems: string[] = [];
  const urls: URL[] = [];
  for (const el of document.querySelectorAll('a[href], link[href], script[src], img[src], form[action]')) {
    const raw = el.getAttribute('href') ?? el.getAttribute('src') ?? el.getAttribute('action')!;
    urls.push(new URL(raw, pageUrl(file)));
  }
  const refresh = refreshTarget(file);
  if (refresh) urls.push(refresh);
  for (const url of urls) {
    if (url.protocol === 'data:') continue; // embedded in the page (the offline edition's icon)
    if (url.protocol !== 'http:' || url.origin !== new URL(pageUrl(file)).origin) {
      problems.push(`${url.href}: not a page of this site`);
      continue;
    }
    const target = fileFor(url);
    if (!target) {
      problems.push(`${url.pathname}: outside the site's base path`);
      continue;
    }
    if (!exists(target)) {
      problems.push(`${url.pathname}: no such file (${target})`);
      continue;
    }
    const fragment = decodeURIComponent(url.hash.slice(1));
    if (fragment && target.endsWith('.html')) {
      const ids = [...load(target).querySelectorAll('[id]')].map((e) => e.id);
      if (!ids.includes(fragment))
        problems.push(`${url.pathname}#${fragment}: no such id on ${target}; ids there: ${nearest(fragment, ids).join(', ') || ids.slice(0, 8).join(', ')}`);
    }
  }
  expect(problems).toEqual([]);
});
