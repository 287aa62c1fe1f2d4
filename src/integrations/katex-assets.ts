/**
 * Serves KaTeX's styles and fonts from the site itself (no CDN), as one file pages with formulas
 * link to, so pages without math load none of it. The file holds only what the edition's
 * formulas use (katex-stylesheet.ts) and is named by its content; only the fonts it names are
 * shipped, and only as WOFF2: every browser the edition supports reads WOFF2, so the older
 * formats would never be fetched.
 *
 * What the formulas use is known only once every page is rendered (the glossary's formulas are
 * typeset while its page renders), so pages link a stand-in address (`KATEX_STAND_IN`, see
 * KatexStyles.astro) and `astro:build:done` writes the file and points those links at it,
 * before the EPUB and the offline file are made from the pages.
 */
import { copyFile, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import katex from 'katex';
import { katexStyles } from '../plugins/rehype-hoist-styles.ts';
import { joinBase } from '../site/base-path.ts';
import { contentHash, fontFiles, formulaMarkup, katexStylesheet } from './katex-stylesheet.ts';

/**
 * Where the files go, relative to the site's base: a folder named for the KaTeX version, so
 * its fonts never change under one name and can be cached for a year.
 */
export const KATEX_DIR = `katex/${katex.version}`;

/**
 * The address KatexStyles.astro links, relative to the base. No file is ever written here: the
 * build replaces it in every page with the stylesheet's own address, and a link the build missed
 * fails the link check instead of loading stale styles.
 */
export const KATEX_STAND_IN = `${KATEX_DIR}/stand-in.css`;

/** The stylesheet's address for its text: `katex/<version>/<hash>/katex.min.css`, beside `katex/<version>/fonts/`. */
export const katexStylesheetPath = (css: string) => `${KATEX_DIR}/${contentHash(css)}/katex.min.css`;

/** The stylesheet with only WOFF2 sources. */
export function woff2Only(css: string): string {
  return css.replace(/src:([^;}]*)/g, (_all, sources: string) => {
    const woff2 = sources.split(/,(?=url\()/).filter((s) => s.includes('.woff2'));
    return `src:${woff2.join(',')}`;
  });
}

/** Every HTML file under `root`, as paths relative to it. */
async function htmlFiles(root: string): Promise<string[]> {
  return (await readdir(root, { recursive: true })).filter((f) => f.endsWith('.html')).sort();
}

export default function katexAssets(): AstroIntegration {
  let base = '/';
  return {
    name: 'edition:katex-assets',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base;
      },
      'astro:build:done': async ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const standIn = `href="${joinBase(base, KATEX_STAND_IN)}"`;
        const formulas: string[] = [];
        const linking = new Map<string, string>();
        const unlinked: string[] = [];
        for (const file of await htmlFiles(root)) {
          const html = await readFile(join(root, file), 'utf8');
          const own = formulaMarkup(html);
          formulas.push(...own);
          if (html.includes(standIn)) linking.set(file, html);
          else if (own.length > 0) unlinked.push(file);
        }
        // A page with a formula and no link to the stylesheet would show it unstyled.
        if (unlinked.length > 0)
          throw new Error(
            `KaTeX：${unlinked.join('、')} 有公式，却没有链接 ${standIn}。显示公式的页面须在 <head> 中放 <KatexStyles />（src/components/KatexStyles.astro）。`,
          );
        // No page shows a formula: nothing to serve.
        if (linking.size === 0) return;

        const require = createRequire(import.meta.url);
        const source = join(dirname(require.resolve('katex/package.json')), 'dist');
        const pruned = katexStylesheet(woff2Only(await readFile(join(source, 'katex.min.css'), 'utf8')), formulas, katexStyles.css());
        // The stylesheet sits one folder below the fonts.
        const css = pruned.replace(/url\((["']?)fonts\//g, 'url($1../fonts/');
        const path = katexStylesheetPath(css);
        await mkdir(join(root, dirname(path)), { recursive: true });
        await writeFile(join(root, path), css);
        const fonts = fontFiles(css);
        await mkdir(join(root, KATEX_DIR, 'fonts'), { recursive: true });
        for (const font of fonts) await copyFile(join(source, 'fonts', font), join(root, KATEX_DIR, 'fonts', font));

        const href = `href="${joinBase(base, path)}"`;
        for (const [file, html] of linking) await writeFile(join(root, file), html.replaceAll(standIn, href));
        logger.info(`${path} (${formulas.length} formulas, ${css.length} bytes) for ${linking.size} page(s); fonts: ${fonts.join(', ')}`);
      },
    },
  };
}
