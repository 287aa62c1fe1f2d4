/**
 * `npm run import -- <report.txt> <out-dir>`: turns a plain-text report into chapter MDX files.
 * The last line of output is `parts=P sections=S paragraphs=N`, for scripts that check it.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseReport, ReportParseError, summarize } from '../src/report/parse-report.ts';
import { toChapterFiles } from '../src/report/to-mdx.ts';

async function main(argv: string[]): Promise<number> {
  const [input, outDir] = argv;
  if (!input || !outDir) {
    console.error('用法 (usage): npm run import -- <report.txt> <out-dir>');
    return 2;
  }
  let source: string;
  try {
    source = await readFile(input, 'utf8');
  } catch (error) {
    console.error(`${input}: 无法读取 (cannot read): ${(error as Error).message}`);
    return 2;
  }
  let model;
  try {
    model = parseReport(source);
  } catch (error) {
    if (error instanceof ReportParseError) {
      console.error(`${resolve(input)}:${error.line}: ${error.reason}\n  修改方法 (fix): ${error.hint}`);
      return 1;
    }
    throw error;
  }
  await mkdir(outDir, { recursive: true });
  for (const file of toChapterFiles(model)) {
    await writeFile(join(outDir, file.fileName), file.contents);
    console.log(`wrote ${join(outDir, file.fileName)}`);
  }
  for (const e of model.emendations) console.log(`emended line ${e.line}: removed ${e.removed}`);
  const { parts, sections, paragraphs } = summarize(model);
  console.log(`parts=${parts} sections=${sections} paragraphs=${paragraphs}`);
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
