import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';
import katexAssets from './src/integrations/katex-assets.ts';
import pagefindIndex from './src/integrations/pagefind-index.ts';
import { markdownPlugins } from './src/plugins/markdown-plugins.ts';
import { basePath } from './src/report/base-path.ts';
import { sourceParagraphs } from './src/report/source.ts';
import { loadGlossary } from './src/glossary/load-glossary.ts';

const base = basePath(process.env.BASE_PATH);

// https://docs.astro.build/en/reference/configuration-reference/
export default defineConfig({
  // BASE_PATH=/reports/cixi-2021/ npm run build: a site that works under that path.
  base,
  trailingSlash: 'always',
  build: {
    format: 'directory',
    // External stylesheets only: they cache across pages and keep a strict CSP simple.
    inlineStylesheets: 'never',
  },
  integrations: [
    mdx(
      markdownPlugins({
        source: sourceParagraphs(),
        glossary: loadGlossary('content/glossary'),
        glossaryHref: (id) => `${base}glossary/#${id}`,
      }),
    ),
    pagefindIndex(),
    katexAssets(),
  ],
  markdown: { syntaxHighlight: false },
  devToolbar: { enabled: false },
  vite: {
    // Never inline scripts or assets into HTML: a strict CSP allows only files from 'self'.
    build: { assetsInlineLimit: 0 },
  },
});
