/**
 * Emendations: the only changes the edition makes to the source text. Word leaves hidden
 * bookmarks such as `[bookmark: _GoBack]` (the "go back to last edit" mark) when a document is
 * exported to text; they are not part of the report, so the edition removes them and lists each
 * removal on the "about this edition" page. Nothing else of the text is changed.
 */

/** One change to the source, with where it was. */
export interface Emendation {
  /** 1-based line of the source file. */
  line: number;
  /** What was removed, verbatim. */
  removed: string;
  /** The characters that follow the removed text, so a reader can find the place. */
  context: string;
  /** Why, in the edition's words. */
  reason: string;
}

/**
 * The line ends other than LF that a plain-text export may use: CRLF (Windows, Word's default)
 * and a lone CR (old Mac exports). Each becomes one LF, so line numbers here are those an editor
 * shows and those the parser reports, and no CR is left inside a line or an emendation's context.
 */
const LINE_END = /\r\n?/g;

/**
 * `[bookmark: name]`. The name may hold neither bracket (Word bookmark names are letters, digits
 * and `_`), which also keeps the scan linear: an attempt that finds no `]` stops at the next `[`,
 * where the next attempt starts, so a long line of unterminated `[bookmark: ` is read once, not
 * once per marker. An unterminated marker is left in the text for the parser to refuse: removing
 * it would mean guessing where it ends.
 */
const WORD_BOOKMARK = /\[bookmark: [^[\]]*\]/g;
/** Characters of context kept after a removal. */
const CONTEXT_LENGTH = 12;

/**
 * Removes Word bookmark artifacts and reports each removal. The text comes back with one line per
 * source line, joined by `\n` whatever the source used, so `text.split('\n')[i]` is line `i + 1`.
 */
export function removeWordArtifacts(source: string): { text: string; emendations: Emendation[] } {
  const emendations: Emendation[] = [];
  // One pass over the text each, and none at all for what is not there: a file of ten million
  // empty lines should cost no more than its bytes.
  const text = source.includes('\r') ? source.replace(LINE_END, '\n') : source;
  if (!text.includes('[bookmark: ')) return { text, emendations };
  const lines = text.split('\n').map((line, index) => {
    if (!line.includes('[bookmark: ')) return line;
    // Where each removal falls in the cleaned line: its context is what follows there, read once
    // from the cleaned line (reading the rest of the raw line per removal would be quadratic).
    const at: number[] = [];
    let removedLength = 0;
    const cleaned = line.replace(WORD_BOOKMARK, (removed: string, offset: number) => {
      at.push(offset - removedLength);
      removedLength += removed.length;
      emendations.push({
        line: index + 1,
        removed,
        context: '',
        reason: 'Word 导出文本时留下的隐藏书签标记，不属于报告正文。',
      });
      return '';
    });
    const first = emendations.length - at.length;
    at.forEach((position, i) => {
      // Counted in characters, not UTF-16 units, so the context never ends in half a character.
      const following = Array.from(cleaned.slice(position, position + 2 * CONTEXT_LENGTH));
      emendations[first + i]!.context = following.slice(0, CONTEXT_LENGTH).join('');
    });
    return cleaned;
  });
  return { text: lines.join('\n'), emendations };
}
