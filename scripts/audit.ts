/**
 * `npm run audit`: Lighthouse 12.2.3 on the home page and a chapter, served by the project's
 * nginx config, in Debian's Chromium. Prints performance, accessibility and best practices for
 * each page; requires accessibility and best practices of 100 and exits non-zero otherwise,
 * naming the audits that cost points. Performance is printed, never required: it is timing, and
 * the machines that run the tests are small and shared (the byte budgets in
 * tests/site/budgets.test.ts hold what makes pages fast). Settings: Lighthouse's defaults (mobile
 * form factor, simulated throttling: 150 ms RTT, 1.6 Mbps, 4× CPU slowdown), headless Chromium
 * with the flags this machine needs; each page run `AUDIT_RUNS` times (default 1; the two
 * required categories do not depend on timing), the run with the median performance kept.
 * `npm test` runs this after the builds and the type check, before vitest. Needs a built site (`dist/`, or the folder `DIST`
 * names).
 */
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { basePath } from '../src/site/base-path.ts';
import { chromiumPath, CHROMIUM_FLAGS } from '../tests/support/browser.ts';
import { startNginx } from '../tests/support/nginx.ts';
import { DIST } from '../tests/support/site.ts';

export const PAGES = ['', 'review-2020/'];
const RUNS = Math.max(1, Number(process.env.AUDIT_RUNS ?? 1));
export const CATEGORIES = ['performance', 'accessibility', 'best-practices'] as const;
/** The categories that must score 100; performance is only shown. */
export const REQUIRED = ['accessibility', 'best-practices'] as const;

export interface AuditResult {
  path: string;
  scores: Record<(typeof CATEGORIES)[number], number>;
  /** The audits that cost points, for a failure message. */
  losses: string[];
}

/** Runs Lighthouse on each page of the site at `baseUrl`. */
export async function runAudit(baseUrl: string): Promise<AuditResult[]> {
  const chrome = await chromeLauncher.launch({ chromePath: chromiumPath(), chromeFlags: [...CHROMIUM_FLAGS, '--headless=new'] });
  const results: AuditResult[] = [];
  try {
    for (const path of PAGES) {
      // With several runs the median is kept, as Lighthouse's own guidance on variability advises.
      const runs = [];
      for (let i = 0; i < RUNS; i++)
        runs.push((await lighthouse(baseUrl + path, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: [...CATEGORIES] }))!.lhr);
      runs.sort((a, b) => (a.categories.performance?.score ?? 0) - (b.categories.performance?.score ?? 0));
      const lhr = runs[Math.floor(RUNS / 2)]!;
      const scores = Object.fromEntries(CATEGORIES.map((c) => [c, Math.round((lhr.categories[c]?.score ?? 0) * 100)])) as AuditResult['scores'];
      const losses = CATEGORIES.flatMap((c) =>
        lhr.categories[c]!.auditRefs
          .map((ref) => lhr.audits[ref.id]!)
          .filter((a) => a.score !== null && a.score < 1 && a.scoreDisplayMode !== 'informative' && a.scoreDisplayMode !== 'notApplicable' && a.scoreDisplayMode !== 'manual')
          .map((a) => `${c}/${a.id}: ${a.title} (${a.displayValue ?? a.score})`),
      );
      results.push({ path, scores, losses });
    }
  } finally {
    await chrome.kill();
  }
  return results;
}

/** The pages whose required categories are below 100, each with the audits that cost points. */
export function failures(results: readonly AuditResult[]): string[] {
  return results
    .filter((r) => REQUIRED.some((c) => r.scores[c] < 100))
    .map((r) => {
      const low = REQUIRED.filter((c) => r.scores[c] < 100).map((c) => `${c} ${r.scores[c]}`);
      const losses = r.losses.filter((l) => REQUIRED.some((c) => l.startsWith(`${c}/`)));
      return `/${r.path}: ${low.join(', ')}\n  ${losses.join('\n  ')}`;
    });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const server = await startNginx(DIST, basePath(process.env.BASE_PATH));
  try {
    const results = await runAudit(server.baseUrl);
    console.log('| page | ' + CATEGORIES.join(' | ') + ' |');
    console.log('| --- | ' + CATEGORIES.map(() => '---').join(' | ') + ' |');
    for (const r of results) console.log(`| /${r.path} | ${CATEGORIES.map((c) => r.scores[c]).join(' | ')} |`);
    const slow = results.filter((r) => r.scores.performance < 100);
    for (const r of slow) console.log(`/${r.path} performance (shown, not required):\n  ${r.losses.filter((l) => l.startsWith('performance/')).join('\n  ')}`);
    const failed = failures(results);
    if (failed.length) {
      console.error(`audit: FAILED — accessibility and best practices must be 100 on every page:\n${failed.join('\n')}`);
      process.exitCode = 1;
    } else console.log(`audit: accessibility and best practices 100 on ${results.length} pages; performance ${results.map((r) => r.scores.performance).join(', ')} (shown, not required)`);
  } finally {
    await server.stop();
  }
}
