/**
 * Reads the glossary files at configuration time, for the markdown plugins (which mark terms in
 * the text) and for the checks no single entry can make: every `related` id exists, no two
 * entries claim the same term or alias, and no two share an anchor (`termAnchor`). Each entry's front matter is read by the shared parser
 * against the same schema as the content collection's. Errors name the file and the line.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ContentError, lineOf } from '../edition/content-error.ts';
import { currentEdition } from '../edition/load-edition.ts';
import { readFrontMatter } from '../edition/read-data.ts';
import { termAnchor } from './anchor.ts';
import { glossaryEntrySchema } from './schema.ts';

export interface GlossaryTerm {
  id: string;
  term: string;
  aliases: string[];
  summary: string;
  related: string[];
  /** Path of the entry's file, for error messages. */
  file: string;
}

/** A glossary content error, with where to fix it. */
export class GlossaryError extends ContentError {
  constructor(file: string, line: number, message: string, fix: string) {
    super(file, line, message, fix);
    this.name = 'GlossaryError';
  }
}

/** Parses one entry file against the glossary schema, with the edition's `levels`. */
export function parseEntry(file: string, text: string, levels: readonly string[] = []): GlossaryTerm & { text: string } {
  let data;
  try {
    ({ data } = readFrontMatter(file, text, glossaryEntrySchema(levels)));
  } catch (error) {
    if (error instanceof ContentError && !(error instanceof GlossaryError)) throw new GlossaryError(error.file, error.line, error.reason, error.fix);
    throw error;
  }
  const id = file.replace(/^.*\//, '').replace(/\.md$/, '');
  return { id, file, text, term: data.term, aliases: data.aliases, summary: data.summary, related: data.related };
}

/** Checks what spans entries: unique terms, aliases and anchors, related ids that exist. */
export function validateGlossary(entries: (GlossaryTerm & { text: string })[]): void {
  const ids = new Set(entries.map((e) => e.id));
  const claimed = new Map<string, { id: string; file: string }>();
  const anchors = new Map(entries.map((e) => [e.id, e]));
  for (const entry of entries) {
    const anchor = termAnchor(entry);
    const other = anchors.get(anchor);
    if (other && other !== entry)
      throw new GlossaryError(
        entry.file,
        lineOf(entry.text, entry.term),
        `词条“${entry.term}”在网址中写作 #${anchor}，与 ${other.file} 的${other.id === anchor ? '文件名' : `词条“${other.term}”`}相同。`,
        '两个词条不能只差标点：合并为一条，把另一种写法列入 aliases；或改用另一个文件名。',
      );
    anchors.set(anchor, entry);
    if (!/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/.test(entry.id))
      throw new GlossaryError(
        entry.file,
        1,
        `文件名 ${entry.id}.md 不能用作锚点。`,
        '文件名即条目的固定锚点：用小写拼音和连字符，以字母开头，如 liu-wen-liu-bao.md、jiao-tong-155.md。',
      );
    for (const name of [entry.term, ...entry.aliases]) {
      const other = claimed.get(name);
      if (other && other.id !== entry.id)
        throw new GlossaryError(
          entry.file,
          lineOf(entry.text, name),
          `“${name}”已被条目 ${other.id}（${other.file}）使用。`,
          '一个词只能属于一个条目：从其中一个条目的 term 或 aliases 中删去它。',
        );
      claimed.set(name, { id: entry.id, file: entry.file });
    }
    for (const related of entry.related) {
      if (!ids.has(related)) {
        const near = [...ids].filter((id) => id.startsWith(related.split('-')[0] ?? '')).slice(0, 5);
        throw new GlossaryError(
          entry.file,
          lineOf(entry.text, related, lineOf(entry.text, 'related')),
          `related 中的“${related}”不是已有条目。`,
          near.length ? `是否指：${near.join('、')}？` : '写已有条目的文件名（不含 .md）。',
        );
      }
    }
  }
}

/** Reads and checks every entry in a glossary folder (the edition has checked that it has some). */
export function loadGlossary(dir: string, levels: readonly string[] = currentEdition().glossaryLevels): GlossaryTerm[] {
  const names = readdirSync(dir).filter((n) => n.endsWith('.md')).sort();
  const entries = names.map((name) => parseEntry(join(dir, name), readFileSync(join(dir, name), 'utf8'), levels));
  validateGlossary(entries);
  return entries.map(({ text: _text, ...entry }) => entry);
}
