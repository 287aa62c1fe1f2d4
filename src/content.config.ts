/**
 * The edition's content collections. `content/` holds the edition; this file says what shape
 * each entry must have, with messages that tell the editor what to write instead.
 */
import { glob } from 'astro/loaders';
import { defineCollection, z } from 'astro:content';
import { GLOSSARY_CATEGORIES, GLOSSARY_LEVELS } from './glossary/categories.ts';

const chapters = defineCollection({
  loader: glob({ pattern: '*.mdx', base: './content/chapters' }),
  schema: z.object({
    /** The chapter's title in the contents: the part heading, or an editorial name such as 开篇. */
    title: z.string().min(1),
    /** The chapter's URL segment. Part of the citation contract: never change it once published. */
    slug: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, {
      message: 'slug 只能用小写字母、数字和连字符，例如 review-2020。它是网址的一部分，发布后不可更改。',
    }),
    /** Reading order, from 0. */
    order: z.number().int().nonnegative(),
    /** The part the chapter holds (1 = 一、…); absent for the opening. */
    part: z.number().int().positive().optional(),
  }),
});


const glossary = defineCollection({
  loader: glob({ pattern: '*.md', base: './content/glossary' }),
  schema: z.object({
    /** The term as the report writes it, without quotation marks. */
    term: z.string().min(1),
    /** Other forms in the report that mean this entry (六稳六保: 六稳, 六保). Unique across entries. */
    aliases: z.array(z.string().min(2, { message: '别名至少两个字：单字会误配大量无关文字。' })).default([]),
    category: z.enum(GLOSSARY_CATEGORIES, {
      errorMap: () => ({ message: `category 须为以下之一：${GLOSSARY_CATEGORIES.join('、')}。` }),
    }),
    level: z.enum(GLOSSARY_LEVELS, {
      errorMap: () => ({ message: `level 须为以下之一：${GLOSSARY_LEVELS.join('、')}。` }),
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
