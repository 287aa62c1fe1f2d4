import { basename } from 'node:path';
import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';
import editionIntegration from './src/edition/integration.ts';
import epub from './src/epub/integration.ts';
import { currentEdition } from './src/edition/load-edition.ts';
import { loadGlossary } from './src/glossary/load-glossary.ts';
import downloads from './src/integrations/downloads.ts';
import katexAssets from './src/integrations/katex-assets.ts';
import noPreloadHelper from './src/integrations/no-preload-helper.ts';
import pagefindIndex from './src/integrations/pagefind-index.ts';
import precompress from './src/integrations/precompress.ts';
import serverConfigs from './src/integrations/server-configs.ts';
import { markdownPlugins } from './src/plugins/markdown-plugins.ts';
import { basePath } from './src/site/base-path.ts';
import { loadCorrespondences } from './src/report/correspondences.ts';
import { loadDataChecks } from './src/report/data-checks.ts';
import { sourceParagraphs } from './src/report/source.ts';
import { reportTargets } from './src/report/targets.ts';

// EDITION=<dir> npm run build: the edition in that folder (default: content/, see src/edition/).
const edition = currentEdition();
// BASE_PATH=/reports/<id>/ npm run build: a site that works under that path.
const base = basePath(process.env.BASE_PATH);
const source = sourceParagraphs();
const targets = reportTargets(edition.source.model, edition.chapters);
const { glossary, dataChecks, correspondences } = edition.paths;

// https://docs.astro.build/en/reference/configuration-reference/
export default defineConfig({
  base,
  // OUT_DIR lets the tests build a sub-path edition beside the main one.
  outDir: process.env.OUT_DIR ?? './dist',
  // One cache per edition and output folder: two editions' content never mix in Astro's data
  // store, and two builds running at once never share one.
  cacheDir: `./node_modules/.astro/${edition.id}${process.env.OUT_DIR ? `-${basename(process.env.OUT_DIR)}` : ''}`,
  trailingSlash: 'always',
  build: {
    format: 'directory',
    // External stylesheets only: they cache across pages and keep a strict CSP simple.
    inlineStylesheets: 'never',
  },
  integrations: [
    editionIntegration(edition),
    mdx(
      markdownPlugins({
        source,
        base,
        targets,
        glossary: glossary ? loadGlossary(glossary) : [],
        dataChecks: dataChecks ? loadDataChecks(dataChecks) : undefined,
        correspondences: correspondences ? loadCorrespondences(targets, (n) => source.get(n), correspondences) : undefined,
      }),
    ),
    pagefindIndex(),
    katexAssets(),
    serverConfigs(edition),
    // The EPUB, from the built pages; before downloads(), whose zip holds it.
    epub({ base, edition }),
    // It packs the finished site and builds the offline edition from the built pages.
    downloads({ base, edition }),
    // Last of all (it checks): a .gz beside every text file, which the server configs send in
    // its place, so no file may change after it. The site archive above holds none.
    precompress(),
  ],
  markdown: { syntaxHighlight: false },
  devToolbar: { enabled: false },
  vite: {
    // Dynamic imports as written, without Vite's preload helper (see the plugin).
    plugins: [noPreloadHelper()],
    build: {
      // Never inline scripts or assets into HTML: a strict CSP allows only files from 'self'.
      assetsInlineLimit: 0,
      // No modulepreload links nor their polyfill: what loads on use is a few small modules, and
      // the styles that come with them are loaded by the features themselves
      // (src/reader/stylesheet.ts). Vite still wraps each dynamic import in its preload helper;
      // the plugin above takes it off.
      modulePreload: false,
      // The oldest browsers supported: Chromium 86 (the core of many domestic browsers on
      // government desktops: 360, QQ, 统信, 麒麟), Firefox 78 ESR, Safari 14. See the README.
      target: ['chrome86', 'edge86', 'firefox78', 'safari14'],
    },
  },
});
