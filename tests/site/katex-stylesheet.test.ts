/**
 * The KaTeX stylesheet the built site ships (src/integrations/katex-stylesheet.ts) is KaTeX's own
 * cut to the edition's formulas, and the cut lost nothing they use. Read from the build: every
 * formula of every page, KaTeX's whole stylesheet from node_modules, and the file pages link.
 *
 * - every class a formula uses that KaTeX's stylesheet styles, the shipped one styles too;
 * - every rule of KaTeX's stylesheet that applies to an element of a formula (by the selector,
 *   asked of the page's DOM: an oracle apart from csso's usage filter the build prunes with) is
 *   shipped, declaration for declaration;
 * - one file for every page, named by its content; each font it names is in the build, and no
 *   other font is.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { dirname, join, posix } from 'node:path';
import { minify, syntax } from 'csso';
import { describe, expect, test } from 'vitest';
import { KATEX_DIR } from '../../src/integrations/katex-assets.ts';
import { DIST, fileFor, htmlFiles, load, pageUrl } from '../support/site.ts';

const FULL = readFileSync(join(dirname(createRequire(import.meta.url).resolve('katex/package.json')), 'dist', 'katex.min.css'), 'utf8');

interface CssNode {
  type: string;
  property?: string;
  value?: CssNode;
  prelude?: CssNode;
  block?: CssNode;
  children?: { toArray(): CssNode[] } | null;
}

/** A stylesheet's style rules as `selector { declaration }` pairs, each selector and declaration as csso writes it. */
function declarations(css: string): { selector: string; declaration: string }[] {
  const out: { selector: string; declaration: string }[] = [];
  syntax.walk(syntax.parse(minify(css, { restructure: false, comments: false }).css), {
    visit: 'Rule',
    enter(rule: CssNode) {
      const selectors = (rule.prelude?.children?.toArray() ?? []).map((s) => syntax.generate(s));
      for (const d of rule.block?.children?.toArray() ?? [])
        if (d.type === 'Declaration') for (const selector of selectors) out.push({ selector, declaration: `${d.property}:${syntax.generate(d.value!)}` });
    },
  });
  return out;
}

/** The class names a stylesheet's selectors name. */
function classNames(css: string): Set<string> {
  const names = new Set<string>();
  syntax.walk(syntax.parse(css), { visit: 'ClassSelector', enter: (node: { name: string }) => names.add(node.name) });
  return names;
}

/** The site's pages with formulas (the offline file under downloads/ carries its styles inside it). */
const pages = htmlFiles().filter((page) => !page.startsWith('downloads/') && load(page).querySelector('.katex'));
/** Every element of every formula: the `.katex-display` around it, the `.katex`, everything in it. */
const formulaElements = (page: string) => [...load(page).querySelectorAll('.katex-display, .katex, .katex *')];
/** Whether a selector matches an element of a formula on some page (asked of each page once). */
const inFormula = (selector: string) =>
  pages.some((page) => [...load(page).querySelectorAll(selector)].some((el) => el.closest('.katex, .katex-display')));
/** The KaTeX stylesheets a page links, as files of the build. */
const katexLinks = (page: string) =>
  [...load(page).querySelectorAll('link[rel="stylesheet"]')]
    .map((l) => fileFor(new URL(l.getAttribute('href')!, pageUrl(page)))!)
    .filter((file) => file.startsWith(`${KATEX_DIR}/`));

if (pages.length === 0) {
  test('an edition without formulas ships no KaTeX stylesheet and no KaTeX font', () => {
    expect(existsSync(join(DIST, KATEX_DIR))).toBe(false);
  });
} else {
  const sheets = new Set(pages.flatMap(katexLinks));
  const file = [...sheets][0]!;
  const shipped = readFileSync(join(DIST, file), 'utf8');

  describe('the KaTeX stylesheet', () => {
    test('one file for every page with formulas, named by its content', () => {
      for (const page of pages) expect(katexLinks(page), `${page} shows formulas`).toHaveLength(1);
      expect([...sheets]).toEqual([file]);
      const hash = createHash('sha256').update(shipped).digest('hex').slice(0, 10);
      expect(file).toBe(`${KATEX_DIR}/${hash}/katex.min.css`);
    });

    test('every class a formula uses that KaTeX styles is styled by the shipped file', () => {
      const full = classNames(FULL);
      const kept = classNames(shipped);
      const lost = new Set<string>();
      for (const page of pages)
        for (const el of formulaElements(page)) for (const c of el.classList) if (full.has(c) && !kept.has(c)) lost.add(`${page}: .${c}`);
      expect([...lost]).toEqual([]);
    });

    test('every rule of KaTeX’s stylesheet that applies to a formula’s element is shipped', () => {
      const kept = new Set(declarations(shipped).map(({ selector, declaration }) => `${selector}{${declaration}}`));
      const lost = new Set<string>();
      const applies = new Map<string, boolean>();
      for (const { selector, declaration } of declarations(FULL)) {
        if (!applies.has(selector)) {
          // `::before` and `:after` draw on the element the rest of the selector matches.
          const subject = selector.replace(/::?(before|after)\b/g, '');
          applies.set(selector, inFormula(subject));
        }
        if (applies.get(selector) && !kept.has(`${selector}{${declaration}}`)) lost.add(`${selector}{${declaration}}`);
      }
      expect([...lost]).toEqual([]);
      // The oracle saw the formulas: the rules every KaTeX formula needs apply.
      expect(applies.get('.katex')).toBe(true);
      expect(applies.get('.katex .katex-mathml')).toBe(true);
    }, 30_000);

    test('it names only fonts the build has, and the build has no other KaTeX font', () => {
      const urls = [...shipped.matchAll(/url\(["']?([^)"']+)["']?\)/g)].map((m) => posix.normalize(posix.join(posix.dirname(file), m[1]!)));
      expect(urls.length).toBeGreaterThan(0);
      for (const url of urls) expect(existsSync(join(DIST, url)), `${file} names ${url}`).toBe(true);
      const fonts = readdirSync(join(DIST, KATEX_DIR, 'fonts')).map((f) => `${KATEX_DIR}/fonts/${f}`);
      expect(fonts.sort()).toEqual([...new Set(urls)].sort());
    });

    test('every @font-face is for a family a rule of the file names', () => {
      const rules = shipped.replace(/@font-face\{[^}]*\}/g, '');
      for (const m of shipped.matchAll(/@font-face\{[^}]*font-family:"?([\w-]+)"?/g)) expect(rules, `@font-face ${m[1]}`).toContain(m[1]);
    });
  });
}
