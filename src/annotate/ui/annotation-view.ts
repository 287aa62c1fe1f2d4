/**
 * One annotation as the reader sees it, on a chapter page (under its paragraph) and on the
 * 我的批注 page: the quoted words, the note, colour and date, and what can be done with it.
 * Everything the reader or an imported file wrote goes in as text (textContent), never as
 * markup.
 */
import { COLOR_NAMES, type Annotation } from '../model.ts';
import { isoDate } from '../../cite/format.ts';

/** Characters of surrounding text shown on either side of a quote. */
const CONTEXT_SHOWN = 8;

/** The reader's local date of an ISO time, as 2026-11-29 (as citations give access dates). */
export const localDate = (iso: string) => isoDate(new Date(iso));

/** The element id of an annotation's item: the UUID, which is safe in an id. */
export const itemId = (a: Pick<Annotation, 'id'>) => `anno-${a.id.slice('urn:uuid:'.length)}`;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string) {
  const e = document.createElement(tag);
  e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
}

export interface ItemOptions {
  /** False if the quoted words are no longer in the paragraph (未能定位). */
  located: boolean;
  /** Where the annotation is shown in the text, if not on this page. */
  link?: string;
}

/** The list item for one annotation; its buttons carry `data-anno-action` and the id. */
export function annotationItem(a: Annotation, { located, link }: ItemOptions): HTMLLIElement {
  const li = el('li', 'reader-note');
  li.id = itemId(a);
  li.dataset.color = a.color;
  li.dataset.id = a.id;
  // The words with a little of their surroundings, which tells apart the same words quoted
  // twice in a paragraph.
  const quote = el('blockquote', 'reader-note__quote');
  quote.id = `${li.id}-quote`;
  const before = a.quote.prefix.slice(-CONTEXT_SHOWN);
  const after = a.quote.suffix.slice(0, CONTEXT_SHOWN);
  if (before) quote.append(el('span', 'reader-note__context', `…${before}`));
  quote.append(el('span', 'reader-note__exact', a.quote.exact));
  if (after) quote.append(el('span', 'reader-note__context', `${after}…`));
  li.append(quote);
  if (a.note) li.append(el('p', 'reader-note__text', a.note));
  const meta = el('p', 'reader-note__meta');
  const kind = el('span', 'reader-note__kind', `${COLOR_NAMES[a.color]}色${a.note ? '批注' : '高亮'}`);
  const time = el('time', 'reader-note__date', localDate(a.modified));
  time.dateTime = a.modified;
  time.title = `添加于 ${localDate(a.created)}${a.modified === a.created ? '' : `，最后修改于 ${localDate(a.modified)}`}`;
  meta.append(kind, time);
  if (!located) meta.append(el('strong', 'reader-note__lost', '未能定位'));
  if (link && located) {
    const a2 = el('a', 'reader-note__link', '在原文中查看');
    a2.href = link;
    meta.append(a2);
  }
  for (const [action, label] of [
    ['edit', '编辑'],
    ['delete', '删除'],
  ] as const) {
    const button = el('button', `reader-note__${action}`, label);
    button.type = 'button';
    button.dataset.annoAction = action;
    button.dataset.id = a.id;
    button.setAttribute('aria-describedby', quote.id);
    meta.append(button);
  }
  li.append(meta);
  return li;
}
