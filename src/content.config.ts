/**
 * The edition's content collections, read from the folder `EDITION` names (`content/` by
 * default); this file says what shape each entry must have, with messages that tell the editor
 * what to write instead. Chapter URLs are not here: they are the edition's `chapters` setting.
 */
import { glob } from 'astro/loaders';
import { defineCollection, z } from 'astro:content';
import { currentEdition } from './edition/load-edition.ts';
import { glossaryEntrySchema } from './glossary/schema.ts';

const edition = currentEdition();

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
  schema: glossaryEntrySchema(edition.glossaryLevels),
});

export const collections = { chapters, glossary };
