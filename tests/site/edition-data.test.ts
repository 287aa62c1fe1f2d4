/**
 * The edition's data, whichever parts it has: every formula and number in a data-check note is
 * arithmetically right, and every figure a note or an indicator table relies on stands verbatim
 * in the report; and nothing of another edition's report is in this one's build.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { currentEdition, readEdition } from '../../src/edition/load-edition.ts';
import { loadDataChecks } from '../../src/report/data-checks.ts';
import { loadIndicatorTables, toCsv, toGfm } from '../../src/indicators/indicators.ts';
import { DIST, exists, load } from '../support/site.ts';
import { EDITIONS } from '../support/test-editions.ts';

const edition = currentEdition();
const source = new Map(edition.source.model.paragraphs.map((p) => [p.n, p.text]));

/** Evaluates plain arithmetic (numbers, + - * / ** and parentheses) and nothing else. */
function evaluate(expr: string): number {
  if (!/^[\d\s.+\-*/()]+$/.test(expr)) throw new Error(`not plain arithmetic: ${expr}`);
  return Function(`"use strict"; return (${expr});`)() as number;
}

const decimals = (value: string) => (value.split('.')[1] ?? '').length;

test('the apparatus has its pages exactly when the edition has it, and nothing links to a missing one', () => {
  const pages = { glossary: ['glossary/index.html', 'glossary-summaries.json', 'glossary-terms.json'], indicators: ['indicators/index.html'] };
  for (const [part, files] of Object.entries(pages)) for (const file of files) expect(exists(file), file).toBe(!!edition.paths[part as keyof typeof pages]);
  const home = load('index.html');
  expect(home.querySelector('a[href$="/glossary/"]') !== null).toBe(!!edition.paths.glossary);
  expect(home.querySelector('a[href$="/indicators/"]') !== null).toBe(!!edition.paths.indicators);
  expect(load('search/index.html').querySelector('[data-glossary-terms]') !== null).toBe(!!edition.paths.glossary);
  expect(load(`${edition.chapters[1]!.slug}/index.html`).querySelector('#term-popover') !== null).toBe(!!edition.paths.glossary);
});

describe.each(edition.paths.dataChecks ? loadDataChecks(edition.paths.dataChecks) : [])('data check $id', (check) => {
  test('its quotes stand verbatim in the report', () => {
    for (const q of check.quotes) expect(source.get(q.p), `¶${q.p}`).toContain(q.text);
  });

  test.each(check.checks)('$expr ≈ $value, and the note shows it', ({ expr, value }) => {
    const exact = evaluate(expr);
    // Rounded to the places the note shows, the exact result is the value shown.
    expect(exact.toFixed(decimals(value)), `${expr} = ${exact}`).toBe(value);
    expect(check.note).toContain(`\\approx ${value}`);
  });

  test('every ¶ it names exists', () => {
    for (const m of check.note.matchAll(/¶(\d+)/g)) expect(source.has(Number(m[1]))).toBe(true);
  });
});

describe.each(edition.paths.indicators ? loadIndicatorTables(edition.paths.indicators, edition.indicatorOrder) : [])('indicator table $id', (table) => {
  test.each(table.rows)('$indicator ($scope): $value$unit stands verbatim in ¶$paragraph', (row) => {
    expect(source.get(row.paragraph)).toContain(`${row.value}${row.unit}`);
    if (row.scope !== '未注明') expect(source.get(row.paragraph)).toContain(row.scope);
  });

  test('CSV: UTF-8 BOM, header, one line per row, CRLF', () => {
    const csv = toCsv(table);
    expect(csv.startsWith('\uFEFF指标,数值,单位,口径,段落\r\n')).toBe(true);
    expect(csv.trimEnd().split('\r\n')).toHaveLength(table.rows.length + 1);
  });

  test('GFM: a header, a delimiter row and one row per indicator', () => {
    expect(toGfm(table, (n) => `#p-${n}`).split('\n')).toHaveLength(table.rows.length + 2);
  });
});

test('the build names no other edition’s report', () => {
  const others = EDITIONS.map((e) => readEdition(resolve(e.edition))).filter((e) => e.id !== edition.id);
  const words = others.flatMap((e) => [e.titleBlock.place, e.issuer, e.titleBlock.speaker.name, e.id]).filter((w) => !edition.issuer.includes(w));
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (/\.(html|js|css|json|txt|xml|svg|csv)$/.test(name)) {
        const text = readFileSync(full, 'utf8');
        for (const w of words) if (text.includes(w)) found.push(`${full}: ${w}`);
      }
    }
  };
  walk(DIST);
  expect(found).toEqual([]);
});
