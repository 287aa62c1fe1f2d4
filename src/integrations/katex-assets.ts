/**
 * Serves KaTeX's stylesheet and fonts from the site itself (no CDN), as one file pages with
 * formulas link to, so pages without math load none of it. Only the WOFF2 fonts are shipped:
 * every browser the edition supports reads WOFF2, so the older formats would never be fetched.
 */
import { copyFile, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import katex from 'katex';
import { katexStyles } from '../plugins/rehype-hoist-styles.ts';

/**
 * Where the files go, relative to the site's base: a folder named for the KaTeX version, so
 * its files never change under one name and can be cached for a year.
 */
export const KATEX_DIR = `katex/${katex.version}`;

/** The stylesheet with only WOFF2 sources. */
export function woff2Only(css: string): string {
  return css.replace(/src:([^;}]*)/g, (_all, sources: string) => {
    const woff2 = sources.split(/,(?=url\()/).filter((s) => s.includes('.woff2'));
    return `src:${woff2.join(',')}`;
  });
}

export default function katexAssets(): AstroIntegration {
  return {
    name: 'edition:katex-assets',
    hooks: {
      'astro:build:done': async ({ dir }) => {
        const require = createRequire(import.meta.url);
        const source = join(dirname(require.resolve('katex/package.json')), 'dist');
        const out = join(fileURLToPath(dir), KATEX_DIR);
        await mkdir(join(out, 'fonts'), { recursive: true });
        const css = await readFile(join(source, 'katex.min.css'), 'utf8');
        await writeFile(join(out, 'katex.min.css'), woff2Only(css));
        await writeFile(join(out, 'katex-inline.css'), katexStyles.css());
        for (const font of await readdir(join(source, 'fonts')))
          if (font.endsWith('.woff2')) await copyFile(join(source, 'fonts', font), join(out, 'fonts', font));
      },
    },
  };
}
