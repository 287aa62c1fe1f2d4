/**
 * Every paragraph's text and chapter, for the 我的批注 page: it re-anchors each annotation
 * against the text (to list the ones whose words are gone as 未能定位) and links it to its
 * chapter. Fetched only when the reader has annotations.
 */
import type { APIRoute } from 'astro';
import { getChapters } from '../site/edition.ts';
import { sourceParagraphs } from '../report/source.ts';

export interface ParagraphRecord {
  n: number;
  chapter: string;
  chapterTitle: string;
  text: string;
}

export const GET: APIRoute = async () => {
  const text = sourceParagraphs();
  const records: ParagraphRecord[] = (await getChapters()).flatMap((chapter) =>
    chapter.structure.paragraphs.map((n) => ({
      n,
      chapter: chapter.slug,
      chapterTitle: chapter.title,
      text: text.get(n)!,
    })),
  );
  return new Response(JSON.stringify(records), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
