/**
 * One error format for every content input of an edition (its settings, its data files, its
 * glossary): the file, the 1-based line, what is wrong and how to fix it, in the edition's
 * language. A content error stops the build; the message is all the editor needs to mend it.
 */
export class ContentError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly reason: string,
    readonly fix: string,
  ) {
    super(`${file}:${line}: ${reason}\n  修改方法：${fix}`);
    this.name = 'ContentError';
  }
}

/**
 * The 1-based line of the first line at or after `fromLine` that contains `needle`, or
 * `fallback` when none does: the line of a key (`id:`) or a value an editor wrote, searched from
 * the line of the mapping it belongs to (which `read-data.ts` takes from js-yaml's node events).
 */
export function lineOf(text: string, needle: string, fromLine = 1, fallback = 1): number {
  const lines = text.split(/\r?\n/);
  for (let i = Math.max(0, fromLine - 1); i < lines.length; i++) if (lines[i]!.includes(needle)) return i + 1;
  return fallback;
}
