/** An indicator table as CSV (UTF-8 with BOM, CRLF), for Excel and other tools. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { loadIndicatorTables, toCsv } from '../../report/indicators.ts';

export const getStaticPaths = (() => loadIndicatorTables().map((t) => ({ params: { table: t.id }, props: { table: t } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) =>
  new Response(toCsv(props.table as ReturnType<typeof loadIndicatorTables>[number]), {
    headers: { 'Content-Type': 'text/csv; charset=utf-8' },
  });
