/**
 * The code knows reports only as data: nothing under `src/` names the default edition's report
 * (its place, issuer, speaker, id, year, chapter URLs, paragraph or section count). What belongs
 * to one report lives in its edition folder. The forbidden words are read from that folder, so
 * the test follows the edition and cannot drift from it.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { readEdition } from '../../src/edition/load-edition.ts';

const edition = readEdition('content');
const model = edition.source.model;
const sections = model.parts.reduce((n, p) => n + p.blocks.filter((b) => b.type === 'section').length, 0);
/** Slugs any edition gets from `npm run new` are the engine's own, not this report's. */
const engineSlugs = /^(opening|part-\d+)$/;

const words = [
  edition.titleBlock.place,
  edition.shortName,
  edition.issuer,
  edition.titleBlock.speaker.name,
  edition.titleBlock.meeting,
  edition.id,
  edition.id.split('-')[0]!,
  ...edition.chapters.map((c) => c.slug).filter((s) => !engineSlugs.test(s)),
];
const numbers = [edition.year, model.paragraphs.length, sections];

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? files(full) : [full];
  });
}

test.each(files('src'))('%s names no report', (file) => {
  const text = readFileSync(file, 'utf8');
  const found = words.filter((w) => text.toLowerCase().includes(w.toLowerCase()));
  // Numbers as numbers: not inside other numbers, words (base64) or ranges (¶12–15, p-12-15).
  if (!file.endsWith('.css'))
    for (const n of numbers) if (new RegExp(`(?<![\\w.\\-–—¶])${n}(?![\\w.])`).test(text)) found.push(String(n));
  expect(found, `${file} names the report: ${found.join(', ')}. Move it into the edition folder (edition.yaml or its data).`).toEqual([]);
});
