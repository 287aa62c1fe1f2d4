/**
 * How the edition gives Chinese text to Pagefind, and how it matches a reader's query.
 *
 * Why not Pagefind's own Chinese handling: it segments text into dictionary words at index time
 * and the browser segments the query again, so a query matches only whole words or their
 * prefixes. A Chinese reader types any run of characters (亩均, 论英雄, 5G基站), and 基站 must
 * not hit 基本…站. So the edition indexes every position of the text as a *character bigram*
 * (亩均 均论 论英 英雄 …) and queries with bigrams of the query, which Pagefind ANDs:
 * a paragraph that contains the query contains all its bigrams, so no paragraph is missed
 * (recall), and the few candidates that contain the bigrams apart are dropped by checking the
 * query against the paragraph's text (precision). A single character is a prefix query on the
 * bigrams that start with it.
 *
 * Why each bigram once, and a query of every other bigram: the engine never uses Pagefind's
 * word positions or counts, only which records hold a bigram, so a record lists each bigram
 * once (fewer postings, a smaller index chunk). A query asks for bigrams that cover every
 * character of the term (亩均 论英 英雄 for 亩均论英雄), not all of them: each bigram may sit in
 * another index chunk, a download of its own, and the text check keeps precision anyway.
 *
 * Why the bigrams are spelled in ASCII: Pagefind would re-segment CJK bigrams, strip
 * punctuation from them and split the query with `Intl.Segmenter`. Each character is written
 * as a short lowercase-alphanumeric code instead, which every tokenizer keeps as one word and no
 * stemmer touches. The codes are prefix-free, so the prefix query of one character matches
 * exactly the bigrams that begin with it.
 */

/** Codes of 3 characters start with one of these (34 × 36 × 36 = 44 064 code points: all of CJK). */
const SHORT_LEADS = '0123456789abcdefghijklmnopqrstuvwx';
const DIGITS = '0123456789abcdefghijklmnopqrstuvwxyz';
const SHORT_RANGE = SHORT_LEADS.length * 36 * 36;
/** `y` + 3: the rest of the Basic Multilingual Plane and beyond, up to SHORT_RANGE + 36³. */
const MEDIUM_RANGE = SHORT_RANGE + 36 ** 3;

function base36(value: number, width: number): string {
  let out = '';
  for (let i = 0; i < width; i++) {
    out = DIGITS[value % 36] + out;
    value = Math.floor(value / 36);
  }
  return out;
}

/** The code of one (normalized) character: prefix-free, lowercase ASCII letters and digits. */
export function charCode(char: string): string {
  const point = char.codePointAt(0)!;
  if (point < SHORT_RANGE) return SHORT_LEADS[Math.floor(point / 1296)]! + base36(point % 1296, 2);
  if (point < MEDIUM_RANGE) return 'y' + base36(point - SHORT_RANGE, 3);
  return 'z' + base36(point - MEDIUM_RANGE, 4);
}

/**
 * Folds a character the way readers expect search to: case (pm2.5 finds PM2.5) and width
 * (ＰＭ２．５ finds PM2.5). One character in, one character out, so positions in the
 * folded text are positions in the original and highlights land on the right characters.
 */
export function foldChar(char: string): string {
  const folded = char.normalize('NFKC').toLowerCase();
  return Array.from(folded).length === 1 ? folded : char.toLowerCase();
}

/** The folded characters of a text, one per code point of the original. */
export function foldedChars(text: string): string[] {
  return Array.from(text, foldChar);
}

/** Characters that separate nothing: whitespace is never part of a bigram. */
const SPACE = /\s/u;

/**
 * The tokens Pagefind indexes for a text: the bigram at every position and the last character
 * alone, each distinct token once, sorted (so the same text always gives the same record).
 */
export function indexTokens(text: string): string[] {
  const chars = foldedChars(text).filter((c) => !SPACE.test(c));
  const tokens = new Set<string>();
  for (let i = 0; i < chars.length; i++) {
    tokens.add(i + 1 < chars.length ? charCode(chars[i]!) + charCode(chars[i + 1]!) : charCode(chars[i]!));
  }
  return [...tokens].sort();
}

