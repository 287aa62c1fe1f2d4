/**
 * An edition is a folder: its settings (`edition.yaml`), the report's text, the chapter MDX, the
 * anchor manifest and, if it has them, a glossary, indicator tables, 对照阅读 and data checks.
 * This module reads and checks one such folder, once per process, and is the only place that
 * knows where an edition's files are. `EDITION=<dir>` chooses the folder; without it, `content/`.
 *
 * Everything is checked before anything is built: the settings against the schema, the text
 * against the report conventions, the title block, the chapter slugs against the parts, and the
 * apparatus the settings declare. Each failure is a `ContentError` naming the file and the line.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseReport, ReportParseError, type ReportModel } from '../report/parse-report.ts';
import { ContentError, lineOf } from './content-error.ts';
import { parseData } from './read-data.ts';
import { editionSchema, type EditionSettings } from './schema.ts';
import { readTitleBlock, type TitleBlock } from './title-block.ts';

/** The default edition's folder, relative to the project. */
export const DEFAULT_EDITION_DIR = 'content';
export const SETTINGS_FILE = 'edition.yaml';

/** What a citation of the report needs (GB/T 7714, the short in-text form, exports). */
export interface CitationInfo {
  /** The issuing government: 示例县人民政府. */
  author: string;
  /** 政府工作报告. */
  title: string;
  /** 2024年1月10日在示例县第十八届人民代表大会第三次会议上. */
  subtitle: string;
  /** `YYYY-MM-DD`. */
  issued: string;
  /** 示例县2024年政府工作报告: how a text names the report. */
  short: string;
}

export interface EditionChapter {
  /** URL segment of the chapter page: a citation contract. */
  slug: string;
  /** The part the chapter holds; absent for the opening. */
  part?: number;
}

export interface Edition {
  /** The folder, absolute. */
  dir: string;
  /** The folder as given (relative to the project where it is inside it), for messages. */
  name: string;
  id: string;
  issuer: string;
  language: string;
  /** The header's short name: 示例. */
  shortName: string;
  titleBlock: TitleBlock;
  /** The year of the report: 2024. */
  year: number;
  citation: CitationInfo;
  source: { file: string; model: ReportModel };
  chapters: EditionChapter[];
  /** Absolute paths of the edition's parts; the optional apparatus only when declared. */
  paths: {
    settings: string;
    chapters: string;
    anchors: string;
    glossary?: string;
    indicators?: string;
    charts?: string;
    correspondences?: string;
    dataChecks?: string;
  };
  glossaryLevels: string[];
  indicatorOrder: string[];
  /** The search page's examples: whole words, and parts of words that find them too. */
  search: { examples?: string[]; partial?: string[] };
  /** Where the edition is published, ending in `/`, if the settings say (`publicUrl`). */
  publicUrl?: string;
}

/** The edition folder chosen by `EDITION`, absolute. */
export function editionDir(env: NodeJS.ProcessEnv = process.env): string {
  return resolve(env.EDITION?.trim() || DEFAULT_EDITION_DIR);
}

const display = (path: string) => {
  const rel = relative(process.cwd(), path);
  return rel && !rel.startsWith('..') ? rel : path;
};

function readSettings(file: string): { settings: EditionSettings; text: string } {
  if (!existsSync(file))
    throw new ContentError(
      display(file),
      1,
      '找不到本版的设置文件 edition.yaml。',
      '用 npm run new -- <报告.txt> <目录> 生成一个编辑目录，或检查 EDITION 是否指向编辑目录。',
    );
  const { data: settings, text } = parseData(display(file), readFileSync(file, 'utf8'), editionSchema, {
    keyNoun: '设置项',
    fix: (path, issue) =>
      issue.code === 'unrecognized_keys'
        ? '标题、日期、地点、会议和报告人从报告的标题块读出，不必写在这里（读不出时写在 titleBlock 下）。'
        : fixFor(path[0]),
  });
  return { settings, text };
}

function fixFor(key: string | number | undefined): string {
  switch (key) {
    case 'id':
      return '写一个英文短名，例如 id: shili-2024。';
    case 'chapters':
      return '按阅读顺序写各章网址，开篇在前：chapters: [opening, part-1, part-2, part-3]。';
    case 'source':
      return '写报告纯文本在本目录中的路径，例如 source: source/report.txt。';
    default:
      return '按 src/edition/schema.ts 中该字段的说明修改。';
  }
}

/** An existing folder holding at least one file with `ext`, or an error at the settings' line. */
function apparatusDir(edition: { settingsText: string; settingsFile: string }, key: string, dir: string, ext: string, what: string): string {
  const where = (reason: string, fix: string) => new ContentError(display(edition.settingsFile), lineOf(edition.settingsText, `${key}`), reason, fix);
  if (!existsSync(dir) || !statSync(dir).isDirectory())
    throw where(`声明了${what}目录 ${display(dir)}，但它不存在。`, `建立这个目录并放入${what}，或从 edition.yaml 中删去 ${key}（本版就不含${what}）。`);
  if (!readdirSync(dir).some((n) => n.endsWith(ext)))
    throw where(`${what}目录 ${display(dir)} 是空的（没有 ${ext} 文件）。`, `放入至少一个 ${ext} 文件，或从 edition.yaml 中删去 ${key}（本版就不含${what}）。`);
  return dir;
}

function apparatusFile(edition: { settingsText: string; settingsFile: string }, key: string, file: string, what: string): string {
  if (!existsSync(file) || !statSync(file).isFile())
    throw new ContentError(
      display(edition.settingsFile),
      lineOf(edition.settingsText, `${key}:`),
      `声明了${what}文件 ${display(file)}，但它不存在。`,
      `建立这个文件，或从 edition.yaml 中删去 ${key}（本版就不含${what}）。`,
    );
  return file;
}

