/** An indicator table as JSON. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { editionIndicatorTables, toJson } from '../indicators.ts';

export const getStaticPaths = (() => editionIndicatorTables().map((t) => ({ params: { table: t.id }, props: { table: t } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) =>
  new Response(toJson(props.table as ReturnType<typeof editionIndicatorTables>[number]), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
