/**
 * `npm run import -- <report.txt> <out-dir>`: turns a plain-text report into chapter MDX files.
 * The last line of output is `parts=P sections=S paragraphs=N`, for scripts that check it.
 * (`npm run new` makes a whole edition folder; this writes only its chapters.)
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseReport, summarize } from '../src/report/parse-report.ts';
import { readReportFile } from '../src/report/read-report-file.ts';
import { toChapterFiles } from '../src/report/to-mdx.ts';
import { inFile, runCli, UsageError } from './cli.ts';

const USAGE = 'npm run import -- <report.txt> <out-dir>';

async function main(argv: string[]): Promise<void> {
  const [input, outDir, ...rest] = argv;
  if (!input || !outDir || rest.length) throw new UsageError(input ? '需要两个参数：报告文件和输出目录。' : '缺少参数。');
  const file = resolve(input);
  const { text } = readReportFile(file);
  let model;
  try {
    model = parseReport(text);
  } catch (error) {
    inFile(file, error);
  }
  await mkdir(outDir, { recursive: true });
  for (const chapter of toChapterFiles(model)) {
    await writeFile(join(outDir, chapter.fileName), chapter.contents);
    console.log(`wrote ${join(outDir, chapter.fileName)}`);
  }
  for (const e of model.emendations) console.log(`emended line ${e.line}: removed ${e.removed}`);
  const { parts, sections, paragraphs } = summarize(model);
  console.log(`parts=${parts} sections=${sections} paragraphs=${paragraphs}`);
}

await runCli(() => main(process.argv.slice(2)), USAGE);
