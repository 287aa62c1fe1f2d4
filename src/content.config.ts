/**
 * The edition's content collections. `content/` holds the edition; this file says what shape
 * each entry must have, with messages that tell the editor what to write instead.
 */
import { glob } from 'astro/loaders';
import { defineCollection, z } from 'astro:content';

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

export const collections = { chapters };
