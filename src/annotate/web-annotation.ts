/**
 * A reader's annotations as W3C Web Annotations (JSON-LD) and as readable Markdown, and the
 * import of such a file: checked whole before anything is taken, so a broken or hostile file is
 * refused with a message in Chinese and the reader's existing annotations stay as they were.
 * Notes are plain text: whatever a file puts in them is kept as characters, never as markup.
 *
 * An exported collection names its edition (`"edition": "shili-2024"`, a `dcterms:isPartOf`),
 * and a file of another edition is refused: its ¶ numbers belong to another report.
 */
import type { ClientEdition } from '../edition/client.ts';
import { COLORS, COLOR_NAMES, LIMITS, type Annotation, type Color } from './model.ts';

/** What export and import need to know of the edition. */
export type AnnotationEdition = Pick<ClientEdition, 'id' | 'paragraphs' | 'citation'>;

const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
/** The collection's label: the report's name and what the file is. */
const collectionLabel = (edition: AnnotationEdition) => `${edition.citation.short} · 我的批注`;

export { COLORS, COLOR_NAMES, LIMITS, type Annotation, type Color } from './model.ts';

const UUID = /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** One annotation as a W3C Web Annotation. `source` is the chapter page's URL. */
export function toWebAnnotation(a: Annotation, source: string) {
  const body: Record<string, string>[] = [{ type: 'TextualBody', purpose: 'tagging', value: `color:${a.color}` }];
  if (a.note) body.unshift({ type: 'TextualBody', purpose: 'commenting', value: a.note, format: 'text/plain', language: 'zh-CN' });
  return {
    id: a.id,
    type: 'Annotation',
    motivation: a.note ? 'commenting' : 'highlighting',
    created: a.created,
    modified: a.modified,
    body,
    target: {
      source,
      selector: {
        type: 'FragmentSelector',
        conformsTo: 'http://tools.ietf.org/rfc/rfc3986',
        value: `p-${a.paragraph}`,
        refinedBy: [
          { type: 'TextQuoteSelector', exact: a.quote.exact, prefix: a.quote.prefix, suffix: a.quote.suffix },
          { type: 'TextPositionSelector', start: a.position.start, end: a.position.end },
        ],
      },
    },
  };
}

/** The collection a reader exports. */
export function toCollection(list: readonly Annotation[], sourceOf: (a: Annotation) => string, edition: AnnotationEdition) {
  return {
    '@context': [ANNO_CONTEXT, { edition: 'http://purl.org/dc/terms/isPartOf' }],
    type: 'AnnotationCollection',
    label: collectionLabel(edition),
    edition: edition.id,
    total: list.length,
    first: { type: 'AnnotationPage', startIndex: 0, items: list.map((a) => toWebAnnotation(a, sourceOf(a))) },
  };
}

/** A readable export: by paragraph, the quote, the note, the date, the link. */
export function toMarkdown(list: readonly Annotation[], linkOf: (a: Annotation) => string, edition: AnnotationEdition): string {
  const lines = [`# ${collectionLabel(edition)}`, ''];
  const sorted = [...list].sort((a, b) => a.paragraph - b.paragraph || a.position.start - b.position.start);
  let current = 0;
  for (const a of sorted) {
    if (a.paragraph !== current) {
      current = a.paragraph;
      lines.push(`## 第${current}段`, '');
    }
    lines.push(`> ${a.quote.exact}`, '');
    if (a.note) lines.push(...a.note.split('\n').map((l) => l.replace(/^([#>*\-+]|\d+\.)/, '\\$1')), '');
    lines.push(`${COLOR_NAMES[a.color]}色 · ${a.modified.slice(0, 10)} · ${linkOf(a)}`, '');
  }
  return lines.join('\n');
}

type Result = { annotations: Annotation[] } | { error: string };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isString = (v: unknown, max: number): v is string => typeof v === 'string' && v.length <= max;
const isDate = (v: unknown) => typeof v === 'string' && v.length <= 40 && !Number.isNaN(Date.parse(v));

/** Checks one imported item; returns the annotation or why it cannot be taken. */
function readItem(item: unknown, paragraphs: number): Annotation | string {
  if (!isObject(item)) return '不是对象';
  if (item.type !== 'Annotation') return 'type 不是 Annotation';
  if (typeof item.id !== 'string' || !UUID.test(item.id)) return 'id 不是 urn:uuid 格式';
  if (item.motivation !== 'highlighting' && item.motivation !== 'commenting') return 'motivation 只能是 highlighting 或 commenting';
  const target = item.target;
  const selector = isObject(target) ? target.selector : undefined;
  if (!isObject(selector) || selector.type !== 'FragmentSelector') return '缺少 FragmentSelector';
  const m = typeof selector.value === 'string' ? /^p-(\d+)$/.exec(selector.value) : null;
  const paragraph = m ? Number(m[1]) : NaN;
  if (!(paragraph >= 1 && paragraph <= paragraphs)) return `段落 ${String(selector.value)} 不在本报告中`;
  const refined = Array.isArray(selector.refinedBy) ? selector.refinedBy : [selector.refinedBy];
  const quote = refined.find((r) => isObject(r) && r.type === 'TextQuoteSelector') as Record<string, unknown> | undefined;
  const position = refined.find((r) => isObject(r) && r.type === 'TextPositionSelector') as Record<string, unknown> | undefined;
  if (!quote || !isString(quote.exact, LIMITS.quote) || quote.exact.length === 0) return '缺少有效的 TextQuoteSelector';
  const prefix = quote.prefix ?? '';
  const suffix = quote.suffix ?? '';
  if (!isString(prefix, LIMITS.context) || !isString(suffix, LIMITS.context)) return 'prefix 或 suffix 无效';
  const start = Number(position?.start ?? 0);
  const end = Number(position?.end ?? start + quote.exact.length);
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end < start) return 'TextPositionSelector 无效';
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
  const now = new Date().toISOString();
  const created = isDate(item.created) ? String(item.created) : now;
  const modified = isDate(item.modified) ? String(item.modified) : created;
  return { id: item.id, paragraph, quote: { exact: quote.exact, prefix, suffix }, position: { start, end }, color, note, created, modified };
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
 * another edition is refused whole; every ¶ must be one of this edition's.
 */
export function parseImport(text: string, edition: AnnotationEdition): Result {
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
    const read = readItem(item, paragraphs);
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
