/**
 * `npm run new -- <report.txt> <dir> [--id <id>] [--force]`: makes a ready-to-build edition
 * folder from a plain-text report: the source copied byte for byte, the chapters, the settings
 * filled from the title block, and the anchor manifest. Build it with `EDITION=<dir> npm run build`.
 * The last line of output is `parts=P sections=S paragraphs=N`.
 *
 * It refuses a folder that is not empty, so an edition being edited is never overwritten;
 * `--force` writes the generated files over it (other files are left as they are).
 */
import { existsSync, readdirSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ContentError } from '../src/edition/content-error.ts';
import { newEdition } from '../src/edition/new-edition.ts';
import { editionSchema } from '../src/edition/schema.ts';
import { readReportFile } from '../src/report/read-report-file.ts';
import { inFile, runCli, UsageError } from './cli.ts';

const USAGE = 'npm run new -- <report.txt> <dir> [--id <英文短名>] [--force]';

/** A source file name safe in a URL and a YAML string: the input's own name if it is, else report.txt. */
const sourceName = (input: string) => (/^[A-Za-z0-9][A-Za-z0-9._-]*\.txt$/.test(basename(input)) ? basename(input) : 'report.txt');

async function main(argv: string[]): Promise<void> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, options: { id: { type: 'string' }, force: { type: 'boolean' } } });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const [input, out, ...rest] = parsed.positionals;
  if (!input || !out || rest.length) throw new UsageError(input ? '需要两个参数：报告文件和编辑目录。' : '缺少参数。');
  const { id, force } = parsed.values;
  if (id !== undefined) {
    const checked = editionSchema.shape.id.safeParse(id);
    if (!checked.success) throw new UsageError(`--id “${id}” 不能用：${checked.error.issues[0]!.message}`);
  }
  const dir = resolve(out);
  if (existsSync(dir) && readdirSync(dir).length > 0 && !force)
    throw new UsageError(`目录 ${out} 不是空的，为免覆盖已有的编辑内容，没有写入任何文件。换一个新目录；确要覆盖其中生成的文件（edition.yaml、chapters/、anchors.json、source/），加 --force。`);

  const file = resolve(input);
  const { bytes, text } = readReportFile(file);
  let edition;
  try {
    edition = newEdition(text, sourceName(input), { id });
  } catch (error) {
    inFile(file, error);
  }
  const written: string[] = [];
  const write = async (path: string, contents: string | Uint8Array) => {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), contents);
    written.push(path);
  };
  await write(`source/${sourceName(input)}`, bytes);
  for (const [path, contents] of edition.files) await write(path, contents);
  if (!existsSync(join(dir, 'edition.yaml'))) throw new ContentError(dir, 1, '写入失败。', '检查目录的写入权限。');

  const rel = relative(process.cwd(), dir);
  const shown = rel && !rel.startsWith('..') ? rel : dir;
  console.log(`wrote ${written.length} files in ${shown}/: ${written.join(', ')}`);
  console.log(`edition ${edition.id}: ${edition.titleBlock.place} ${edition.titleBlock.date} ${edition.titleBlock.title}`);
  for (const e of edition.model.emendations) console.log(`emended line ${e.line}: removed ${e.removed}`);
  console.log(`next: EDITION=${shown} npm run build   (then edit ${shown}/edition.yaml: chapter URLs, glossary, notes)`);
  const { parts, sections, paragraphs } = edition.summary;
  console.log(`parts=${parts} sections=${sections} paragraphs=${paragraphs}`);
}

await runCli(() => main(process.argv.slice(2)), USAGE);
