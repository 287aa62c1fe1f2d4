/**
 * `npm run test:editions`: makes and builds the editions the engine's tests run on besides the
 * default one (see `tests/support/test-editions.ts`), the way a reader of the README would: with
 * `npm run new` on a report the project has never built, then `EDITION=… npm run build`.
 * Prints how long each step took.
 */
import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { EDITIONS, FIXTURE, HOST, TEST_EDITIONS_DIR } from '../tests/support/test-editions.ts';

function run(what: string, command: string, args: string[], env: Record<string, string> = {}) {
  const started = performance.now();
  const result = spawnSync(command, args, { encoding: 'utf8', env: { ...process.env, ...env } });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  if (result.status !== 0) {
    console.error(result.stdout, result.stderr);
    throw new Error(`${what} failed (exit ${result.status})`);
  }
  console.log(`${what}: ${seconds} s — ${result.stdout.trim().split('\n').at(-1)}`);
}

const build = (edition: string, outDir: string, base?: string) =>
  run(`build ${edition} → ${outDir}`, 'node_modules/.bin/astro', ['build'], { EDITION: edition, OUT_DIR: outDir, ...(base ? { BASE_PATH: base } : {}) });

rmSync(TEST_EDITIONS_DIR, { recursive: true, force: true });
const [, sample, bare] = EDITIONS as [unknown, (typeof EDITIONS)[number], (typeof EDITIONS)[number]];

// A report the project has never built, as `npm run new` makes it: no apparatus at all.
run(`npm run new → ${bare.edition}`, 'node_modules/.bin/tsx', ['scripts/new.ts', join(FIXTURE, 'report.txt'), bare.edition]);
// The same report with a small glossary and an indicator table of its own.
run(`npm run new → ${sample.edition}`, 'node_modules/.bin/tsx', ['scripts/new.ts', join(FIXTURE, 'report.txt'), sample.edition]);
for (const part of ['glossary', 'indicators']) cpSync(join(FIXTURE, part), join(sample.edition, part), { recursive: true });
appendFileSync(join(sample.edition, 'edition.yaml'), '\n' + readFileSync(join(FIXTURE, 'apparatus.yaml'), 'utf8'));

build(sample.edition, sample.dist);
build(bare.edition, bare.dist);
for (const { edition, id } of HOST.editions) build(edition, join(HOST.root, 'reports', id), `/reports/${id}/`);
