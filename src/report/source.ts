/**
 * The edition's own copy of the report, read from the edition folder (see
 * `src/edition/load-edition.ts`). Everything that checks the text (the build, the tests, the
 * "about" page) reads it through here, so there is one answer to "what does ¶N say".
 */
import { currentEdition } from '../edition/load-edition.ts';
import type { ReportModel } from './parse-report.ts';

/** The edition's source file, byte for byte as received. */
export function sourceFile(): string {
  return currentEdition().source.file;
}

/** The parsed report, once per process. */
export function loadSource(): ReportModel {
  return currentEdition().source.model;
}

/** ¶ number → the paragraph's text with emendations applied. */
export function sourceParagraphs(): Map<number, string> {
  return new Map(loadSource().paragraphs.map((p) => [p.n, p.text]));
}
