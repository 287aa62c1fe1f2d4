/**
 * An edition's indicator tables (`<edition>/indicators/*.yaml`): read, rendered as GFM tables,
 * and written as CSV (UTF-8 with BOM, so Excel opens it as UTF-8) and JSON for download.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'astro/zod';
import { currentEdition } from '../edition/load-edition.ts';
import { readData } from '../edition/read-data.ts';

/** One indicator table file. */
export const indicatorTableSchema = z
  .object({
    title: z.string().min(1).describe('写表的标题，例如 title: 主要预期目标。'),
    caption: z.string().min(1).describe('写一句表注，说明出自报告哪一部分、哪几段。'),
    rows: z.array(
      z
        .object({
          indicator: z.string().min(1).describe('照录报告中的指标名。'),
          /** The number as the report writes it. */
          value: z.string().min(1).describe('数值加引号，照报告的写法，例如 value: "12.50"（不加引号时末尾的 0 会丢失）。'),
          unit: z.string().default('').describe('单位加引号，例如 unit: "%"；没有单位时写 unit: ""。'),
          /** 全市, 市级, or 未注明 where the report does not say. */
          scope: z.enum(['全市', '市级', '未注明']).describe('scope 写 全市、市级，报告未说明时写 未注明。'),
          paragraph: z.number().int().positive().describe('写数值出处的段落编号，例如 paragraph: 12。'),
        })
        .strict(),
    ),
  })
  .strict();

export type IndicatorRow = z.output<typeof indicatorTableSchema>['rows'][number];

export interface IndicatorTable extends z.output<typeof indicatorTableSchema> {
  /** File name without extension: the download's name and the table's anchor. */
  id: string;
}

/** The tables of `dir`; those named in `order` first, in that order, then the rest by name. */
export function loadIndicatorTables(dir: string, order: readonly string[] = []): IndicatorTable[] {
  const rank = (id: string) => (order.includes(id) ? order.indexOf(id) : order.length);
  return readdirSync(dir)
    .filter((n) => n.endsWith('.yaml'))
    .map((name) => ({ id: name.replace(/\.yaml$/, ''), ...readData(join(dir, name), indicatorTableSchema).data }))
    .sort((a, b) => rank(a.id) - rank(b.id) || a.id.localeCompare(b.id));
}

const COLUMNS = ['指标', '数值', '单位', '口径', '出处'] as const;

/** Escapes a cell for a GFM table. */
const cell = (s: string) => s.replace(/\|/g, '\\|');

/** The table as GFM markdown; `href(n)` is the URL of ¶n. */
export function toGfm(table: IndicatorTable, href: (n: number) => string): string {
  // No column alignment in the delimiter row: GFM would write the deprecated `align` attribute.
  const lines = [`| ${COLUMNS.join(' | ')} |`, '| --- | --- | --- | --- | --- |'];
  for (const r of table.rows)
    lines.push(`| ${cell(r.indicator)} | ${cell(r.value)} | ${cell(r.unit || '—')} | ${r.scope} | [¶${r.paragraph}](${href(r.paragraph)}) |`);
  return lines.join('\n');
}

/** RFC 4180 CSV with a UTF-8 byte order mark and CRLF line ends. */
export function toCsv(table: IndicatorTable): string {
  const quote = (s: string | number) => {
    const text = String(s);
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  const lines = [['指标', '数值', '单位', '口径', '段落'].join(',')];
  for (const r of table.rows) lines.push([r.indicator, r.value, r.unit, r.scope, `¶${r.paragraph}`].map(quote).join(','));
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}

/** JSON for programs: the rows with their paragraph numbers. */
export function toJson(table: IndicatorTable): string {
  return JSON.stringify({ id: table.id, title: table.title, caption: table.caption, rows: table.rows }, null, 2) + '\n';
}

/** The current edition's tables, in its order (only called where the edition has indicators). */
export function editionIndicatorTables(): IndicatorTable[] {
  const edition = currentEdition();
  return edition.paths.indicators ? loadIndicatorTables(edition.paths.indicators, edition.indicatorOrder) : [];
}
