/**
 * What can be done with words selected inside a paragraph: 复制引用 copies the quotation with
 * its source and a link that finds the words again (see quoteLink); 高亮 and 批注 keep them as
 * the reader's own annotation (see annotations.ts). Loaded by selection-watch.ts on the first
 * selection. The toolbar sits under the selection and after its paragraph in the document,
 * next to its words for screen readers; Tab from the selection reaches it, Esc leaves it.
 */
import toolbarCss from './selection-toolbar.css?url';
import { loadStylesheet } from '../../reader/stylesheet.ts';
import edition from 'virtual:edition';
import { quotation, quoteLink } from '../../cite/format.ts';
import { COPY_MESSAGES, copyText } from '../../reader/copy.ts';
import { focusParagraph } from '../../reader/focus-paragraph.ts';
import { placePanel } from '../../reader/place-panel.ts';
import { toast } from '../../reader/toast.ts';

/** The toolbar's styles, loading as this module does; wait for them before showing it. */
export const styled = loadStylesheet(toolbarCss);

export interface Selected {
  /** The selected report text, without edition UI. */
  text: string;
  /** The paragraph number. */
  n: number;
  para: HTMLElement;
  /** A copy of the selection's range, which outlives the selection. */
  range: Range;
}

/** Called with the selection when the reader chooses 高亮 (withNote false) or 批注. */
export type Annotate = (selection: Selected, withNote: boolean) => void;

/** The selected report text and its paragraph, if the selection lies within one paragraph. */
function selected(): Selected | undefined {
  const selection = getSelection();
  if (!selection || selection.isCollapsed || selection.rangeCount === 0) return undefined;
  const range = selection.getRangeAt(0);
  const paraOf = (node: Node | null) => (node instanceof Element ? node : node?.parentElement)?.closest<HTMLElement>('.para');
  const para = paraOf(range.startContainer);
  if (!para || para !== paraOf(range.endContainer)) return undefined;
  // The words as the report has them: edition UI inside the selection is left out.
  const fragment = range.cloneContents();
  for (const ui of fragment.querySelectorAll('[data-edition-ui]')) ui.remove();
  const text = (fragment.textContent ?? '').trim();
  if (!text) return undefined;
  return { text, n: Number(para.id.slice(2)), para, range: range.cloneRange() };
}

function button(label: string, className: string, title: string) {
  const b = document.createElement('button');
  b.type = 'button';
  b.className = className;
  b.textContent = label;
  b.title = title;
  return b;
}

let bar: HTMLElement | undefined;
let current: Selected | undefined;

function build(annotate: Annotate): HTMLElement {
  const el = document.createElement('div');
  el.className = 'selection-toolbar';
  el.setAttribute('role', 'toolbar');
  el.setAttribute('aria-label', '所选文字');
  el.setAttribute('data-edition-ui', '');
  const copy = button('复制引用', 'quote-button', '复制所选文字，连同出处和能重新找到这段文字的链接');
  const highlight = button('高亮', 'selection-toolbar__highlight', '把所选文字标为高亮（只保存在本浏览器中）');
  const note = button('批注', 'selection-toolbar__note', '为所选文字写批注（只保存在本浏览器中）');
  el.append(copy, highlight, note);
  // What is copied, where it can be selected for Ctrl+C if nothing else works.
  const shown = document.createElement('span');
  shown.className = 'visually-hidden';
  shown.setAttribute('data-edition-ui', '');
  document.body.append(shown);
  el.addEventListener('mousedown', (event) => event.preventDefault()); // keep the selection
  el.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape') return;
    el.hidden = true;
    focusParagraph(current?.para);
  });
  copy.addEventListener('click', async () => {
    if (!current) return;
    const link = quoteLink(new URL(location.pathname, location.href).href, current.n, current.text);
    const text = quotation(edition.citation, current.text, current.n, link);
    shown.textContent = text;
    const result = await copyText(text, shown);
    toast(`复制引用：${COPY_MESSAGES[result]}`);
    copy.dataset.copied = result;
    copy.dataset.text = text;
  });
  const choose = (withNote: boolean) => {
    if (!current) return;
    const chosen = current;
    el.hidden = true;
    getSelection()?.removeAllRanges();
    annotate(chosen, withNote);
  };
  highlight.addEventListener('click', () => choose(false));
  note.addEventListener('click', () => choose(true));
  return el;
}

/** Shows the toolbar under the current selection, or hides it if there is none. */
export function updateToolbar(annotate: Annotate) {
  current = selected();
  if (!current) {
    if (bar) bar.hidden = true;
    return;
  }
  bar ??= build(annotate);
  if (bar.previousElementSibling !== current.para) current.para.after(bar);
  bar.hidden = false;
  // Under the selection's end, or above it where the window has no room below; on screen.
  const range = current.range;
  void placePanel(
    bar,
    { getBoundingClientRect: () => range.getBoundingClientRect(), getClientRects: () => range.getClientRects(), contextElement: current.para },
    { placement: 'bottom-end' },
  );
}
