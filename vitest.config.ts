import { defineConfig } from 'vitest/config';
import { EDITIONS } from './tests/support/test-editions.ts';

export default defineConfig({
  test: {
    reporters: ['default', './tests/support/summary-reporter.ts'],
    projects: [
      {
        test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], sequence: { groupOrder: 0 } },
      },
      // The engine's checks over a built site, on every edition: the default one (dist/, which
      // npm test builds first) and those scripts/test-editions.ts makes and builds.
      ...EDITIONS.map(({ name, edition, dist }) => ({
        test: {
          name: `site:${name}`,
          include: ['tests/site/**/*.test.ts'],
          env: { EDITION: edition, DIST: dist },
          sequence: { groupOrder: 1 },
        },
      })),
      {
        // What is true of the default edition's report alone: tests beside its content.
        test: { name: 'report:cixi-2021', include: ['content/tests/**/*.test.ts'], env: { EDITION: 'content' }, sequence: { groupOrder: 1 } },
      },
      {
        // Real Chromium against the built site behind the project's nginx config.
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.ts'],
          globalSetup: ['tests/support/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          maxWorkers: 2,
          sequence: { groupOrder: 2 },
        },
      },
      {
        // The same test bodies in three engines (Chromium, Firefox ESR, WebKitGTK) against the
        // built site behind the project's nginx config; see tests/engines/engine.ts. After the
        // Chromium project, not beside it: four browsers at once on a two-core machine were
        // slower (264 s against 248 s for both projects) and made timing races likelier.
        test: {
          name: 'engines',
          include: ['tests/engines/**/*.test.ts'],
          globalSetup: ['tests/support/global-setup-engines.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          maxWorkers: 2,
          sequence: { groupOrder: 3 },
        },
      },
    ],
  },
});
