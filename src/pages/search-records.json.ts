/**
 * Emits the search records (see `src/search/records.ts`) for the Pagefind integration, and for
 * the search of browsers that cannot run Pagefind's WebAssembly.
 */
import type { APIRoute } from 'astro';
import { getChapters, glossaryEntries } from '../site/edition.ts';
import { sourceParagraphs } from '../report/source.ts';
import type { SearchRecord } from '../search/records.ts';

export const GET: APIRoute = async () => {
  const chapters = await getChapters();
  const text = sourceParagraphs();
  const records: SearchRecord[] = [];
  for (const chapter of chapters) {
    for (const n of chapter.structure.paragraphs) {
      const section = chapter.structure.sections.find((s) => s.paragraphs.includes(n));
      records.push({
        url: `p-${n}`,
        meta: {
          kind: 'paragraph',
          n: String(n),
          chapter: chapter.slug,
          chapterLabel: chapter.label,
          ...(section ? { section: section.id, sectionTitle: section.title } : {}),
          text: text.get(n)!,
        },
      });
    }
  }
  for (const entry of await glossaryEntries()) {
    const { term, aliases, summary } = entry.data;
    records.push({
      url: `glossary-${entry.id}`,
      meta: {
        kind: 'glossary',
        id: entry.id,
        term,
        aliases: aliases.join('|'),
        summary,
        // The term, its aliases and its one-line summary: a search finds the entry by what it is
        // called and what it is, not by every word of its definition.
        text: [term, ...aliases, summary].join('\n'),
      },
    });
  }
  return new Response(JSON.stringify(records));
};
