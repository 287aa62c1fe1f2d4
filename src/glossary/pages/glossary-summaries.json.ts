/**
 * The short definition of every glossary entry, for the term popover: fetched once, when the
 * reader first opens a term, so chapter pages carry none of it.
 */
import type { APIRoute } from 'astro';
import { glossaryEntries } from '../../site/edition.ts';

export const GET: APIRoute = async () => {
  const entries = await glossaryEntries();
  const summaries = Object.fromEntries(entries.map((e) => [e.id, { term: e.data.term, summary: e.data.summary }]));
  return new Response(JSON.stringify(summaries), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
