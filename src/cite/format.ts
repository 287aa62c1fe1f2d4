/**
 * Citation formats for a paragraph or a range of paragraphs. Pure functions: the page supplies
 * the edition's citation facts (from its settings and title block), the URLs (absolute for the
 * host and sub-path it is served from) and today's date.
 *
 * GB/T 7714-2015 (信息与文献 参考文献著录规则), the form for a report published online:
 *   主要责任者. 题名: 其他题名信息[文献类型标志/文献载体标志]. (更新或修改日期)[引用日期]. 获取和访问路径.
 * R = report (报告), OL = online (联机网络); dates as YYYY-MM-DD. The day the report was
 * delivered stands as the date of publication. The 著录用符号 of the standard (8.1) are
 * half-width: 其他题名信息 follows a half-width colon and a space, as the official CSL style
 * (China National Standard GB/T 7714-2015) writes it, so a reference copied from here and one
 * a reference manager makes are the same.
 */
import type { CitationInfo } from '../edition/load-edition.ts';

export type { CitationInfo };

export interface Range {
  from: number;
  to: number;
}

/** `2026-11-29` for a date, in the reader's local calendar. */
export function isoDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** ¶12 or ¶12–15. */
export function rangeLabel({ from, to }: Range): string {
  return from === to ? `¶${from}` : `¶${from}–${to}`;
}

/** The chapter anchor of a range: `p-12` or `p-12-15`. */
export function rangeAnchor({ from, to }: Range): string {
  return from === to ? `p-${from}` : `p-${from}-${to}`;
}

/**
 * The title with its other title information, as GB/T 7714 and reference managers (which have
 * no subtitle field) write it: 政府工作报告: 2024年1月10日在示例县第十八届人民代表大会第三次会议上.
 */
export function fullTitle(c: Pick<CitationInfo, 'title' | 'subtitle'>): string {
  return c.subtitle ? `${c.title}: ${c.subtitle}` : c.title;
}

/** The GB/T 7714-2015 reference, ending with the URL and a full stop. */
export function gbt7714(c: CitationInfo, url: string, accessed: Date): string {
  return `${c.author}. ${fullTitle(c)}[R/OL]. (${c.issued})[${isoDate(accessed)}]. ${url}.`;
}

/** The short in-text form: 示例县2024年政府工作报告，第12段 (or 第12—15段). */
export function shortForm(c: CitationInfo, { from, to }: Range): string {
  return from === to ? `${c.short}，第${from}段` : `${c.short}，第${from}—${to}段`;
}

/** A quotation with its source, for 复制引用 of selected words. */
export function quotation(c: CitationInfo, quote: string, n: number, url: string): string {
  return `“${quote}”（${shortForm(c, { from: n, to: n })}）\n${url}`;
}

/** Parses `#p-12` or `#p-12-15` (in either order); undefined for anything else. */
export function parseRangeHash(hash: string): Range | undefined {
  const m = /^#?p-(\d+)(?:-(\d+))?$/.exec(hash);
  if (!m) return undefined;
  const a = Number(m[1]);
  const b = m[2] ? Number(m[2]) : a;
  return { from: Math.min(a, b), to: Math.max(a, b) };
}

/**
 * A link that finds the quoted words again: the paragraph's anchor with a W3C text fragment
 * (`:~:text=`) for browsers that support them, and `quote=` for the edition's own highlighting
 * everywhere else.
 */
export function quoteLink(chapterUrl: string, n: number, quote: string): string {
  const enc = (s: string) => encodeURIComponent(s).replace(/-/g, '%2D');
  return `${chapterUrl}?quote=${encodeURIComponent(quote)}#p-${n}:~:text=${enc(quote)}`;
}
