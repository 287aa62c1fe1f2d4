/**
 * Builds the Pagefind index after Astro has written the site, from the records the
 * `search-records.json` endpoint emitted, through Pagefind's Node API (the downloads
 * integration, which runs last, uses the records too; they stay in the site for browsers that
 * cannot run Pagefind, see src/search/ui/load-pagefind.ts). Each record's content is
 * its character bigrams (see `src/search/tokens.ts` for why); the original text travels in the
 * record's meta for excerpts and checking.
 *
 * Sized for the first search (tests/browser/search-budget.test.ts): Pagefind cuts its word index
 * into chunks of about 20 000 postings, one download each, ~39 KB gzipped for this edition's
 * bigrams, and a query needs a chunk per bigram. Its indexer reads a smaller size from
 * `PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE` (no option of the Node API sets it): at 2 000 a chunk is
 * ~3.5 KB, so a query of one bigram fetches that instead of 39 KB, and the chunk list the browser
 * loads first grows by half a kilobyte. The name says Pagefind may rename it; the budget test
 * would then fail, not the search.
 */
import { readdir, readFile, rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';
import { RECORDS_FILE, type SearchRecord } from '../search/records.ts';
import { indexTokens } from '../search/tokens.ts';

/** The language Pagefind files the records under: the pages' own `lang`, so the search page finds them. */
const LANGUAGE = 'zh-cn';

/** Postings per index chunk (Pagefind's default: 20 000); see the comment at the top. */
const INDEX_CHUNK_SIZE = '2000';

const UNUSED_FILES = [
  'pagefind-ui.js',
  'pagefind-ui.css',
  'pagefind-modular-ui.js',
  'pagefind-modular-ui.css',
  'pagefind-component-ui.js',
  'pagefind-component-ui.css',
  'pagefind-highlight.js',
  // The edition runs Pagefind on the page's own thread (`noWorker`, src/search/ui/load-pagefind.ts).
  'pagefind-worker.js',
];

function check(step: string, errors: string[]) {
  if (errors.length) throw new Error(`Pagefind ${step} 失败：\n${errors.join('\n')}`);
}

/**
 * A new index in a Pagefind service started now, with the chunk size in its environment (the
 * service reads it when it starts; the build's own environment is left as it was).
 */
async function createIndex() {
  await pagefind.close();
  const before = process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE;
  process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE = INDEX_CHUNK_SIZE;
  try {
    return await pagefind.createIndex({});
  } finally {
    if (before === undefined) delete process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE;
    else process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE = before;
  }
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
        const { index, errors } = await createIndex();
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
        const chunks = (await readdir(`${out}/pagefind/index`)).length;
        logger.info(`indexed ${records.length} records in ${Math.round(performance.now() - started)} ms (${chunks} index chunks)`);
      },
    },
  };
}
