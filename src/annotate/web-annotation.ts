/**
 * A reader's annotations as W3C Web Annotations (JSON-LD) and as readable Markdown, and the
 * import of such a file: checked whole before anything is taken, so a broken or hostile file is
 * refused with a message in Chinese and the reader's existing annotations stay as they were.
 * Notes are plain text: whatever a file puts in them is kept as characters, never as markup.
 *
 * An exported collection names its edition (`"edition": "shili-2024"`, a `dcterms:isPartOf`),
 * and a file of another edition is refused: its ¶ numbers belong to another report.
 *
 * The W3C model (https://www.w3.org/TR/annotation-model/), as exported:
 * - the collection and its one page each have an IRI (`urn:uuid:`, new for every export); the
 *   collection names its `first` and `last` page, the page the collection it is `partOf`;
 * - `created` and `modified` are xsd:dateTime in UTC (`…Z`);
 * - `target.selector` holds two selectors, either of which finds the words:
 *   a `TextQuoteSelector` (the words, with just enough of the text before and after them to tell
 *   them from every other occurrence in the paragraphs of the chapter page), for any client; and
 *   the edition's `FragmentSelector` `p-N` (the paragraph), refined by the quote with 32
 *   characters either side and by a `TextPositionSelector`.
 * - What the quote and the positions count is the paragraph's report text: the text of the
 *   element `#p-N` without the elements marked `data-edition-ui` (the ¶ number, note markers),
 *   which is exactly the paragraph's line in the report (see src/annotate/ui/dom-text.ts).
 *   Positions count Unicode code points, as the model requires; the edition itself counts
 *   UTF-16 code units, as DOM ranges do, and converts both ways against the paragraph's text.
 *   The two differ only where the text has characters outside the Basic Multilingual Plane.
 */
import type { ClientEdition } from '../edition/client.ts';
import { locate } from './anchoring.ts';
import { COLORS, COLOR_NAMES, LIMITS, type Annotation, type Color } from './model.ts';
import { newId } from './store.ts';

/** What export and import need to know of the edition. */
export type AnnotationEdition = Pick<ClientEdition, 'id' | 'paragraphs' | 'citation'>;

const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
const RDFS_COMMENT = 'http://www.w3.org/2000/01/rdf-schema#comment';
/** The collection's label: the report's name and what the file is. */
const collectionLabel = (edition: AnnotationEdition) => `${edition.citation.short} · 我的批注`;

export { COLORS, COLOR_NAMES, LIMITS, type Annotation, type Color } from './model.ts';

const UUID = /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What the positions count, said in the file itself. */
const positionComment = (n: number) =>
  `start、end 按 Unicode 码位计数，计的是第${n}段的报告原文：元素 #p-${n} 的文字去掉标有 data-edition-ui 的元素（段落编号 ¶${n}、注释标记）之后的部分，与报告原文该段逐字相同。`;

// ── Offsets: UTF-16 code units (the edition, DOM ranges) ⇄ Unicode code points (W3C) ──

/** The code point offset of a UTF-16 offset into `text`; past its end, one per unit. */
export function toCodePoints(text: string, utf16: number): number {
  const within = Math.min(utf16, text.length);
  let n = 0;
  for (let i = 0; i < within; i++) {
    const c = text.charCodeAt(i);
    // A high surrogate followed by a low one is one code point.
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < within) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
    n++;
  }
  return n + Math.max(0, utf16 - text.length);
}

/** The UTF-16 offset of a code point offset into `text`; past its end, one per unit. */
export function toUtf16(text: string, codePoints: number): number {
  let i = 0;
  let n = 0;
  while (n < codePoints && i < text.length) {
    const c = text.charCodeAt(i);
    const d = text.charCodeAt(i + 1);
    i += c >= 0xd800 && c <= 0xdbff && d >= 0xdc00 && d <= 0xdfff ? 2 : 1;
    n++;
  }
  return i + (codePoints - n);
}

// ── Dates: xsd:dateTime, in UTC ──

/** xsd:dateTime: date, time with seconds, optional fraction and time zone. */
const XSD_DATE_TIME = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(\.\d+)?(Z|[+-]\d{2}:\d{2})?$/;

