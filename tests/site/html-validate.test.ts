/**
 * Valid HTML on every built page (html-validate, recommended rules). Rules switched off in
 * `.htmlvalidate.json`, and why:
 * - no-inline-style: KaTeX's HTML output sizes glyphs with style attributes (its MathML twin
 *   has none); the edition's own markup has no inline styles.
 * - attribute-boolean-style, attribute-empty-style, void-style, no-trailing-whitespace: how
 *   Astro serialises HTML (`data-edition-ui`, `<meta …>`), not errors.
 * - long-title: chapter titles are the report's own part headings.
 * - prefer-native-element (listbox, option): the header search is an ARIA combobox whose
 *   options are links; a native <select> cannot hold links.
 */
import { HtmlValidate } from 'html-validate';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { DIST, htmlFiles } from '../support/site.ts';

const validator = new HtmlValidate(JSON.parse(readFileSync('.htmlvalidate.json', 'utf8')));

test.each(htmlFiles())('%s is valid HTML', async (file) => {
  const report = await validator.validateString(readFileSync(join(DIST, file), 'utf8'), file);
  const errors = report.results.flatMap((r) => r.messages.map((m) => `${m.line}:${m.column} ${m.ruleId}: ${m.message}`));
  expect(errors).toEqual([]);
});
