/**
 * Ships the Apache and IIS configs with the site: `deploy/apache/.htaccess` and
 * `deploy/iis/web.config` are copied to the output's root, so an unpacked site works on either
 * server as it is. (nginx reads its config from outside the site: see deploy/nginx/.)
 */
import { copyFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import type { Edition } from '../edition/load-edition.ts';

/** Where the nginx config travels with the site, named after the edition. */
export const nginxDownload = (edition: Pick<Edition, 'id'>) => `downloads/nginx-${edition.id}.conf.txt`;

export default function serverConfigs(edition: Edition): AstroIntegration {
  return {
    name: 'edition:server-configs',
    hooks: {
      'astro:build:done': async ({ dir }) => {
        const out = fileURLToPath(dir);
        await copyFile('deploy/apache/.htaccess', join(out, '.htaccess'));
        await copyFile('deploy/iis/web.config', join(out, 'web.config'));
        // nginx reads its config from outside the site; a copy travels with the site for the admin.
        await mkdir(join(out, 'downloads'), { recursive: true });
        await copyFile('deploy/nginx/edition.conf', join(out, nginxDownload(edition)));
      },
    },
  };
}