/**
 * A date as the model wants it: xsd:dateTime in UTC, `2026-11-29T08:00:00.000Z`. A time
 * without a zone is taken as UTC (the model asks for one, and the reader's own zone would
 * make the same file mean different moments on different computers); a bare xsd:date as its
 * midnight, UTC. Undefined if `value` is neither.
 */
export function utcDateTime(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.length > 40) return undefined;
  const trimmed = value.trim();
  const m = XSD_DATE_TIME.exec(/^\d{4}-\d{2}-\d{2}$/.test(trimmed) ? `${trimmed}T00:00:00Z` : trimmed);
  if (!m) return undefined;
  // Date.parse would take 2 月 30 日 as 3 月 2 日.
  const [year, month, day] = m[1]!.slice(0, 10).split('-').map(Number) as [number, number, number];
  if (day < 1 || day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return undefined;
  const fraction = (m[2] ?? '.000').padEnd(4, '0').slice(0, 4);
  const time = Date.parse(`${m[1]}${fraction}${m[3] ?? 'Z'}`);
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}

// ── The quote a generic client anchors by ──

/** How many places in `texts` hold `exact` with `prefix` right before and `suffix` right after. */
function occurrences(texts: readonly string[], exact: string, prefix: string, suffix: string): number {
  let count = 0;
  for (const text of texts)
    for (let at = text.indexOf(exact); at !== -1; at = text.indexOf(exact, at + 1))
      if (text.startsWith(suffix, at + exact.length) && text.slice(0, at).endsWith(prefix)) count++;
  return count;
}

/**
 * The words at [start, end) of `text` as a W3C TextQuoteSelector with the least context on
 * either side (whole characters, the same number each side) that no other place in `page`
 * (the report text of every paragraph on the chapter page, `text` among them) also matches.
 * Short context is what a strict client matches best: it needs the words before and after
 * exactly as they are.
 */
export function distinctQuote(text: string, { start, end }: { start: number; end: number }, page: readonly string[]) {
  const exact = text.slice(start, end);
  const before = Array.from(text.slice(Math.max(0, start - LIMITS.context), start));
  const after = Array.from(text.slice(end, end + LIMITS.context));
  let prefix = '';
  let suffix = '';
  for (let k = 0; ; k++) {
    prefix = before.slice(Math.max(0, before.length - k)).join('');
    suffix = after.slice(0, k).join('');
    const longest = k >= before.length && k >= after.length;
    if (longest || occurrences(page, exact, prefix, suffix) <= 1) break;
  }
  // Kept within what an import accepts.
  while (prefix.length > LIMITS.context) prefix = Array.from(prefix).slice(1).join('');
  while (suffix.length > LIMITS.context) suffix = Array.from(suffix).slice(0, -1).join('');
  return { type: 'TextQuoteSelector', exact, prefix, suffix };
}

// ── Export ──

/** What the export knows of each paragraph: its report text and its chapter. */
export type ParagraphTexts = ReadonlyMap<number, { text: string; chapter: string }>;

/**
 * One annotation as a W3C Web Annotation. `source` is the chapter page's URL; `paragraphs` the
 * report text of every paragraph (to count positions in code points and to make the quote
 * distinct on its page); without it the stored quote and positions are written as they are.
 */
