/**
 * `npm run audit`: Lighthouse 12.2.3 on the home page and a chapter, served by the project's
 * nginx config, in Debian's Chromium. Requires performance, accessibility and best practices
 * of 100 each and exits non-zero otherwise. Settings: Lighthouse's defaults (mobile form
 * factor, simulated throttling: 150 ms RTT, 1.6 Mbps, 4× CPU slowdown), headless Chromium with
 * the flags this machine needs; each page three times, the run with the median performance
 * score kept. Performance is timing, so `npm test` runs this right after the build, before the
 * other tests load the machine. Needs a built site (`npm run build`).
 */
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { basePath } from '../src/report/base-path.ts';
import { chromiumPath, CHROMIUM_FLAGS } from '../tests/support/browser.ts';
import { startNginx } from '../tests/support/nginx.ts';

export const PAGES = ['', 'review-2020/'];
const RUNS = 3;
export const CATEGORIES = ['performance', 'accessibility', 'best-practices'] as const;

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
      // Three runs, the median kept, as Lighthouse's own guidance on variability advises.
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

if (import.meta.url === `file://${process.argv[1]}`) {
  const server = await startNginx('dist', basePath(process.env.BASE_PATH));
  try {
    const results = await runAudit(server.baseUrl);
    console.log('| page | ' + CATEGORIES.join(' | ') + ' |');
    console.log('| --- | ' + CATEGORIES.map(() => '---').join(' | ') + ' |');
    for (const r of results) console.log(`| /${r.path} | ${CATEGORIES.map((c) => r.scores[c]).join(' | ')} |`);
    const failed = results.filter((r) => CATEGORIES.some((c) => r.scores[c] < 100));
    for (const r of failed) console.log(`/${r.path}:\n  ${r.losses.join('\n  ')}`);
    console.log(failed.length ? `audit: ${failed.length} pages below 100` : 'audit: every category 100');
    process.exitCode = failed.length ? 1 : 0;
  } finally {
    await server.stop();
  }
}
