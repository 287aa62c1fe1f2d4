/**
 * Ships the Apache and IIS configs with the site: `deploy/apache/.htaccess` and
 * `deploy/iis/web.config` are copied to the output's root, so an unpacked site works on either
 * server as it is. (nginx reads its config from outside the site: see deploy/nginx/.)
 */
import { copyFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

export default function serverConfigs(): AstroIntegration {
  return {
    name: 'edition:server-configs',
    hooks: {
      'astro:build:done': async ({ dir }) => {
        const out = fileURLToPath(dir);
        await copyFile('deploy/apache/.htaccess', join(out, '.htaccess'));
        await copyFile('deploy/iis/web.config', join(out, 'web.config'));
        // nginx reads its config from outside the site; a copy travels with the site for the admin.
        await mkdir(join(out, 'downloads'), { recursive: true });
        await copyFile('deploy/nginx/cixi-2021.conf', join(out, 'downloads/nginx-cixi-2021.conf.txt'));
      },
    },
  };
}
