/**
 * An edition's data checks (for example `content/data-checks.yaml`; see the comment there), read
 * at configuration time for the notes plugin and by the unit test that recomputes them. The
 * shape is checked by `dataChecksSchema`; a mistake stops the build with the file and the line.
 */
import { z } from 'astro/zod';
import { readData } from '../edition/read-data.ts';

/** The file: a list of checks. */
export const dataChecksSchema = z.array(
  z
    .object({
      /** Named by `<DataCheck id="…" />` in a chapter. */
      id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { message: 'id 只能用小写字母、数字和连字符。' }).describe('写一个英文短名，例如 id: growth-check，章节中用 <DataCheck id="growth-check" /> 引用它。'),
      /** The ¶ the note is attached to. */
      paragraph: z.number().int().positive().describe('写注释所在段落的编号（整数），例如 paragraph: 12。'),
      /** Report text the note relies on, each verbatim in its ¶. */
      quotes: z
        .array(
          z
            .object({
              p: z.number().int().positive().describe('写引文所在段落的编号，例如 p: 12。'),
              text: z.string().min(1).describe('照录报告原文，一字不改。'),
            })
            .strict(),
        )
        .min(1)
        .describe('列出注释依据的原文：每项 { p: 段落编号, text: 原文 }。'),
      /** The note: text with TeX formulas between $…$; line breaks are only for the file's layout. */
      note: z.string().min(1).describe('写注释正文，公式写在 $…$ 之间；长文用 note: |- 换行书写。'),
      /** Each formula's arithmetic, and the value the note shows for it, as written (`"1.60"`). */
      checks: z
        .array(
          z
            .object({
              expr: z.string().min(1).describe('写可计算的算式，例如 expr: (1 + 0.05) ** 5。'),
              value: z.string().min(1).describe('写注释中显示的数值，加引号以保留末尾的 0，例如 value: "1.60"。'),
            })
            .strict(),
        )
        .describe('列出注释中每个公式的算式和显示值：每项 { expr: 算式, value: "显示值" }。'),
    })
    .strict(),
);

export type DataCheck = z.output<typeof dataChecksSchema>[number];

/** Reads and checks the file; the note's layout line breaks are dropped. */
export function loadDataChecks(file: string): DataCheck[] {
  return readData(file, dataChecksSchema).data.map((d) => ({ ...d, note: d.note.replace(/\s*\n\s*/g, '') }));
}
