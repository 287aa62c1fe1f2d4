/**
 * Builds the Pagefind index after Astro has written the site, from the records the
 * `search-records.json` endpoint emitted, through Pagefind's Node API (the downloads
 * integration, which runs last, uses the records too; they stay in the site for browsers that
 * cannot run Pagefind, see src/search/load-pagefind.ts). Each record's content is
 * its character bigrams (see `src/search/tokens.ts` for why); the original text travels in the
 * record's meta for excerpts and checking.
 */
import { readFile, rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';
import { RECORDS_FILE, type SearchRecord } from '../search/records.ts';
import { indexTokens } from '../search/tokens.ts';

/** The language Pagefind files the records under: the pages' own `lang`, so the search page finds them. */
const LANGUAGE = 'zh-cn';

const UNUSED_FILES = [
  'pagefind-ui.js',
  'pagefind-ui.css',
  'pagefind-modular-ui.js',
  'pagefind-modular-ui.css',
  'pagefind-component-ui.js',
  'pagefind-component-ui.css',
  'pagefind-highlight.js',
];

function check(step: string, errors: string[]) {
  if (errors.length) throw new Error(`Pagefind ${step} 失败：\n${errors.join('\n')}`);
}

/** The Astro integration; add it after the pages are rendered (it runs in `astro:build:done`). */
export default function pagefindIndex(): AstroIntegration {
  return {
    name: 'edition:pagefind-index',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const out = fileURLToPath(dir);
        const recordsPath = `${out}/${RECORDS_FILE}`;
        const records: SearchRecord[] = JSON.parse(await readFile(recordsPath, 'utf8'));
        const started = performance.now();
        const { index, errors } = await pagefind.createIndex({});
        try {
          check('createIndex', errors);
          for (const record of records) {
            const meta = Object.fromEntries(Object.entries(record.meta).filter(([, v]) => v !== undefined)) as Record<
              string,
              string
            >;
            const response = await index!.addCustomRecord({
              url: record.url,
              content: indexTokens(record.meta.text).join(' '),
              language: LANGUAGE,
              meta,
            });
            check(`addCustomRecord(${record.url})`, response.errors);
          }
          const written = await index!.writeFiles({ outputPath: `${out}/pagefind` });
          check('writeFiles', written.errors);
        } finally {
          await pagefind.close();
        }
        // Pagefind also writes its ready-made UIs; the edition has its own, so they are not shipped.
        for (const unused of UNUSED_FILES) await rm(`${out}/pagefind/${unused}`, { force: true });
        logger.info(`indexed ${records.length} records in ${Math.round(performance.now() - started)} ms`);
      },
    },
  };
}
