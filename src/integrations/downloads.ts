/**
 * The downloads the home page offers, made after everything else is built:
 * - the offline edition, one HTML file that works opened from disk (src/offline/);
 * - the whole site as a zip, to put on an intranet server as it is.
 * Their sizes are written into the home page's download list. Runs after every integration
 * that writes the site (the offline file's search reads the search records the build left, and
 * the zip must hold the finished site), and before precompress(), whose .gz files the zip leaves
 * out: see src/integrations/precompress.ts.
 */
import { readFile, readdir, stat, writeFile, mkdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { zipSync, type Zippable } from 'fflate';
import type { Edition } from '../edition/load-edition.ts';
import { buildOffline } from '../offline/build-offline.ts';
import { RECORDS_FILE, type SearchRecord } from '../search/records.ts';
import { KATEX_DIR } from './katex-assets.ts';

/** The downloads' paths in the site, named after the edition: `downloads/shili-2024-report-offline.html`. */
export function downloadPaths(edition: Pick<Edition, 'id'>) {
  return {
    offline: `downloads/${edition.id}-report-offline.html`,
    site: `downloads/${edition.id}-report-site.zip`,
    epub: `downloads/${edition.id}.epub`,
  } as const;
}

/** Writes a download's size into the built home page, where it shows `data-size-of="<key>"`. */
export async function writeDownloadSize(out: string, key: string, bytes: number): Promise<void> {
  const homePath = join(out, 'index.html');
  const home = await readFile(homePath, 'utf8');
  await writeFile(homePath, home.replace(new RegExp(`(data-size-of="${key}"[^>]*>)[^<]*`), `$1${formatSize(bytes)}`));
}

/** 1.2 MB, 850 KB: sizes as readers read them. */
export function formatSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

async function files(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await files(full)));
    else out.push(full);
  }
  return out;
}

export interface DownloadsOptions {
  base: string;
  edition: Edition;
}

export default function downloads(options: DownloadsOptions): AstroIntegration {
  return {
    name: 'edition:downloads',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const out = fileURLToPath(dir);
        const recordsPath = join(out, RECORDS_FILE);
        const records: SearchRecord[] = JSON.parse(await readFile(recordsPath, 'utf8'));

        const { edition } = options;
        const DOWNLOADS = downloadPaths(edition);
        const html = await buildOffline({ dist: out, base: options.base, edition, records, katexDir: KATEX_DIR });
        await mkdir(join(out, 'downloads'), { recursive: true });
        await writeFile(join(out, DOWNLOADS.offline), html);
        const patch = (key: string, bytes: number) => writeDownloadSize(out, key, bytes);
        await patch('offline', Buffer.byteLength(html));

        // The site as it is, for an intranet server; the zip does not contain itself.
        const zippable: Zippable = {};
        for (const file of await files(out)) {
          const name = relative(out, file).split(sep).join('/');
          if (name === DOWNLOADS.site) continue;
          zippable[`${edition.id}-report/${name}`] = [new Uint8Array(await readFile(file)), { level: /\.(pf_|pagefind|woff2)/.test(name) ? 0 : 6 }];
        }
        // Dated the day of the report, so the same edition packs to the same bytes.
        const zip = zipSync(zippable, { mtime: new Date(`${edition.citation.issued}T00:00:00Z`) });
        await writeFile(join(out, DOWNLOADS.site), zip);
        await patch('site', zip.length);
        logger.info(`offline edition ${formatSize(Buffer.byteLength(html))}, site archive ${formatSize((await stat(join(out, DOWNLOADS.site))).size)}`);
      },
    },
  };
}
