/**
 * The editions the engine's tests run on, besides the default one: a second report made by
 * `npm run new` from a fixture, once with a glossary and an indicator table of its own and once
 * with no apparatus at all; and two editions built under `/reports/<id>/` to share one host.
 * `scripts/test-editions.ts` makes and builds them; `vitest.config.ts` runs the site tests on each.
 */
export const TEST_EDITIONS_DIR = '.test-editions';
export const FIXTURE = 'tests/fixtures/editions/sample-county';

export interface TestEdition {
  /** The test project's name. */
  name: string;
  /** The edition folder. */
  edition: string;
  /** Its build. */
  dist: string;
}

export const EDITIONS: TestEdition[] = [
  { name: 'cixi-2021', edition: 'content', dist: process.env.DIST ?? 'dist' },
  { name: 'sample', edition: `${TEST_EDITIONS_DIR}/sample`, dist: `${TEST_EDITIONS_DIR}/dist/sample` },
  { name: 'sample-bare', edition: `${TEST_EDITIONS_DIR}/sample-bare`, dist: `${TEST_EDITIONS_DIR}/dist/sample-bare` },
];

/** Two editions on one host: each built under `/reports/<id>/`, side by side in one web root. */
export const HOST = {
  root: `${TEST_EDITIONS_DIR}/host`,
  editions: [
    { edition: 'content', id: 'cixi-2021' },
    { edition: `${TEST_EDITIONS_DIR}/sample`, id: 'shili-2024' },
  ],
} as const;