export function toWebAnnotation(a: Annotation, source: string, paragraphs?: ParagraphTexts) {
  const body: Record<string, string>[] = [{ type: 'TextualBody', purpose: 'tagging', value: `color:${a.color}` }];
  if (a.note) body.unshift({ type: 'TextualBody', purpose: 'commenting', value: a.note, format: 'text/plain', language: 'zh-CN' });
  const record = paragraphs?.get(a.paragraph);
  const text = record?.text ?? '';
  // Where the words are in the paragraph now; an annotation whose words are gone keeps its own.
  const at = record ? locate(text, a.quote, a.position) : undefined;
  const page = record ? [...paragraphs!.values()].filter((p) => p.chapter === record.chapter).map((p) => p.text) : [];
  const position = at ?? a.position;
  const created = utcDateTime(a.created);
  const modified = utcDateTime(a.modified);
  return {
    id: a.id,
    type: 'Annotation',
    motivation: a.note ? 'commenting' : 'highlighting',
    ...(created ? { created } : {}),
    ...(modified ? { modified } : {}),
    body,
    target: {
      source,
      selector: [
        at ? distinctQuote(text, at, page) : { type: 'TextQuoteSelector', exact: a.quote.exact, prefix: a.quote.prefix, suffix: a.quote.suffix },
        {
          type: 'FragmentSelector',
          conformsTo: 'http://tools.ietf.org/rfc/rfc3986',
          value: `p-${a.paragraph}`,
          refinedBy: [
            { type: 'TextQuoteSelector', exact: a.quote.exact, prefix: a.quote.prefix, suffix: a.quote.suffix },
            {
              type: 'TextPositionSelector',
              start: toCodePoints(text, position.start),
              end: toCodePoints(text, position.end),
              comment: positionComment(a.paragraph),
            },
          ],
        },
      ],
    },
  };
}

export interface CollectionOptions {
  /** Each paragraph's report text and chapter (see `toWebAnnotation`). */
  paragraphs?: ParagraphTexts;
  /** Makes the IRIs of the collection and its page; a new `urn:uuid:` by default. */
  newId?: () => string;
}

/** The collection a reader exports: one page holding every annotation. */
export function toCollection(list: readonly Annotation[], sourceOf: (a: Annotation) => string, edition: AnnotationEdition, options: CollectionOptions = {}) {
  const makeId = options.newId ?? newId;
  const id = makeId();
  const pageId = makeId();
  return {
    '@context': [ANNO_CONTEXT, { edition: 'http://purl.org/dc/terms/isPartOf', comment: RDFS_COMMENT }],
    id,
    type: 'AnnotationCollection',
    label: collectionLabel(edition),
    edition: edition.id,
    total: list.length,
    first: {
      id: pageId,
      type: 'AnnotationPage',
      partOf: id,
      startIndex: 0,
      items: list.map((a) => toWebAnnotation(a, sourceOf(a), options.paragraphs)),
    },
    last: pageId,
  };
}

// ── Markdown ──

/**
 * Plain text as CommonMark shows it: every character that could start markup (HTML, emphasis,
 * links, code, entities, GFM strikethrough and tables) escaped with a backslash, and at the start
 * of a line whatever would make a heading, a quote, a list or a rule.
 */
