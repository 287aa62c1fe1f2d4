/**
 * The fragment a chapter's term link uses for a glossary entry: the entry's headword
 * (`/glossary/#十四五`), written without punctuation, where that makes a plain id; otherwise
 * the entry's id (`/glossary/#shi-si-wu`).
 *
 * Why: a chapter carries a term link in nearly every paragraph (133 on the longest). A
 * fragment made of the words the link holds costs gzip almost nothing, a copy of what it has
 * just read; a pinyin id is new letters each time. On the longest chapter that is 0.9 KB of
 * its first view. It also reads as what it names.
 *
 * The glossary page gives every entry both: its id on the entry, which older links, the
 * search results, the book and the offline file use, and the headword on the entry's heading.
 * The book and the offline file turn headwords back into ids (`entryIdFor`) and keep the ids
 * alone: one anchor an entry is enough there.
 */

/** What an anchor needs to know of an entry. */
export interface AnchoredEntry {
  id: string;
  term: string;
}

/** Punctuation, symbols and spaces: a headword's anchor is written without them. */
const MARKS = /[\p{P}\p{S}\s]/gu;
/** A mark between two Latin letters or digits means something (PM2.5): there the id serves. */
const MEANINGFUL_MARK = /[A-Za-z0-9][\p{P}\p{S}\s]+[A-Za-z0-9]/u;
/**
 * An anchor as html-validate's `valid-id` wants it: a letter (of any script), then letters,
 * digits, `-` or `_`. Such an id needs no escaping in a CSS selector or a URL's fragment.
 */
const PLAIN_ID = /^\p{L}[\p{L}\p{N}_-]*$/u;

/**
 * The fragment term links use for `entry`: its headword without punctuation (河（湖）长制 →
 * 河湖长制, 三争三拼、六大赶超 → 三争三拼六大赶超), or its id where that is no plain id
 * (12113, 3315系列计划) or would lose a meaning (PM2.5). `validateGlossary` makes sure no two
 * entries share one.
 */
export function termAnchor(entry: AnchoredEntry): string {
  if (MEANINGFUL_MARK.test(entry.term)) return entry.id;
  const words = entry.term.replace(MARKS, '');
  return PLAIN_ID.test(words) ? words : entry.id;
}

/** The glossary's entries by id, as `glossary-summaries.json` gives them. */
export type EntriesById = Readonly<Record<string, { term: string }>>;

/**
 * The entry a term link's fragment names, by id or by anchor, percent-encoded or not; or
 * undefined when it names none.
 */
export function entryIdFor(fragment: string, entries: EntriesById): string | undefined {
  let words = fragment;
  try {
    words = decodeURIComponent(fragment);
  } catch {
    // A lone % is its own character.
  }
  // Not Object.hasOwn: Chromium 86, the oldest browser the edition supports, lacks it.
  if (Object.prototype.hasOwnProperty.call(entries, words)) return words;
  return Object.entries(entries).find(([id, { term }]) => termAnchor({ id, term }) === words)?.[0];
}
