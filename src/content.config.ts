/**
 * The edition's content collections, read from the folder `EDITION` names (`content/` by
 * default); this file says what shape each entry must have, with messages that tell the editor
 * what to write instead. Chapter URLs are not here: they are the edition's `chapters` setting.
 */
import { glob } from 'astro/loaders';
import { defineCollection, z } from 'astro:content';
import { currentEdition } from './edition/load-edition.ts';
import { GLOSSARY_CATEGORIES, glossaryLevels } from './glossary/categories.ts';

const edition = currentEdition();
const levels = glossaryLevels(edition.glossaryLevels);

const chapters = defineCollection({
  loader: glob({ pattern: '*.mdx', base: edition.paths.chapters }),
  schema: z.object({
    /** The chapter's title in the contents: the part heading, or an editorial name such as 开篇. */
    title: z.string().min(1),
    /** Reading order, from 0. */
    order: z.number().int().nonnegative(),
    /** The part the chapter holds (1 = 一、…); absent for the opening. */
    part: z.number().int().positive().optional(),
  }),
});

const glossary = defineCollection({
  // An edition without a glossary has an empty collection, and no glossary pages (see src/edition/integration.ts).
  loader: edition.paths.glossary ? glob({ pattern: '*.md', base: edition.paths.glossary }) : () => [],
  schema: z.object({
    /** The term as the report writes it, without quotation marks. */
    term: z.string().min(1),
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
  }),
});

export const collections = { chapters, glossary };
