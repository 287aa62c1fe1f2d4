/**
 * The records the edition gives Pagefind: one per paragraph and one per glossary entry. Built
 * by the `search-records.json` endpoint during the build and indexed by the Pagefind
 * integration. The file stays in the site: browsers whose CSP support predates
 * `'wasm-unsafe-eval'` (Chromium 86–96) may not run Pagefind's WebAssembly, and then search
 * these records directly (see ui/load-pagefind.ts).
 */

/** Pagefind meta values are strings. */
export interface ParagraphRecordMeta {
  kind: 'paragraph';
  /** ¶ number. */
  n: string;
  /** Chapter slug: the page is `${base}${chapter}/#p-${n}`. */
  chapter: string;
  /** What a result names the chapter by (第一部分); the chapter's full title is not carried: no result shows it. */
  chapterLabel: string;
  /** Section anchor (`part-3-1`) and title, when the paragraph is in a section. */
  section?: string;
  sectionTitle?: string;
  /** The paragraph's text, for checking matches and the excerpt. */
  text: string;
}

export interface GlossaryRecordMeta {
  kind: 'glossary';
  /** The entry's anchor on the glossary page. */
  id: string;
  term: string;
  /** The entry's aliases, joined with `|`. */
  aliases: string;
  summary: string;
  /** Term, aliases and summary: what a search of the glossary matches. */
  text: string;
}

export type RecordMeta = ParagraphRecordMeta | GlossaryRecordMeta;

export interface SearchRecord {
  /** A unique key for Pagefind; results link by meta, not by this. */
  url: string;
  meta: RecordMeta;
}

/** The build's file of records, relative to the output directory. */
export const RECORDS_FILE = 'search-records.json';
