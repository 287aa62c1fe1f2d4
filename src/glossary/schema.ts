/**
 * The front matter of a glossary entry: one schema for the content collection (the glossary
 * pages) and for `load-glossary.ts` (the terms the markdown plugins mark), so both read an entry
 * alike. `levels` are the edition's (`glossary.levels` in edition.yaml).
 */
import { z } from 'astro/zod';
import { GLOSSARY_CATEGORIES, glossaryLevels } from './categories.ts';

export function glossaryEntrySchema(editionLevels: readonly string[]) {
  const levels = glossaryLevels(editionLevels);
  return z.object({
    /** The term as the report writes it, without quotation marks. */
    term: z.string().min(1).describe('写报告中的原词，不加引号，例如 term: 六稳六保。'),
    /** Other forms in the report that mean this entry (六稳六保: 六稳, 六保). Unique across entries. */
    aliases: z.array(z.string().min(2, { message: '别名至少两个字：单字会误配大量无关文字。' })).default([]),
    category: z.enum(GLOSSARY_CATEGORIES, {
      errorMap: () => ({ message: `category 须为以下之一：${GLOSSARY_CATEGORIES.join('、')}。` }),
    }),
    /** Where the term comes from; 未注明 where the edition cannot establish it. */
    level: z.enum(levels, {
      errorMap: () => ({ message: `level 须为以下之一：${levels.join('、')}（层级在 edition.yaml 的 glossary.levels 中设定）。` }),
    }),
    /** One sentence for the popover. */
    summary: z.string().min(1).max(60, { message: 'summary 最多 60 字：它显示在浮窗里，完整解释写在正文。' }),
    /** Issuer, year and document: only what is certain. */
    origin: z
      .object({ issuer: z.string().optional(), year: z.number().int().optional(), document: z.string().optional() })
      .optional(),
    /** Ids of related entries; each must exist. */
    related: z.array(z.coerce.string()).default([]),
    /** For statistical indicators: how the indicator is computed, in TeX. */
    formula: z.string().optional(),
    /** True when the edition can say only what the report says about the term. */
    reportOnly: z.boolean().default(false),
  });
}

export type GlossaryEntryData = z.output<ReturnType<typeof glossaryEntrySchema>>;
