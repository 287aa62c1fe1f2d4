/**
 * What `npm run new` writes for a report: the settings, the chapters and the anchor manifest of
 * a ready-to-build edition, all read from the report's text. Pure: text in, files out; the
 * command copies the source's bytes and writes the files.
 */
import { pinyin } from 'pinyin-pro';
import { anchorManifest } from '../report/anchor-manifest.ts';
import { parseReport, ReportParseError, summarize, type ReportModel } from '../report/parse-report.ts';
import { toChapterFiles } from '../report/to-mdx.ts';
import { readTitleBlock, type TitleBlock } from './title-block.ts';

export interface NewEdition {
  model: ReportModel;
  titleBlock: TitleBlock;
  id: string;
  /** Paths relative to the edition folder → contents. The source is not among them. */
  files: Map<string, string>;
  summary: ReturnType<typeof summarize>;
}

const ADMIN_SUFFIX = /^(.{2,}?)(自治县|自治旗|市|县|区|旗|州|盟)$/;

/** 示例县, 2024 → `shili-2024`: the place's name without its administrative suffix, in pinyin. */
export function defaultId(place: string, year: number): string {
  const name = ADMIN_SUFFIX.exec(place)?.[1] ?? place;
  const latin = pinyin(name, { toneType: 'none', type: 'array', nonZh: 'consecutive' })
    .join('')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return `${latin.slice(0, 30) || 'report'}-${year}`;
}

/** The settings file, in the edition's language, with the facts read from the report. */
function settingsYaml(e: { id: string; source: string; issuer: string; shortName: string; slugs: string[]; titleBlock: TitleBlock }): string {
  const q = (s: string) => JSON.stringify(s);
  return `# 本版设置：${e.issuer}《${e.titleBlock.title}》（${e.titleBlock.occasionLines.join('')}）阅读注释版。
# 由 npm run new 生成。标题、日期、地点、会议和报告人从报告的标题块读出，不在这里重复。
# 各字段的说明见 src/edition/schema.ts。

# 英文短名：浏览器中批注的存储键名、下载文件名、nginx 配置名都由它而来。发布后不可更改。
id: ${e.id}
# 报告原文，与收到的文件逐字节相同。
source: ${q(e.source)}
# 发布报告的政府：参考文献的责任者。请核对。
issuer: ${q(e.issuer)}
language: zh-CN
# 页眉中的简称。
shortName: ${q(e.shortName)}

# 各章网址，按阅读顺序：开篇，然后每部分一个。发布前可改为有意义的网址（如 review-2023），发布后永不改变。
chapters:
${e.slugs.map((s) => `  - ${s}`).join('\n')}

# 以下为可选的编辑内容，有了再加上（去掉 # 号）：
# 名词解释：条目目录（每条一个 .md 文件），以及条目可标的层级（从国家到本地）。
# glossary:
#   dir: glossary
#   levels: [国家, 某省, 某市, ${e.titleBlock.place}]
# 主要指标：指标表目录（每表一个 .yaml 文件）。
# indicators:
#   dir: indicators
# 对照阅读与数据核对。
# correspondences: correspondences.yaml
# dataChecks: data-checks.yaml
`;
}

/**
 * The edition of `text`, a report read from `sourceName`. Throws a `ReportParseError` (with the
 * line) for text that does not follow the conventions or a title block that cannot be read.
 */
export function newEdition(text: string, sourceName: string, options: { id?: string } = {}): NewEdition {
  const model = parseReport(text);
  const { facts, gaps } = readTitleBlock(model.titleLines);
  if (gaps.length) {
    const names = { title: '报告标题', date: '日期', place: '地点', meeting: '会议名称', speaker: '报告人' };
    throw new ReportParseError(
      gaps[0]!.line,
      `标题块中读不出${[...new Set(gaps.map((g) => names[g.field]))].join('、')}。`,
      '标题块应为：标题一行（如“政府工作报告”），然后“某年某月某日在某地第某届人民代表大会第某次会议上”（可分几行），最后一行是职务和姓名（如“县长  王  某”）。请按此改正报告的标题块。',
    );
  }
  const titleBlock = facts as TitleBlock;
  const year = Number(titleBlock.date.slice(0, 4));
  const id = options.id ?? defaultId(titleBlock.place, year);
  const issuer = /我代表(\p{Script=Han}{2,20}?人民政府)/u.exec(model.paragraphs[0]?.text ?? '')?.[1] ?? `${titleBlock.place}人民政府`;
  const chapters = toChapterFiles(model);
  const slugs = chapters.map((c) => c.slug);
  const files = new Map<string, string>();
  files.set('edition.yaml', settingsYaml({ id, source: `source/${sourceName}`, issuer, shortName: ADMIN_SUFFIX.exec(titleBlock.place)?.[1] ?? titleBlock.place, slugs, titleBlock }));
  for (const c of chapters) files.set(`chapters/${c.fileName}`, c.contents);
  const manifest = anchorManifest(model, slugs.map((slug, i) => (i ? { slug, part: i } : { slug })));
  files.set('anchors.json', JSON.stringify(manifest, null, 2) + '\n');
  return { model, titleBlock, id, files, summary: summarize(model) };
}
