/**
 * Reads the glossary files at configuration time, for the markdown plugins (which mark terms in
 * the text) and for the checks no single entry can make: every `related` id exists, and no two
 * entries claim the same term or alias. Errors name the file and the line.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { ContentError, lineOf } from '../edition/content-error.ts';

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

/** Parses one entry file; its frontmatter is YAML between `---` lines. */
export function parseEntry(file: string, text: string): GlossaryTerm & { text: string } {
  const match = /^---\r?\n([\s\S]*?)\r?\n---(\r?\n|$)/.exec(text);
  if (!match) throw new GlossaryError(file, 1, '没有 frontmatter。', '文件应以 --- 开头，写明 term、aliases 等字段，再以 --- 结束。');
  let data: Record<string, unknown>;
  try {
    data = (yaml.load(match[1]!) ?? {}) as Record<string, unknown>;
  } catch (error) {
    const mark = (error as { mark?: { line: number } }).mark;
    throw new GlossaryError(file, (mark?.line ?? 0) + 2, `frontmatter 不是有效的 YAML：${(error as Error).message.split('\n')[0]}`, '检查引号和缩进。');
  }
  const id = file.replace(/^.*\//, '').replace(/\.md$/, '');
  const list = (v: unknown) => (Array.isArray(v) ? v.map(String) : []);
  return {
    id,
    file,
    text,
    term: String(data.term ?? ''),
    aliases: list(data.aliases),
    summary: String(data.summary ?? ''),
    related: list(data.related),
  };
}

/** Checks what spans entries: unique terms and aliases, related ids that exist. */
export function validateGlossary(entries: (GlossaryTerm & { text: string })[]): void {
  const ids = new Set(entries.map((e) => e.id));
  const claimed = new Map<string, { id: string; file: string }>();
  for (const entry of entries) {
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
export function loadGlossary(dir: string): GlossaryTerm[] {
  const names = readdirSync(dir).filter((n) => n.endsWith('.md')).sort();
  const entries = names.map((name) => parseEntry(join(dir, name), readFileSync(join(dir, name), 'utf8')));
  validateGlossary(entries);
  return entries.map(({ text: _text, ...entry }) => entry);
}
