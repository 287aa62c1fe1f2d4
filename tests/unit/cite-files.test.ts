/**
 * The citation files of the cite panel, read back by another program: Citation.js (the parsers
 * behind many reference tools) parses the RIS, BibTeX and CSL-JSON this edition writes, and
 * every field comes back as written: type, title, author, institution, dates, pages, URL.
 */
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-csl';
import '@citation-js/plugin-ris';
import { describe, expect, test } from 'vitest';
import { citationFiles, citationKey, citedPages, toBibtex, toCslJson, toRis, type CitedPart } from '../../src/cite/files.ts';
import { fullTitle, type CitationInfo } from '../../src/cite/format.ts';
import { readEdition } from '../../src/edition/load-edition.ts';

const edition = readEdition('content');
const { citation } = edition;
/** The day the reader cited on, passed in as the panel passes its clock's day: 29 November 2026. */
const accessed = new Date(2026, 10, 29);
const one: CitedPart = { edition: edition.id, range: { from: 42, to: 42 }, url: 'http://intranet.test/reports/x/p/42/', accessed, language: edition.language };
const range: CitedPart = { ...one, range: { from: 12, to: 15 }, url: 'http://intranet.test/reports/x/work/#p-12-15' };

interface Csl {
  type: string;
  title: string;
  author: { family?: string; literal?: string }[];
  publisher: string;
  issued: { 'date-parts': number[][] };
  accessed: { 'date-parts': number[][] };
  URL: string;
  page: string;
  language: string;
  id: string;
}

/** What Citation.js reads from a file: CSL-JSON items. */
const parse = (text: string) => new Cite(text).data as Csl[];
const name = (a: Csl['author'][number]) => a.literal ?? a.family;

/** The fields every format must carry back unchanged. */
function expectReference(item: Csl, c: CitationInfo, part: CitedPart) {
  expect(item.type).toBe('report');
  expect(item.title).toBe(fullTitle(c));
  expect(item.author.map(name)).toEqual([c.author]);
  expect(item.publisher).toBe(c.author);
  expect(item.issued['date-parts'][0]!.map(Number)).toEqual(c.issued.split('-').map(Number));
  expect(item.accessed['date-parts'][0]!.map(Number)).toEqual([2026, 11, 29]);
  expect(item.URL).toBe(part.url);
  expect(item.language).toBe(part.language);
  expect(item.page).toBe(citedPages(part.range));
}

describe.each([
  ['a paragraph', one],
  ['a range', range],
])('%s', (_what, part) => {
  test('RIS, read back by Citation.js', () => {
    const ris = toRis(citation, part);
    expect(ris.startsWith('TY  - RPRT\r\n')).toBe(true);
    expect(ris.endsWith('ER  - \r\n')).toBe(true);
    expect(ris).toContain('Y2  - 2026/11/29\r\n');
    const [item, ...more] = parse(ris);
    expect(more).toEqual([]);
    expectReference(item!, citation, part);
  });

  test('BibTeX, read back by Citation.js', () => {
    const bib = toBibtex(citation, part);
    expect(bib.startsWith(`@techreport{${citationKey(part)},\n`)).toBe(true);
    expect(bib).toContain('  urldate = {2026-11-29},\n');
    const [item, ...more] = parse(bib);
    expect(more).toEqual([]);
    expectReference(item!, citation, part);
    expect(item!.id).toBe(citationKey(part));
  });

  test('CSL-JSON, read back by Citation.js', () => {
    const json = toCslJson(citation, part);
    expect(JSON.parse(json)).toHaveLength(1);
    const [item, ...more] = parse(json);
    expect(more).toEqual([]);
    expectReference(item!, citation, part);
    expect(item!.id).toBe(citationKey(part));
  });
});

test('keys and pages name the paragraphs', () => {
  expect(citationKey(one)).toBe(`${edition.id}-p42`);
  expect(citationKey(range)).toBe(`${edition.id}-p12-15`);
  expect(citedPages({ from: 42, to: 42 })).toBe('¶42');
  expect(citedPages({ from: 12, to: 15 })).toBe('¶12-15');
  expect(toBibtex(citation, range)).toContain('pages = {¶12--15},');
});

test('the same report as the GB/T 7714 reference: half-width colon before the subtitle', () => {
  expect(toRis(citation, one)).toContain(`TI  - ${citation.title}: ${citation.subtitle}\r\n`);
});

test('characters TeX or RIS would misread come back as written', () => {
  const odd: CitationInfo = { ...citation, author: '某{县}人民政府 & 100%', title: 'A_B #1 $x^2~\\', subtitle: '第一行\n第二行' };
  for (const text of [toBibtex(odd, one), toRis(odd, one), toCslJson(odd, one)]) {
    const [item] = parse(text);
    expect(name(item!.author[0]!)).toBe(odd.author);
    expect(item!.title.replace(/\s+/g, ' ')).toBe(fullTitle(odd).replace(/\s+/g, ' '));
  }
  // One line per RIS tag, whatever the values hold.
  expect(toRis(odd, one).split('\r\n').every((l) => l === '' || /^[A-Z][A-Z0-9]  - /.test(l))).toBe(true);
});

test('the panel offers all three, each with its file type', () => {
  expect(citationFiles(citation, one).map((f) => [f.label, f.ext, f.type])).toEqual([
    ['RIS', 'ris', 'application/x-research-info-systems'],
    ['BibTeX', 'bib', 'application/x-bibtex'],
    ['CSL-JSON', 'json', 'application/vnd.citationstyles.csl+json'],
  ]);
});
