/**
 * The edition as the pages see it: chapters in reading order, each rendered once, with the
 * structure `remark-report-structure` recorded. Checks what no single chapter can: that the
 * paragraphs of all chapters together run ¶1…¶N without a gap or a repeat.
 */
import { AstroError } from 'astro/errors';
import { getCollection, render, type CollectionEntry } from 'astro:content';
import { currentEdition } from '../edition/load-edition.ts';
import type { ChapterStructure } from '../plugins/remark-report-structure.ts';
import { chapterLabel } from '../report/labels.ts';
import { sourceParagraphs } from '../report/source.ts';

export interface Chapter {
  entry: CollectionEntry<'chapters'>;
  slug: string;
  title: string;
  /** A short label for navigation: 卷首, 第一部分 … */
  label: string;
  structure: ChapterStructure;
  /** Glossary entry id → the ¶ of this chapter that mention it. */
  glossary: Record<string, number[]>;
  /** Whether the chapter has formulas (it then links KaTeX's stylesheet). */
  hasMath: boolean;
  Content: Awaited<ReturnType<typeof render>>['Content'];
}

let cached: Promise<Chapter[]> | undefined;

async function load(): Promise<Chapter[]> {
  const entries = (await getCollection('chapters')).sort((a, b) => a.data.order - b.data.order);
  const slugs = currentEdition().chapters;
  if (entries.length !== slugs.length)
    throw new AstroError(
      `本版有 ${entries.length} 个章节文件，edition.yaml 的 chapters 列了 ${slugs.length} 个网址。`,
      '每章一个 .mdx 文件（开篇和每个部分），chapters 按同样的顺序各列一个网址。',
    );
  const chapters: Chapter[] = [];
  for (const entry of entries) {
    const slug = slugs.find((c) => c.part === entry.data.part)?.slug;
    if (!slug)
      throw new AstroError(
        `章节 ${entry.filePath} 的 part 是 ${entry.data.part ?? '（无）'}，edition.yaml 的 chapters 中没有对应的网址。`,
        '开篇不写 part，其余各章的 part 是它所含部分的序号（1、2、3……）。',
      );
    const { Content, remarkPluginFrontmatter } = await render(entry);
    const structure = remarkPluginFrontmatter.structure as ChapterStructure | undefined;
    if (!structure)
      throw new AstroError(
        `章节 ${entry.filePath} 没有经过 remark-report-structure 处理。`,
        '检查 astro.config.ts 是否通过 markdownPlugins() 加载了插件。',
      );
    chapters.push({
      entry,
      slug,
      title: entry.data.title,
      label: chapterLabel(entry.data.part),
      structure,
      glossary: (remarkPluginFrontmatter.glossary as Record<string, number[]> | undefined) ?? {},
      hasMath: remarkPluginFrontmatter.hasMath === true,
      Content,
    });
  }
  checkContinuity(chapters);
  return chapters;
}

/** Every ¶ of the source appears once, in order, across the chapters. */
function checkContinuity(chapters: Chapter[]) {
  const total = sourceParagraphs().size;
  let expected = 1;
  for (const chapter of chapters) {
    for (const n of chapter.structure.paragraphs) {
      if (n !== expected)
        throw new AstroError(
          `${chapter.entry.filePath}: 段落编号不连续，这里是 ¶${n}，应为 ¶${expected}。`,
          '各章的段落合起来必须是 ¶1 到 ¶' + total + '，按原文顺序，不缺不重。检查章节的排序（order）和各段的 n。',
        );
      expected++;
    }
  }
  if (expected - 1 !== total)
    throw new AstroError(
      `各章共有 ${expected - 1} 段，原文有 ${total} 段。`,
      `缺少 ¶${expected} 及以后的段落：用 npm run import 重新生成章节，或把缺少的段落补回。`,
    );
}

/** All chapters, in reading order. */
export function getChapters(): Promise<Chapter[]> {
  cached ??= load();
  return cached;
}

/**
 * The glossary's entries by id; none (and no query of an empty collection) where the edition has
 * no glossary. Sorted: the collection comes back in the order its files finished loading, which
 * differs from build to build, and what is built from it should not.
 */
export async function glossaryEntries(): Promise<CollectionEntry<'glossary'>[]> {
  if (!currentEdition().paths.glossary) return [];
  return (await getCollection('glossary')).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** Glossary entry id → every ¶ of the report that mentions it, in order. */
export async function glossaryBacklinks(): Promise<Map<string, number[]>> {
  const out = new Map<string, number[]>();
  for (const chapter of await getChapters())
    for (const [id, ns] of Object.entries(chapter.glossary)) out.set(id, [...(out.get(id) ?? []), ...ns]);
  return out;
}

/** The chapter that holds ¶n. */
export async function chapterOf(n: number): Promise<Chapter> {
  const chapter = (await getChapters()).find((c) => c.structure.paragraphs.includes(n));
  if (!chapter) throw new AstroError(`没有哪一章包含 ¶${n}。`, '检查章节内容。');
  return chapter;
}
