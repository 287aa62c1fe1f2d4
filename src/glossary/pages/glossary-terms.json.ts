/** The glossary's terms, for suggestions when a search finds nothing. Loaded only then. */
import type { APIRoute } from 'astro';
import { glossaryEntries } from '../../site/edition.ts';

export const GET: APIRoute = async () => {
  const terms = (await glossaryEntries()).flatMap((e) => [e.data.term, ...e.data.aliases]);
  return new Response(JSON.stringify(terms), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
