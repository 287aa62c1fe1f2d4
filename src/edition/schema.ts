/**
 * The shape of an edition's settings file, `edition.yaml`. Only what the report itself cannot
 * tell is written here: the title, date, place, meeting and speaker are read from the report's
 * title block (see `title-block.ts`), and typed here only where that block cannot be read.
 * Every message tells the editor what to write instead.
 */
import { z } from 'astro/zod';

/** A URL segment: lowercase ASCII words joined by hyphens. */
const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
/** A path inside the edition folder: relative, no `..`. */
const relativePath = (what: string) =>
  z
    .string({ invalid_type_error: `${what}须为编辑目录中的相对路径，例如 glossary。` })
    .min(1)
    .refine((p) => !p.startsWith('/') && !p.split(/[\\/]/).includes('..'), {
      message: `${what}须在编辑目录之内：写相对路径，不要以 / 开头，也不要用 ..。`,
    });

/** What the title block says, for a report whose title block cannot be read as it stands. */
export const titleBlockSchema = z
  .object({
    /** The report's title: 政府工作报告. */
    title: z.string().min(1).optional(),
    /** The day the report was delivered, `YYYY-MM-DD`. */
    date: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'date 写作 YYYY-MM-DD，例如 2024-01-10。' })
      .optional(),
    /** Where: 示例县. */
    place: z.string().min(1).optional(),
    /** The meeting: 第十八届人民代表大会第三次会议. */
    meeting: z.string().min(1).optional(),
    /** Who delivered it. */
    speaker: z.object({ role: z.string().min(1), name: z.string().min(1) }).optional(),
  })
  .strict();

export const editionSchema = z
  .object({
    /**
     * The edition's short ASCII id, e.g. `shili-2024`. It names the readers' annotation store in
     * the browser, the downloads and the nginx config: never change it once published.
     */
    id: z
      .string({ required_error: 'id 必填：本版的英文短名，例如 shili-2024。' })
      .max(40, { message: 'id 最多 40 个字符。' })
      .regex(SLUG, { message: 'id 只能用小写字母、数字和连字符，例如 shili-2024。它用于浏览器存储的键名和下载文件名，发布后不可更改。' }),
    /** The report's plain text, byte for byte as received. */
    source: relativePath('source '),
    /** The issuing government, the reference's author: 示例县人民政府. */
    issuer: z.string({ required_error: 'issuer 必填：发布报告的政府，例如 示例县人民政府。' }).min(2),
    /** The language of the report and of the edition. */
    language: z.enum(['zh-CN'], { errorMap: () => ({ message: 'language 目前只能是 zh-CN。' }) }).default('zh-CN'),
    /** A short name for the header, e.g. 示例 (default: the place from the title block). */
    shortName: z.string().min(1).optional(),
    /**
     * Chapter URL segments in reading order: the opening first, then one per part. Part of the
     * citation contract: never change one once published.
     */
    chapters: z
      .array(z.string().regex(SLUG, { message: '章节网址只能用小写字母、数字和连字符，例如 review-2023。发布后不可更改。' }), {
        required_error: 'chapters 必填：各章网址，开篇在前，然后每部分一个，例如 [opening, part-1, part-2]。',
      })
      .min(2, { message: 'chapters 至少两项：开篇和第一部分。' })
      .refine((list) => new Set(list).size === list.length, { message: 'chapters 中有重复的网址：每章的网址必须不同。' }),
    /** Overrides for what the title block cannot tell. */
    titleBlock: titleBlockSchema.optional(),
    /** The glossary: a folder of entries, and the levels an entry may claim. */
    glossary: z
      .object({
        dir: relativePath('glossary.dir '),
        /** Where a term comes from, from the widest (国家) to this report's place. */
        levels: z.array(z.string().min(1)).min(1),
      })
      .strict()
      .optional(),
    /** A folder of indicator tables (`*.yaml`), shown on the 主要指标 page in this order. */
    indicators: z
      .object({ dir: relativePath('indicators.dir '), order: z.array(z.string()).default([]) })
      .strict()
      .optional(),
    /**
     * A folder of chart data (`*.yaml`, one chart each): the report's figures drawn at build
     * time on the 主要指标 page and beside the paragraphs they come from. Needs `indicators`.
     */
    charts: z.object({ dir: relativePath('charts.dir ') }).strict().optional(),
    /** 对照阅读: how the parts answer to each other. */
    correspondences: relativePath('correspondences ').optional(),
    /** Editorial checks of the report's arithmetic. */
    dataChecks: relativePath('dataChecks ').optional(),
    /**
     * Where the edition is published, e.g. `https://example.gov.cn/reports/shili-2024/`, if known.
     * Links never need it (every link is relative to the base path). With it, each page's
     * citation metadata gives absolute URLs (src/cite/metadata.ts) and the EPUB links each
     * paragraph to its permalink on the web; without it, those are left out and the book only names ¶N.
     */
    publicUrl: z
      .string()
      .url({ message: 'publicUrl 须为完整网址，例如 https://example.gov.cn/reports/shili-2024/。' })
      .refine((u) => /^https?:\/\//.test(u), { message: 'publicUrl 须以 http:// 或 https:// 开头。' })
      .refine((u) => !/[?#]/.test(u), { message: 'publicUrl 写网站的根地址，不要带 ? 或 #。' })
      .optional(),
    /** The search page's examples. */
    search: z
      .object({
        /** Words to try (default: the glossary terms the report mentions most). */
        examples: z.array(z.string().min(1)).max(6).optional(),
        /** Parts of words that find them too (论英雄 finds 亩均论英雄); none by default. */
        partial: z.array(z.string().min(1)).max(4).optional(),
      })
      .strict()
      .optional(),
  })
  .strict();

export type EditionSettings = z.infer<typeof editionSchema>;