/**
 * The tokens to ask Pagefind for one query term: one character alone, or bigrams that cover
 * every character, the first, every other one, and the last (亩均论英雄: 亩均 论英 英雄).
 */
export function queryTokens(term: string): string[] {
  const chars = foldedChars(term).filter((c) => !SPACE.test(c));
  if (chars.length === 1) return [charCode(chars[0]!)];
  const bigram = (i: number) => charCode(chars[i]!) + charCode(chars[i + 1]!);
  const tokens: string[] = [];
  for (let i = 0; i + 1 < chars.length; i += 2) tokens.push(bigram(i));
  if (chars.length % 2 === 1) tokens.push(bigram(chars.length - 2));
  return [...new Set(tokens)];
}

/** Quotation marks a reader may wrap a phrase in; every term is already a phrase. */
const WRAPPING_QUOTES = /^["'](.*)["']$/su;

/**
 * The terms of a query: split on spaces (ASCII or ideographic), each term a run of characters
 * that must occur as typed. `"亩均论英雄"` and `亩均论英雄` are the same query.
 */
export function parseQuery(query: string): string[] {
  const terms = query
    .split(/[\s\u3000]+/u)
    .map((t) => t.replace(WRAPPING_QUOTES, '$1').trim())
    .filter(Boolean);
  return [...new Set(terms)];
}

/** Where a term occurs in a text, as [start, end) offsets in code points of the original. */
export interface Match {
  start: number;
  end: number;
}

/** Every occurrence of every term in the text (case- and width-folded), sorted, overlaps merged. */
export function findMatches(text: string, terms: readonly string[]): Match[] {
  const hay = foldedChars(text);
  const matches: Match[] = [];
  for (const term of terms) {
    const needle = foldedChars(term);
    if (needle.length === 0) continue;
    outer: for (let i = 0; i + needle.length <= hay.length; i++) {
      for (let j = 0; j < needle.length; j++) if (hay[i + j] !== needle[j]) continue outer;
      matches.push({ start: i, end: i + needle.length });
    }
  }
  matches.sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: Match[] = [];
  for (const m of matches) {
    const last = merged[merged.length - 1];
    if (last && m.start <= last.end) last.end = Math.max(last.end, m.end);
    else merged.push({ ...m });
  }
  return merged;
}

/** Whether every term occurs in the text. */
export function containsAll(text: string, terms: readonly string[]): boolean {
  const hay = foldedChars(text).join('');
  return terms.every((t) => hay.includes(foldedChars(t).join('')));
}

/**
 * A score for ordering results: occurrences of the terms, weighted toward short paragraphs
 * where they make up more of the text. Ties keep the report's order.
 */
export function score(text: string, terms: readonly string[]): number {
  const hay = foldedChars(text).join('');
  let count = 0;
  for (const term of terms) {
    const needle = foldedChars(term).join('');
    for (let at = hay.indexOf(needle); at !== -1; at = hay.indexOf(needle, at + needle.length)) count++;
  }
  return count / Math.sqrt(Math.max(hay.length, 50));
}

/** A piece of an excerpt: plain text, or a matched run to highlight. */
export interface ExcerptPart {
  text: string;
  hit: boolean;
}

/**
 * An excerpt of about `length` characters around the first match, with every match in it
 * marked. Ellipses show where text was cut.
 */
export function excerpt(text: string, matches: readonly Match[], length = 90): ExcerptPart[] {
  const chars = Array.from(text);
  const first = matches[0]?.start ?? 0;
  let start = Math.max(0, first - Math.floor(length / 3));
  const end = Math.min(chars.length, start + length);
  start = Math.max(0, Math.min(start, end - length));
  const parts: ExcerptPart[] = [];
  const push = (from: number, to: number, hit: boolean) => {
    if (to > from) parts.push({ text: chars.slice(from, to).join(''), hit });
  };
  if (start > 0) parts.push({ text: '…', hit: false });
  let at = start;
  for (const m of matches) {
    if (m.end <= start || m.start >= end) continue;
    push(at, Math.max(at, m.start), false);
    push(Math.max(at, m.start), Math.min(end, m.end), true);
    at = Math.min(end, m.end);
  }
  push(at, end, false);
  if (end < chars.length) parts.push({ text: '…', hit: false });
  return parts;
}
