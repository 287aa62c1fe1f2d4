/**
 * Lighthouse 12.2.3 (settings in scripts/audit.ts) on the home page and a chapter: performance,
 * accessibility and best practices 100 each.
 */
import { expect, inject, test } from 'vitest';
import { runAudit } from '../../scripts/audit.ts';

test('Lighthouse: 100 / 100 / 100 on the home page and a chapter', async () => {
  const results = await runAudit(inject('baseUrl'));
  for (const r of results) {
    expect({ page: r.path, ...r.scores }, `/${r.path} lost points on: ${r.losses.join('; ')}`).toEqual({
      page: r.path,
      performance: 100,
      accessibility: 100,
      'best-practices': 100,
    });
  }
}, 240_000);
