/** An indicator table as JSON. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { loadIndicatorTables, toJson } from '../../report/indicators.ts';

export const getStaticPaths = (() => loadIndicatorTables().map((t) => ({ params: { table: t.id }, props: { table: t } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) =>
  new Response(toJson(props.table as ReturnType<typeof loadIndicatorTables>[number]), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
