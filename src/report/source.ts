/**
 * The edition's own copy of the report, read from `content/source/`. Everything that checks
 * the text (the build, the tests, the "about" page) reads it through here, so there is one
 * answer to "what does ¶N say".
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseReport, type ReportModel } from './parse-report.ts';

/** The committed source file, byte for byte as received. */
export const SOURCE_FILE = fileURLToPath(
  new URL('../../content/source/cixi-2021-government-work-report.txt', import.meta.url),
);

let cached: ReportModel | undefined;

/** Parses the committed source once per process. */
export function loadSource(): ReportModel {
  cached ??= parseReport(readFileSync(SOURCE_FILE, 'utf8'));
  return cached;
}

/** ¶ number → the paragraph's text with emendations applied. */
export function sourceParagraphs(): Map<number, string> {
  return new Map(loadSource().paragraphs.map((p) => [p.n, p.text]));
}
