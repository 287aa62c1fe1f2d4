/**
 * The Astro integration that writes the EPUB edition, `downloads/<id>.epub`, once the site is
 * built, and its size into the home page's download list. It must run before `downloads()`: the
 * site archive that integration packs should hold the book the home page links to.
 */
import { readdirSync, statSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import type { Edition } from '../edition/load-edition.ts';
import { downloadPaths, formatSize, writeDownloadSize } from '../integrations/downloads.ts';
import { buildEpub } from './build-epub.ts';

export interface EpubOptions {
  base: string;
  edition: Edition;
}

/**
 * When the book last changed: `SOURCE_DATE_EPOCH` if the build sets it (the reproducible-builds
 * convention), else the newest file of the edition folder, whose content the book is. Not the
 * time of the build, so building the same edition twice gives the same bytes; not the day of the
 * report, which is `dc:date`, and long before the book existed.
 */
export function lastModified(edition: Pick<Edition, 'dir'>, env: NodeJS.ProcessEnv = process.env): Date {
  const epoch = Number(env.SOURCE_DATE_EPOCH);
  if (env.SOURCE_DATE_EPOCH && Number.isFinite(epoch)) return new Date(epoch * 1000);
  let newest = 0;
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else newest = Math.max(newest, statSync(full).mtimeMs);
    }
  };
  walk(edition.dir);
  return new Date(Math.floor(newest / 1000) * 1000);
}

export default function epub(options: EpubOptions): AstroIntegration {
  return {
    name: 'edition:epub',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const out = fileURLToPath(dir);
        const { edition } = options;
        const book = buildEpub({ dist: out, base: options.base, edition, modified: lastModified(edition) });
        const path = downloadPaths(edition).epub;
        await mkdir(join(out, 'downloads'), { recursive: true });
        await writeFile(join(out, path), book.bytes);
        await writeDownloadSize(out, 'epub', book.bytes.length);
        logger.info(`EPUB ${path} ${formatSize(book.bytes.length)}`);
      },
    },
  };
}
