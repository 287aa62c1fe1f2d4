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
 * `fallback` when none does. Good enough to point an editor at a key of a small YAML file,
 * where a full YAML AST with positions would be more machinery than the message needs.
 */
export function lineOf(text: string, needle: string, fromLine = 1, fallback = 1): number {
  const lines = text.split(/\r?\n/);
  for (let i = Math.max(0, fromLine - 1); i < lines.length; i++) if (lines[i]!.includes(needle)) return i + 1;
  return fallback;
}

/**
 * The line of a value at `path` in a YAML file (`['chapters', 2]`): the line of the last key
 * named in the path, searched after the lines of the keys before it; for a list index, that many
 * `- ` items further down. Falls back to the nearest key found.
 */
export function lineOfPath(text: string, path: readonly (string | number)[]): number {
  let line = 1;
  for (const key of path) {
    if (typeof key === 'number') {
      const lines = text.split(/\r?\n/);
      let seen = -1;
      for (let i = line; i < lines.length; i++) {
        if (/^\s*-\s/.test(lines[i]!)) seen++;
        if (seen === key) return i + 1;
      }
      return line;
    }
    const found = lineOf(text, `${key}:`, line, 0);
    if (!found) return line;
    line = found;
  }
  return line;
}
