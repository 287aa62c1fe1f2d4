/**
 * The built stylesheets use no selector the oldest browsers the edition supports (Chromium 86,
 * Firefox 78, Safari 14; astro.config.ts, the README) cannot read. Such a browser drops a whole
 * rule when one selector of its list is unknown, so `.a :is(th, td)` or `.x, .y:has(…)` would
 * leave a table unstyled there, with nothing to see in a current browser. The build's minifier
 * does not rewrite them.
 *
 * - `:is()`, `:where()`: Chromium 88, Firefox 78 only under other names, Safari 14 without
 *   `:where()`. Write the selector list out instead.
 * - `:has()` (Chromium 105, Firefox 121, Safari 15.4) only as a rule of its own, as an
 *   enhancement whose loss leaves the page as it was (the glossary's highlight of an entry).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { syntax } from 'csso';
import { expect, test } from 'vitest';
import { DIST } from '../support/site.ts';

interface CssNode {
  type: string;
  name?: string;
  prelude?: CssNode;
  children?: { toArray(): CssNode[] } | null;
}

/** Every .css file the build wrote. */
function cssFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? cssFiles(join(dir, e.name)) : e.name.endsWith('.css') ? [join(dir, e.name)] : [],
  );
}

/** The selectors of a stylesheet that the oldest supported browsers would drop their rule for. */
function unreadable(css: string): string[] {
  const found: string[] = [];
  syntax.walk(syntax.parse(css), {
    visit: 'Rule',
    enter(rule: CssNode) {
      if (rule.prelude?.type !== 'SelectorList') return;
      const selectors = rule.prelude.children?.toArray() ?? [];
      const text = (node: CssNode) => syntax.generate(node as never);
      for (const selector of selectors) {
        const written = text(selector);
        if (/:(is|where)\(/.test(written)) found.push(written);
        else if (/:has\(/.test(written) && selectors.length > 1) found.push(`${written} (in a list of ${selectors.length})`);
      }
    },
  });
  return found;
}

test('the fixture: what the test looks for, it finds', () => {
  expect(unreadable('.a :is(th, td){color:red}.b:where(.c){x:y}.d{e:f}')).toEqual(['.a :is(th,td)', '.b:where(.c)']);
  expect(unreadable('.e:has(>.f:target){g:h}')).toEqual([]);
  expect(unreadable('.e:has(>.f:target),.g{g:h}')).toHaveLength(1);
});

test('no built stylesheet has a selector Chromium 86, Firefox 78 or Safari 14 would drop its rule for', () => {
  const files = cssFiles(DIST);
  expect(files.length).toBeGreaterThan(0);
  const found = files.flatMap((file) => unreadable(readFileSync(file, 'utf8')).map((s) => `${relative(DIST, file)}: ${s}`));
  expect(found).toEqual([]);
});
