/** An indicator table as CSV (UTF-8 with BOM, CRLF), for Excel and other tools. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { editionIndicatorTables, toCsv } from '../indicators.ts';

export const getStaticPaths = (() => editionIndicatorTables().map((t) => ({ params: { table: t.id }, props: { table: t } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) =>
  new Response(toCsv(props.table as ReturnType<typeof editionIndicatorTables>[number]), {
    headers: { 'Content-Type': 'text/csv; charset=utf-8' },
  });
