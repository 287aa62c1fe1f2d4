/**
 * The preload-helper plugin in a real Vite build (src/integrations/no-preload-helper.ts): a
 * page script that loads a module on use is built without Vite's helper, its `import()` as
 * written; and where the module loaded on use imports a stylesheet, which only the helper would
 * have loaded with it, the build stops and says so.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, type Rollup } from 'vite';
import { afterEach, expect, test } from 'vitest';
import noPreloadHelper from '../../src/integrations/no-preload-helper.ts';

let root: string | undefined;
afterEach(() => {
  if (root) rmSync(root, { recursive: true, force: true });
  root = undefined;
});

/** Builds `files` (their `main.js` the entry) as the site's client code is built, in memory. */
async function buildFixture(files: Record<string, string>): Promise<Rollup.RollupOutput> {
  root = mkdtempSync(join(tmpdir(), 'no-preload-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(root, name), text);
  const output = await build({
    root,
    configFile: false,
    logLevel: 'silent',
    plugins: [noPreloadHelper()],
    build: { write: false, modulePreload: false, minify: false, rollupOptions: { input: join(root, 'main.js') } },
  });
  return (Array.isArray(output) ? output[0] : output) as Rollup.RollupOutput;
}

test('a module loaded on use: no helper in the bundle, the import() as written', async () => {
  const output = await buildFixture({
    'main.js': "document.addEventListener('click', () => import('./lazy.js').then((m) => m.open()));\n",
    'lazy.js': "export function open() { document.body.dataset.open = 'yes'; }\n",
  });
  const entry = output.output.find((c) => c.type === 'chunk' && c.isEntry) as Rollup.OutputChunk;
  expect(entry.code).not.toContain('__vitePreload');
  expect(entry.code).not.toContain('modulepreload');
  expect(entry.code).toMatch(/import\(["']\.\/lazy-[\w-]+\.js["']\)/);
});

test('a module loaded on use that imports a stylesheet stops the build, naming it', async () => {
  await expect(
    buildFixture({
      'main.js': "document.addEventListener('click', () => import('./lazy.js').then((m) => m.open()));\n",
      'lazy.js': "import './lazy.css';\nexport function open() { document.body.dataset.open = 'yes'; }\n",
      'lazy.css': '.open { color: red; }\n',
    }),
  ).rejects.toThrow(/lazy.*\.css/);
});
