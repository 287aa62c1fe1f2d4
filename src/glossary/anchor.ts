/**
 * The fragment a chapter's term link uses for a glossary entry: the entry's headword
 * (`/glossary/#十四五`), where the headword can serve as an id; otherwise the entry's id
 * (`/glossary/#shi-si-wu`).
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

/**
 * A headword that serves as an id as it is: letters (any script), then letters, digits, `-` or
 * `_`. That is what html-validate's `valid-id` asks: such an id needs no escaping in a CSS
 * selector or a URL's fragment. 三争三拼、六大赶超, PM2.5 or 12113 keep their entry's id.
 */
const PLAIN_WORDS = /^\p{L}[\p{L}\p{N}_-]*$/u;

/** The fragment term links use for `entry`; see the module comment. */
export const termAnchor = (entry: AnchoredEntry): string => (PLAIN_WORDS.test(entry.term) ? entry.term : entry.id);

/**
 * The entry a term link's fragment names, by id or by headword, percent-encoded or not; or
 * undefined when it names none.
 */
export function entryIdFor(fragment: string, entries: Iterable<AnchoredEntry>): string | undefined {
  let words = fragment;
  try {
    words = decodeURIComponent(fragment);
  } catch {
    // A lone % is its own character.
  }
  const list = [...entries];
  return (list.find((e) => e.id === words) ?? list.find((e) => termAnchor(e) === words))?.id;
}