const ISO_TO_CHINESE = (iso: string) => {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
};

/** Reads and checks the edition in `dir`; see the module comment. */
export function readEdition(dir: string): Edition {
  const settingsFile = join(dir, SETTINGS_FILE);
  const { settings, text: settingsText } = readSettings(settingsFile);
  const ctx = { settingsFile, settingsText };

  const sourceFile = join(dir, settings.source);
  if (!existsSync(sourceFile))
    throw new ContentError(display(settingsFile), lineOf(settingsText, 'source:'), `报告原文 ${display(sourceFile)} 不存在。`, '把报告的纯文本（UTF-8）放到这个路径，或改正 source。');
  let model: ReportModel;
  try {
    model = parseReport(readFileSync(sourceFile, 'utf8'));
  } catch (error) {
    if (error instanceof ReportParseError) throw new ContentError(display(sourceFile), error.line, error.reason, error.hint);
    throw error;
  }

  const { facts, gaps } = readTitleBlock(model.titleLines);
  const given = settings.titleBlock ?? {};
  const missing = gaps.find((g) => given[g.field] === undefined);
  if (missing)
    throw new ContentError(
      display(sourceFile),
      missing.line,
      `标题块中读不出${{ title: '报告标题', date: '日期', place: '地点', meeting: '会议名称', speaker: '报告人' }[missing.field]}（标题块应为：标题一行，“某年某月某日在某地第某届人民代表大会第某次会议上”，最后一行是职务和姓名，如“县长  王  某”）。`,
      `在 ${display(settingsFile)} 中写明：titleBlock: { title: 政府工作报告, date: 2024-01-10, place: 某县, meeting: 第一届人民代表大会第三次会议, speaker: { role: 县长, name: 某某 } }，只写读不出的几项。`,
    );
  const merged = { ...facts, ...given } as Omit<TitleBlock, 'occasionLines'> & { occasionLines?: string[] };
  const overridesOccasion = given.date || given.place || given.meeting;
  const titleBlock: TitleBlock = {
    ...merged,
    occasionLines: !overridesOccasion && merged.occasionLines ? merged.occasionLines : [`${ISO_TO_CHINESE(merged.date)}在${merged.place}${merged.meeting}上`],
  };
  const year = Number(titleBlock.date.slice(0, 4));

  const expected = model.parts.length + 1;
  if (settings.chapters.length !== expected)
    throw new ContentError(
      display(settingsFile),
      lineOf(settingsText, 'chapters:'),
      `chapters 列了 ${settings.chapters.length} 个网址，报告有开篇和 ${model.parts.length} 个部分，应为 ${expected} 个。`,
      `按阅读顺序写 ${expected} 个网址：开篇一个，然后每部分一个，例如 [${['opening', ...model.parts.map((p) => `part-${p.n}`)].join(', ')}]。`,
    );

  const chaptersDir = join(dir, 'chapters');
  if (!existsSync(chaptersDir) || !readdirSync(chaptersDir).some((n) => n.endsWith('.mdx')))
    throw new ContentError(display(settingsFile), 1, `本版没有章节：${display(chaptersDir)} 中没有 .mdx 文件。`, `运行 npm run import -- ${display(sourceFile)} ${display(chaptersDir)} 生成章节。`);

  const paths: Edition['paths'] = { settings: settingsFile, chapters: chaptersDir, anchors: join(dir, 'anchors.json') };
  if (settings.glossary) paths.glossary = apparatusDir(ctx, 'glossary', join(dir, settings.glossary.dir), '.md', '名词解释');
  if (settings.indicators) paths.indicators = apparatusDir(ctx, 'indicators', join(dir, settings.indicators.dir), '.yaml', '指标表');
  if (settings.charts) paths.charts = apparatusDir(ctx, 'charts', join(dir, settings.charts.dir), '.yaml', '图表数据');
  if (settings.correspondences) paths.correspondences = apparatusFile(ctx, 'correspondences', join(dir, settings.correspondences), '对照阅读');
  if (settings.dataChecks) paths.dataChecks = apparatusFile(ctx, 'dataChecks', join(dir, settings.dataChecks), '数据核对');

  return {
    dir,
    name: display(dir),
    id: settings.id,
    issuer: settings.issuer,
    language: settings.language,
    shortName: settings.shortName ?? titleBlock.place,
    titleBlock,
    year,
    citation: {
      author: settings.issuer,
      title: titleBlock.title,
      subtitle: titleBlock.occasionLines.join(''),
      issued: titleBlock.date,
      short: `${titleBlock.place}${year}年${titleBlock.title}`,
    },
    source: { file: sourceFile, model },
    chapters: settings.chapters.map((slug, i) => (i === 0 ? { slug } : { slug, part: i })),
    paths,
    glossaryLevels: settings.glossary?.levels ?? [],
    indicatorOrder: settings.indicators?.order ?? [],
    search: settings.search ?? {},
    ...(settings.publicUrl ? { publicUrl: settings.publicUrl.replace(/\/?$/, '/') } : {}),
  };
}

const cache = new Map<string, Edition>();

/** The edition this process builds (chosen by `EDITION`), read once. */
export function currentEdition(): Edition {
  const dir = editionDir();
  let edition = cache.get(dir);
  if (!edition) {
    edition = readEdition(dir);
    cache.set(dir, edition);
  }
  return edition;
}

/** A paragraph to show in examples of citing, two thirds of the way through: one every edition has, past the opening. */
export function exampleParagraph(edition: Pick<Edition, 'source'>): number {
  return Math.max(1, Math.floor((edition.source.model.paragraphs.length * 2) / 3));
}
