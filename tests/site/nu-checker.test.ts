/**
 * The Nu HTML Checker (vnu, the W3C's HTML conformance checker) on every kind of page of the
 * build: every page that is not a permalink (home, chapters, glossary, search, 我的批注, about,
 * indicators, 404, the offline file) and a sample of the permalinks `p/N/` (first, middle, last;
 * all are made by one template). One run of the checker for all of them, with a canary page whose
 * known errors must be reported, so a checker that checked nothing cannot pass.
 *
 * Counted: errors, and warnings about the Content Security Policy (they would mean a blocked
 * script or stylesheet). Not counted: its advice on heading levels. The noise it reports that is
 * not a fault of the pages is filtered narrowly, each kind for a stated reason checked against
 * the page itself; see `NOISE` in tests/support/vnu.ts.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { BASE, DIST, htmlFiles } from '../support/site.ts';
import { counts, describeMessage, noiseOf, runVnu, type VnuMessage } from '../support/vnu.ts';

const all = htmlFiles();
const permalinks = all.filter((f) => /^p\/\d+\/index\.html$/.test(f)).sort((a, b) => parseInt(a.slice(2)) - parseInt(b.slice(2)));
const sample = [...new Set([permalinks[0], permalinks[Math.floor(permalinks.length / 2)], permalinks.at(-1)])].filter((f): f is string => !!f);
const pages = [...all.filter((f) => !f.startsWith('p/')), ...sample];

// The header search box as it was before it became a text input, a script after </html>, and
// a noise-like message that is not noise (a real CSS error): all must be reported.
const CANARY = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>canary</title>
<style>p { colour: red; }</style></head>
<body><form role="search"><input type="search" role="combobox" aria-expanded="false" aria-label="搜索"></form></body></html>
<script type="module" src="/x.js"></script>`;

let dir: string;
let canary: string;
const byFile = new Map<string, VnuMessage[]>();

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'vnu-'));
  canary = join(dir, 'canary.html');
  writeFileSync(canary, CANARY);
  const files = pages.map((f) => resolve(DIST, f));
  for (const m of runVnu([...files, canary])) {
    const path = decodeURIComponent((m.url ?? '').replace(/^file:/, ''));
    const key = path === canary ? 'canary' : pages.find((f) => resolve(path) === resolve(DIST, f)) ?? path;
    byFile.set(key, [...(byFile.get(key) ?? []), m]);
  }
}, 120_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('the pages checked: every page type, and a sample of the permalinks', () => {
  expect(pages).toContain('index.html');
  expect(pages.some((f) => f.startsWith('p/'))).toBe(true);
  expect(pages.length).toBeGreaterThanOrEqual(all.filter((f) => !f.startsWith('p/')).length + 1);
});

test('the checker ran and reports real errors (a canary page), which no noise filter hides', () => {
  const messages = byFile.get('canary') ?? [];
  const errors = messages.filter((m) => counts(m) && !noiseOf(m, { html: CANARY, base: '/' })).map((m) => m.message);
  expect(errors).toEqual(
    expect.arrayContaining([
      expect.stringMatching(/^Bad value “(?:combobox|search)” for attribute “(?:role|type)” on element “input”\.$/),
      'Stray start tag “script”.',
      expect.stringMatching(/^CSS: “colour”: Property “colour” doesn't exist/),
    ]),
  );
  // Messages about pages the checker was not given mean it read something else.
  expect([...byFile.keys()].filter((k) => k !== 'canary' && !pages.includes(k))).toEqual([]);
});

describe.each(pages)('%s', (file) => {
  test('no errors (Nu HTML Checker)', () => {
    const page = { html: readFileSync(join(DIST, file), 'utf8'), base: BASE };
    const problems = (byFile.get(file) ?? []).filter((m) => counts(m) && !noiseOf(m, page)).map(describeMessage);
    expect(problems).toEqual([]);
  });
});
