/**
 * The source is sacred: read in chapter order, the report text of the chapter pages holds every
 * non-empty line of the source (emendations applied) in order — title block, salutation,
 * headings and paragraphs — and nothing of the source is missing.
 */
import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { removeWordArtifacts } from '../../src/report/emendations.ts';
import { currentEdition } from '../../src/edition/load-edition.ts';
import { sourceFile } from '../../src/report/source.ts';
import { fileFor, load, pageUrl, reportText } from '../support/site.ts';

test('the chapters, read in order, show every line of the source in order', () => {
  const chapterLinks = [...load('index.html').querySelectorAll('.toc__chapter-link')].map(
    (a) => fileFor(new URL(a.getAttribute('href')!, pageUrl('index.html')))!,
  );
  expect(chapterLinks.length).toBe(currentEdition().chapters.length);
  const text = chapterLinks.map((file) => reportText(load(file).querySelector('main article')!)).join('\n');
  const lines = removeWordArtifacts(readFileSync(sourceFile(), 'utf8'))
    .text.split(/\r?\n|\r/)
    .map((l) => l.trim())
    .filter(Boolean);
  let from = 0;
  for (const line of lines) {
    const at = text.indexOf(line, from);
    expect(at, `source line “${line.slice(0, 30)}…” is missing or out of order`).toBeGreaterThanOrEqual(from);
    from = at + line.length;
  }
});
