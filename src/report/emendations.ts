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

const WORD_BOOKMARK = /\[bookmark: [^\]\n]*\]/g;

/** Removes Word bookmark artifacts and reports each removal. */
export function removeWordArtifacts(source: string): { text: string; emendations: Emendation[] } {
  const emendations: Emendation[] = [];
  const lines = source.split('\n').map((line, index) => {
    return line.replace(WORD_BOOKMARK, (removed: string, offset: number) => {
      emendations.push({
        line: index + 1,
        removed,
        context: line.slice(offset + removed.length).replace(WORD_BOOKMARK, '').slice(0, 12),
        reason: 'Word 导出文本时留下的隐藏书签标记，不属于报告正文。',
      });
      return '';
    });
  });
  return { text: lines.join('\n'), emendations };
}
