/**
 * An edition's data checks (for example `content/data-checks.yaml`; see the comment there), read
 * at configuration time for the notes plugin and by the unit test that recomputes them.
 */
import { readFileSync } from 'node:fs';
import yaml from 'js-yaml';

export interface DataCheck {
  id: string;
  /** The ¶ the note is attached to. */
  paragraph: number;
  /** Report text the note relies on, each verbatim in its ¶. */
  quotes: { p: number; text: string }[];
  /** The note: text with TeX formulas between $…$; line breaks are only for the file's layout. */
  note: string;
  /** Each formula's arithmetic, and the value the note shows for it, as written (`"1.60"`). */
  checks: { expr: string; value: string }[];
}

export function loadDataChecks(file: string): DataCheck[] {
  const data = yaml.load(readFileSync(file, 'utf8')) as DataCheck[];
  return data.map((d) => ({
    ...d,
    note: d.note.replace(/\s*\n\s*/g, ''),
    checks: d.checks.map((c) => ({ expr: String(c.expr), value: String(c.value) })),
  }));
}
