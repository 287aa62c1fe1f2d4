/**
 * `npm run bench`: builds the site three times and prints, as tables (figures only, no verdicts):
 * - build time, median of three: Astro (pages), Pagefind (index) and the pre-compressed .gz
 *   files (Zopfli) separately;
 * - for every page, the bytes a fresh browser fetches from the project's nginx config, by kind
 *   (HTML, CSS, JS, fonts; gzipped as served), and the ratio of the total to the gzipped report
 *   text the page carries. The print stylesheet (`media="print"`, fetched without holding up the
 *   first paint) has a column of its own and is not in the first view, which is HTML + the other
 *   CSS + JS;
 *
 * `DIST=dist-x npm run bench` measures a build already in that folder and skips the builds.
 * - search: recall, precision, first- and second-query transfer, median keystroke to results.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { launch } from '../tests/support/browser.ts';
import { startNginx } from '../tests/support/nginx.ts';
import { htmlFiles, load, reportText } from '../tests/support/site.ts';
import { currentEdition } from '../src/edition/load-edition.ts';
import { downloadPaths } from '../src/integrations/downloads.ts';
import { basePath } from '../src/site/base-path.ts';
import { browserFigures, quality } from './bench-search.ts';

const RUNS = 3;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const kb = (n: number) => (n / 1024).toFixed(1);

function build() {
  const started = performance.now();
  const run = spawnSync('npx', ['astro', 'build'], { encoding: 'utf8', env: process.env });
  const total = performance.now() - started;
  if (run.status !== 0) throw new Error(`build failed:\n${run.stdout}\n${run.stderr}`);
  const pagefind = Number(/indexed \d+ records in (\d+) ms/.exec(run.stdout)?.[1] ?? NaN);
  const precompress = Number(/precompressed \d+ files in ([\d.]+) s/.exec(run.stdout)?.[1] ?? NaN) * 1000;
  return { total, pagefind, precompress, astro: total - pagefind - precompress };
}

const DIST = process.env.DIST ?? 'dist';
console.log(`machine: ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}), Node ${process.version}\n`);
if (process.env.DIST) console.log(`build: none, measuring ${DIST}/ as it is\n`);
else {
  const builds = Array.from({ length: RUNS }, build);
  console.log('build (median of 3) | seconds');
  console.log('--- | ---');
  console.log(`astro build, pages | ${(median(builds.map((b) => b.astro)) / 1000).toFixed(2)}`);
  console.log(`Pagefind index | ${(median(builds.map((b) => b.pagefind)) / 1000).toFixed(2)}`);
  console.log(`.gz files (Zopfli) | ${(median(builds.map((b) => b.precompress)) / 1000).toFixed(2)}`);
  console.log(`total | ${(median(builds.map((b) => b.total)) / 1000).toFixed(2)}\n`);
}

const server = await startNginx(DIST, basePath(process.env.BASE_PATH));
try {
  const browser = await launch();
  const kind = (path: string, print: Set<string>) =>
    /\.html?$|\/(\?.*)?$/.test(path)
      ? 'html'
      : print.has(path)
        ? 'print'
        : /\.css/.test(path)
          ? 'css'
          : /\.m?js/.test(path)
            ? 'js'
            : /\.woff2?|\.ttf/.test(path)
              ? 'font'
              : 'other';
  console.log('page | HTML KB | CSS KB | JS KB | first view KB | print CSS KB | font KB | other KB | total KB | report text KB (gz) | total ÷ text');
  console.log('--- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---:');
  // Downloads are saved, not shown; permalink pages are alike, so one stands for all.
  for (const file of htmlFiles().filter((f) => !f.startsWith('downloads/') && (!f.startsWith('p/') || f === 'p/42/index.html'))) {
    const path = file.replace(/index\.html$/, '');
    const context = await browser.newContext();
    const page = await context.newPage();
    const before = server.requests().length;
    await page.goto(server.baseUrl + path, { waitUntil: 'networkidle' });
    const served = server.requests().slice(before);
    await context.close();
    // The page's print stylesheets, as request paths (the hrefs are root-relative, base included).
    const print = new Set([...load(file).querySelectorAll('link[rel="stylesheet"][media="print"]')].map((l) => l.getAttribute('href')!));
    const by: Record<string, number> = { html: 0, css: 0, js: 0, print: 0, font: 0, other: 0 };
    for (const r of served) by[kind(r.path, print)]! += r.body;
    const total = Object.values(by).reduce((a, b) => a + b, 0);
    const first = by.html! + by.css! + by.js!;
    const article = load(file).querySelector('main article');
    const text = article ? reportText(article).replace(/\s+/g, '') : '';
    const textGz = text ? gzipSync(Buffer.from(text)).length : 0;
    console.log(
      `/${path} | ${kb(by.html!)} | ${kb(by.css!)} | ${kb(by.js!)} | ${kb(first)} | ${kb(by.print!)} | ${kb(by.font!)} | ${kb(by.other!)} | ${kb(total)} | ${textGz ? kb(textGz) : '—'} | ${textGz ? (total / textGz).toFixed(2) : '—'}`,
    );
  }
  await browser.close();
  console.log('\n(p/42/ stands for the 64 permalink pages: it is followed to its chapter, so its row counts both.)\n');

  const q = await quality();
  const s = await browserFigures(server);
  console.log('search | value');
  console.log('--- | ---');
  console.log(`recall | ${(q.recall * 100).toFixed(1)} %`);
  console.log(`precision | ${(q.precision * 100).toFixed(1)} %`);
  console.log(`first query (亩均) transfer | ${kb(s.first.bytes)} KB in ${s.first.requests} requests`);
  console.log(`second query (5G基站) transfer | ${kb(s.second.bytes)} KB in ${s.second.requests} requests`);
  console.log(`median keystroke → results (incl. ${s.debounce} ms debounce) | ${s.median.toFixed(0)} ms`);

  // The downloads, as a reader saves them: raw bytes (the offline file is opened from disk).
  const downloads = downloadPaths(currentEdition());
  console.log('\ndownload | KB | KB gzipped');
  console.log('--- | ---: | ---:');
  for (const [name, file] of [['offline file', downloads.offline], ['EPUB', downloads.epub]] as const) {
    const bytes = readFileSync(join(DIST, file));
    console.log(`${name} (${file}) | ${kb(bytes.length)} | ${kb(gzipSync(bytes, { level: 9 }).length)}`);
  }
} finally {
  await server.stop();
}
