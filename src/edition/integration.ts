/**
 * The edition integration: makes the site of whichever edition `EDITION` names.
 * - It gives the page scripts the edition as `virtual:edition` (see `client.ts`).
 * - It adds the pages of the optional apparatus only when the edition has it: an edition
 *   without a glossary has no glossary page, and no page links to one.
 */
import type { AstroIntegration } from 'astro';
import { clientEdition } from './client.ts';
import type { Edition } from './load-edition.ts';

const VIRTUAL_ID = 'virtual:edition';
const RESOLVED_ID = `\0${VIRTUAL_ID}`;

/** Pages of the optional apparatus: added when the edition has the matching part. */
const APPARATUS_ROUTES: Record<'glossary' | 'indicators', { pattern: string; entrypoint: string }[]> = {
  glossary: [
    { pattern: '/glossary', entrypoint: 'src/glossary/pages/glossary.astro' },
    { pattern: '/glossary-summaries.json', entrypoint: 'src/glossary/pages/glossary-summaries.json.ts' },
    { pattern: '/glossary-terms.json', entrypoint: 'src/glossary/pages/glossary-terms.json.ts' },
  ],
  indicators: [
    { pattern: '/indicators', entrypoint: 'src/indicators/pages/index.astro' },
    { pattern: '/indicators/[table].csv', entrypoint: 'src/indicators/pages/[table].csv.ts' },
    { pattern: '/indicators/[table].json', entrypoint: 'src/indicators/pages/[table].json.ts' },
  ],
};

export default function editionIntegration(edition: Edition): AstroIntegration {
  return {
    name: 'edition:engine',
    hooks: {
      'astro:config:setup': ({ injectRoute, updateConfig, logger }) => {
        for (const part of ['glossary', 'indicators'] as const)
          if (edition.paths[part]) for (const route of APPARATUS_ROUTES[part]) injectRoute({ ...route, prerender: true });
        const module = `export default ${JSON.stringify(clientEdition(edition))};`;
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'edition:virtual',
                resolveId: (id: string) => (id === VIRTUAL_ID ? RESOLVED_ID : undefined),
                load: (id: string) => (id === RESOLVED_ID ? module : undefined),
              },
            ],
          },
        });
        logger.info(`${edition.id}（${edition.citation.short}）from ${edition.name}/`);
      },
    },
  };
}