export function markdownText(line: string): string {
  return line
    .replace(/[\\`*_[\]<>&~|!]/g, '\\$&')
    .replace(/^(\s*)(\d{1,9})([.)])/, '$1$2\\$3')
    .replace(/^(\s*)([#+=-])/, '$1\\$2');
}

/** A note's lines as CommonMark: each line break a hard line break, an empty line a new paragraph. */
function markdownNote(note: string): string[] {
  const out: string[] = [];
  for (const block of note.replace(/\r\n?/g, '\n').split(/\n\s*\n/)) {
    const lines = block.split('\n').filter((l) => l.trim() !== '').map((l) => markdownText(l.trim()));
    if (!lines.length) continue;
    // A backslash at the end of a line is a hard line break; not after a block's last line.
    out.push(lines.map((l, i) => (i < lines.length - 1 ? `${l}\\` : l)).join('\n'), '');
  }
  return out;
}

/** A readable export: by paragraph, the quote, the note, the date, the link. */
export function toMarkdown(list: readonly Annotation[], linkOf: (a: Annotation) => string, edition: AnnotationEdition): string {
  const lines = [`# ${markdownText(collectionLabel(edition))}`, ''];
  const sorted = [...list].sort((a, b) => a.paragraph - b.paragraph || a.position.start - b.position.start);
  let current = 0;
  for (const a of sorted) {
    if (a.paragraph !== current) {
      current = a.paragraph;
      lines.push(`## 第${current}段`, '');
    }
    lines.push(`> ${markdownText(a.quote.exact)}`, '');
    if (a.note) lines.push(...markdownNote(a.note));
    lines.push(`${COLOR_NAMES[a.color]}色 · ${(utcDateTime(a.modified) ?? a.modified).slice(0, 10)} · ${linkOf(a)}`, '');
  }
  return lines.join('\n');
}

type Result = { annotations: Annotation[] } | { error: string };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isString = (v: unknown, max: number): v is string => typeof v === 'string' && v.length <= max;

/** A date of an imported item: absent is allowed (the model makes both optional); unreadable is not. */
function readDate(item: Record<string, unknown>, key: 'created' | 'modified'): string | undefined | { error: string } {
  if (item[key] === undefined) return undefined;
  return (
    utcDateTime(item[key]) ?? {
      error: `${key} 不是有效的日期时间（“${String(item[key]).slice(0, 40)}”；应为 xsd:dateTime，例如 2026-11-29T08:00:00Z）`,
    }
  );
}

/**
 * Checks one imported item; returns the annotation or why it cannot be taken. Reads both the
 * shape exported now (`target.selector` an array: a TextQuoteSelector and the FragmentSelector)
 * and the one before it (the FragmentSelector alone). The paragraph comes from the
 * FragmentSelector; the quote from its refinement, else the top-level TextQuoteSelector; the
 * position (code points, converted to UTF-16 units against `textOf`, where the paragraph's text
 * is known) only from its refinement, since a position at the top level would count the whole
 * page. A position is a hint: the words are found again by the quote.
 */
function readItem(item: unknown, paragraphs: number, textOf?: (n: number) => string | undefined): Annotation | string {
  if (!isObject(item)) return '不是对象';
  if (item.type !== 'Annotation') return 'type 不是 Annotation';
  if (typeof item.id !== 'string' || !UUID.test(item.id)) return 'id 不是 urn:uuid 格式';
  if (item.motivation !== 'highlighting' && item.motivation !== 'commenting') return 'motivation 只能是 highlighting 或 commenting';
  const target = item.target;
  const selectors = isObject(target) ? (Array.isArray(target.selector) ? target.selector : [target.selector]) : [];
  const selector = selectors.find((s) => isObject(s) && s.type === 'FragmentSelector') as Record<string, unknown> | undefined;
  if (!selector) return '缺少 FragmentSelector';
  const m = typeof selector.value === 'string' ? /^p-(\d+)$/.exec(selector.value) : null;
  const paragraph = m ? Number(m[1]) : NaN;
  if (!(paragraph >= 1 && paragraph <= paragraphs)) return `段落 ${String(selector.value)} 不在本报告中`;
  const refined = Array.isArray(selector.refinedBy) ? selector.refinedBy : [selector.refinedBy];
  const ofType = (list: unknown[], type: string) => list.find((r) => isObject(r) && r.type === type) as Record<string, unknown> | undefined;
  const quote = ofType(refined, 'TextQuoteSelector') ?? ofType(selectors, 'TextQuoteSelector');
  const position = ofType(refined, 'TextPositionSelector');
  if (!quote || !isString(quote.exact, LIMITS.quote) || quote.exact.length === 0) return '缺少有效的 TextQuoteSelector';
  const prefix = quote.prefix ?? '';
  const suffix = quote.suffix ?? '';
  if (!isString(prefix, LIMITS.context) || !isString(suffix, LIMITS.context)) return 'prefix 或 suffix 无效';
  const text = textOf?.(paragraph) ?? '';
  const from = Number(position?.start ?? 0);
  const to = Number(position?.end ?? from + Array.from(quote.exact).length);
  if (!Number.isInteger(from) || !Number.isInteger(to) || from < 0 || to < from) return 'TextPositionSelector 无效';
  const start = toUtf16(text, from);
  const end = toUtf16(text, to);
  const bodies = Array.isArray(item.body) ? item.body : item.body === undefined ? [] : [item.body];
  let note = '';
  let color: Color = 'yellow';
  for (const body of bodies) {
    if (!isObject(body) || body.type !== 'TextualBody' || typeof body.value !== 'string') return 'body 不是 TextualBody';
    if (body.purpose === 'tagging' && body.value.startsWith('color:')) {
      const c = body.value.slice(6);
      if (!(COLORS as readonly string[]).includes(c)) return `颜色 ${c} 无效`;
      color = c as Color;
    } else {
      if (!isString(body.value, LIMITS.note)) return `批注超过 ${LIMITS.note} 字`;
      note = body.value;
    }
  }
  const created = readDate(item, 'created');
  if (typeof created === 'object') return created.error;
  const modified = readDate(item, 'modified');
  if (typeof modified === 'object') return modified.error;
  // Without dates (the model allows that) the annotation is as new as the import.
  const now = new Date().toISOString();
  return {
    id: item.id,
    paragraph,
    quote: { exact: quote.exact, prefix, suffix },
    position: { start, end },
    color,
    note,
    created: created ?? now,
    modified: modified ?? created ?? now,
  };
}

/** Why a collection from another edition is refused, or undefined if it may be this edition's. */
function otherEdition(data: Record<string, unknown>, edition: AnnotationEdition): string | undefined {
  const label = typeof data.label === 'string' ? data.label : '';
  const named = typeof data.edition === 'string' ? data.edition : undefined;
  // Files exported before collections named their edition carry only the label.
  const foreign = named !== undefined ? named !== edition.id : label.endsWith(' · 我的批注') && label !== collectionLabel(edition);
  if (!foreign) return undefined;
  const what = label.replace(/ · 我的批注$/, '') || named;
  return (
    `这是${what ? `“${what}”` : '另一份报告'}${named ? `（${named}）` : ''}的批注文件，不是本版“${edition.citation.short}”（${edition.id}）的。` +
    '两份报告的段落编号不同，为免把批注加到错误的段落上，未导入任何内容，原有批注不变。请在该报告的阅读注释版中导入它。'
  );
}

/**
 * Reads an exported file. All or nothing: one bad item refuses the file, naming the item and
 * the reason, so nothing half-imported mixes with the reader's annotations. A collection of
 * another edition is refused whole; every ¶ must be one of this edition's. `textOf` gives a
 * paragraph's report text, to turn the file's code point positions into the edition's UTF-16
 * ones; without it positions are taken as they are.
 */
export function parseImport(text: string, edition: AnnotationEdition, textOf?: (n: number) => string | undefined): Result {
  const paragraphs = edition.paragraphs;
  const bytes = new TextEncoder().encode(text).length;
  if (bytes > LIMITS.bytes) return { error: `文件过大（${(bytes / 1024 / 1024).toFixed(1)} MB），最多 1 MB。未导入任何内容。` };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { error: '这不是有效的 JSON 文件，无法导入。请选择本站“导出”得到的 .json 文件。' };
  }
  let items: unknown;
  if (isObject(data) && data.type === 'AnnotationCollection') {
    const foreign = otherEdition(data, edition);
    if (foreign) return { error: foreign };
  }
  if (Array.isArray(data)) items = data;
  else if (isObject(data) && data.type === 'AnnotationCollection' && isObject(data.first)) items = data.first.items;
  else if (isObject(data) && data.type === 'AnnotationPage') items = data.items;
  else if (isObject(data) && data.type === 'Annotation') items = [data];
  if (!Array.isArray(items)) return { error: '文件格式不对：这不是 W3C Web Annotation 批注集合。未导入任何内容。' };
  if (items.length > LIMITS.annotations) return { error: `文件中有 ${items.length} 条批注，超过上限 ${LIMITS.annotations} 条。未导入任何内容。` };
  const annotations: Annotation[] = [];
  for (const [i, item] of items.entries()) {
    const read = readItem(item, paragraphs, textOf);
    if (typeof read === 'string') return { error: `第 ${i + 1} 条批注无法读取：${read}。整个文件未导入，原有批注不变。` };
    annotations.push(read);
  }
  return { annotations };
}

/** Merges imported annotations into the reader's by id; the later modification wins. */
export function merge(existing: readonly Annotation[], imported: readonly Annotation[]) {
  const byId = new Map(existing.map((a) => [a.id, a]));
  let added = 0;
  let updated = 0;
  for (const a of imported) {
    const old = byId.get(a.id);
    if (!old) added++;
    else if (Date.parse(a.modified) > Date.parse(old.modified)) updated++;
    else continue;
    byId.set(a.id, a);
  }
  return { annotations: [...byId.values()], added, updated };
}
