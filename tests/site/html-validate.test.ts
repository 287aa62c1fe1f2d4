/**
 * Valid HTML on every built page (html-validate, recommended rules). Rules switched off in
 * `.htmlvalidate.json`, and why:
 * - no-inline-style: KaTeX's HTML output sizes glyphs with style attributes (its MathML twin
 *   has none); the edition's own markup has no inline styles.
 * - attribute-boolean-style, attribute-empty-style, void-style, no-trailing-whitespace: how
 *   Astro serialises HTML (`data-edition-ui`, `<meta …>`), not errors.
 * - long-title: chapter titles are the report's own part headings.
 * And for the offline file only (`downloads/*-report-offline.html`), which is written minified
 * (src/offline/minify-html.ts): attr-quotes and no-implicit-close, style rules against unquoted
 * attribute values and omitted optional end tags, both valid HTML; the Nu HTML Checker
 * (nu-checker.test.ts) still checks the file in full. html-validate's configuration has no
 * per-file overrides, so the offline file gets its own validator.
 */
import { HtmlValidate } from 'html-validate';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { DIST, htmlFiles } from '../support/site.ts';

const config = JSON.parse(readFileSync('.htmlvalidate.json', 'utf8'));
const validator = new HtmlValidate(config);
const offlineValidator = new HtmlValidate({ ...config, rules: { ...config.rules, 'attr-quotes': 'off', 'no-implicit-close': 'off' } });

test.each(htmlFiles())('%s is valid HTML', async (file) => {
  const report = await (/^downloads\/[^/]+-report-offline\.html$/.test(file) ? offlineValidator : validator).validateString(readFileSync(join(DIST, file), 'utf8'), file);
  const errors = report.results.flatMap((r) => r.messages.map((m) => `${m.line}:${m.column} ${m.ruleId}: ${m.message}`));
  expect(errors).toEqual([]);
});
