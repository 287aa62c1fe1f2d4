/**
 * Reading the built site in Node: its pages, their DOM (linkedom), the report text of an element
 * (editorial UI left out), and where an internal URL lands in the build. The build is `dist/`,
 * or the folder `DIST` names (the test projects of other editions set it, with `EDITION`).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { parseHTML } from 'linkedom';
import { basePath } from '../../src/site/base-path.ts';

export const DIST = process.env.DIST ?? 'dist';
export const BASE = basePath(process.env.BASE_PATH);
/** A stand-in origin to resolve relative URLs against. */
export const ORIGIN = 'http://edition.invalid';

/** Every HTML file under a build folder (dist/ by default), as paths relative to it with forward slashes. */
export function htmlFiles(dir = DIST): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const full = join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (name.endsWith('.html')) out.push(relative(dir, full).split(sep).join('/'));
    }
  };
  walk(dir);
  return out.sort();
}

/** The URL a page file is served at, e.g. `review-2020/index.html` → `/base/review-2020/`. */
export function pageUrl(file: string): string {
  return ORIGIN + BASE + file.replace(/(^|\/)index\.html$/, '$1');
}

/** The file under dist/ that an absolute URL of the site maps to, or undefined if outside the base. */
export function fileFor(url: URL): string | undefined {
  if (url.origin !== ORIGIN || !url.pathname.startsWith(BASE)) return undefined;
  let path = decodeURIComponent(url.pathname.slice(BASE.length));
  if (path === '' || path.endsWith('/')) path += 'index.html';
  return path;
}

export function exists(file: string): boolean {
  return existsSync(join(DIST, file)) && statSync(join(DIST, file)).isFile();
}

const cache = new Map<string, Document>();

/** The parsed DOM of a page file. */
export function load(file: string): Document {
  let document = cache.get(file);
  if (!document) {
    document = parseHTML(readFileSync(join(DIST, file), 'utf8')).document as unknown as Document;
    cache.set(file, document);
  }
  return document;
}

/** The text of an element with everything marked `data-edition-ui` left out: the report's text. */
export function reportText(element: Element): string {
  const clone = element.cloneNode(true) as Element;
  for (const ui of clone.querySelectorAll('[data-edition-ui]')) ui.remove();
  return clone.textContent ?? '';
}

/** The target of a page's `<meta http-equiv="refresh">`, resolved against the page's URL. */
export function refreshTarget(file: string): URL | undefined {
  const meta = load(file).querySelector('meta[http-equiv="refresh"]');
  const match = /url=(.+)$/i.exec(meta?.getAttribute('content') ?? '');
  return match ? new URL(match[1]!.trim(), pageUrl(file)) : undefined;
}

/** Whether a page file is a permalink page `p/N/index.html`. */
export const isPermalink = (file: string) => /^p\/\d+\/index\.html$/.test(file);

/**
 * The permalink pages a browser test visits: the first, every tenth and the last. They are one
 * template (a meta refresh to `chapter/#p-N`); every one of them is checked statically, once, by
 * tests/site/paragraph-text.test.ts (target, refresh, canonical, metadata, the ¶ in its chapter).
 */
export function permalinkSample(files: readonly string[]): string[] {
  const permalinks = files.filter(isPermalink).sort((a, b) => parseInt(a.slice(2)) - parseInt(b.slice(2)));
  return permalinks.filter((_, i) => i === 0 || (i + 1) % 10 === 0 || i === permalinks.length - 1);
}
