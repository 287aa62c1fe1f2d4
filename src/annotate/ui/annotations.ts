/**
 * The reader's annotations on a chapter page: highlights painted over the text, the notes
 * listed under their paragraph, adding from a selection, editing and deleting, and the choice
 * to print them with the chapter. Loaded only when this browser has annotations or the reader
 * makes one.
 *
 * Highlights use the CSS Custom Highlight API, which paints ranges without touching the DOM, so
 * the report text and its paragraph structure stay exactly as built. Browsers without it get
 * <mark> elements around the same words; they change no text either.
 */
import annotateCss from '../annotate.css?url';
import { loadStylesheet } from '../../reader/stylesheet.ts';
import { locate, quoteAt } from '../anchoring.ts';
import { offsetAt, rangesOver, spansText, textSpans } from './dom-text.ts';
import edition from 'virtual:edition';
import { annotationsKey } from '../storage-key.ts';
import { newId, openStore, type AnnotationStore } from '../store.ts';
import { COLORS, type Annotation, type Color } from '../model.ts';
import { url } from '../../site/urls.ts';
import { annotationItem, itemId } from './annotation-view.ts';
import { focusParagraph } from '../../reader/focus-paragraph.ts';
import type { Selected } from './selection-toolbar.ts';
import { toast } from '../../reader/toast.ts';

/** The annotations' styles (annotate.css), loading as this module does; wait for them before showing any. */
export const styled = loadStylesheet(annotateCss);

const PRINT_KEY = `${edition.id}:print-annotations`;
/** The note editor loads when a note is written or edited, not to show the annotations. */
const editor = () => import('./annotation-editor.ts');
const hasHighlightApi = () => 'highlights' in CSS && typeof Highlight === 'function';

let store: AnnotationStore | undefined;
let lastColor: Color = 'yellow';

/** Opens the store once; shows the reader any problem reading it. */
function theStore(): AnnotationStore | undefined {
  if (store) return store;
  const opened = openStore(annotationsKey(edition.id));
  if (opened.problem) toast(opened.problem);
  store = opened.store;
  store?.subscribe(render);
  return store;
}

const paraOf = (n: number) => document.querySelector<HTMLElement>(`.para#p-${n}`);

/** Removes the fallback <mark>s, leaving their words where they were. */
function unmark() {
  for (const mark of document.querySelectorAll('mark.reader-mark')) {
    const parent = mark.parentNode!;
    mark.replaceWith(...mark.childNodes);
    parent.normalize();
  }
}

/** The words each annotation on this page covers, by id; none for one 未能定位. */
let painted = new Map<string, Range[]>();

/** Paints the annotations' words with one highlight per colour, plus one for those with notes. */
function paint(list: readonly Annotation[]) {
  if (!hasHighlightApi()) return;
  const byName = new Map<string, Range[]>([...COLORS.map((c) => `anno-${c}`), 'anno-note', 'anno-active'].map((name) => [name, []]));
  for (const a of list) {
    const ranges = painted.get(a.id) ?? [];
    byName.get(`anno-${a.color}`)!.push(...ranges);
    if (a.note) byName.get('anno-note')!.push(...ranges);
  }
  for (const [name, ranges] of byName) {
    if (ranges.length) CSS.highlights.set(name, new Highlight(...ranges));
    else CSS.highlights.delete(name);
  }
}

/** Without the Highlight API: the words in <mark>s; returns a range over each mark. */
function wrap(para: HTMLElement, a: Annotation, start: number, end: number): Range[] {
  return rangesOver(textSpans(para), start, end)
    .reverse()
    .map((range) => {
      const mark = document.createElement('mark');
      mark.className = `reader-mark reader-mark--${a.color}${a.note ? ' reader-mark--note' : ''}`;
      range.surroundContents(mark);
      const over = document.createRange();
      over.selectNodeContents(mark);
      return over;
    })
    .reverse();
}

/** The bar at the head of a chapter that has annotations: count, 我的批注, print choice. */
function chapterBar(count: number) {
  let bar = document.querySelector<HTMLElement>('.annotations-bar');
  if (count === 0) {
    bar?.remove();
    document.documentElement.classList.remove('print-annotations');
    return;
  }
  if (!bar) {
    bar = document.createElement('div');
    bar.className = 'annotations-bar';
    bar.setAttribute('data-edition-ui', '');
    bar.setAttribute('data-pagefind-ignore', 'all');
    bar.innerHTML = `
      <p class="annotations-bar__count"></p>
      <label class="annotations-bar__print"><input type="checkbox" /> 打印时附上我的批注</label>
      <button type="button" class="annotations-bar__print-now">打印本章</button>
      <a href="${url('annotations/')}">我的批注</a>`;
    const box = bar.querySelector('input')!;
    const apply = () => {
      document.documentElement.classList.toggle('print-annotations', box.checked);
      try {
        localStorage.setItem(PRINT_KEY, box.checked ? '1' : '0');
      } catch {
        // The choice still holds for this page.
      }
    };
    box.checked = localStorage.getItem(PRINT_KEY) !== '0';
    box.addEventListener('change', apply);
    apply();
    bar.querySelector('button')!.addEventListener('click', () => print());
    document.querySelector('.chapter__kicker')?.after(bar);
  }
  bar.querySelector('.annotations-bar__count')!.textContent = `本章有我的批注 ${count} 条（只保存在本浏览器中）`;
}

/** Paints every annotation of this page and lists them under their paragraphs. */
function render() {
  const list = store?.list ?? [];
  unmark();
  for (const aside of document.querySelectorAll('.reader-notes')) aside.remove();
  painted = new Map();
  const byPara = new Map<number, Annotation[]>();
  for (const a of list) if (paraOf(a.paragraph)) byPara.set(a.paragraph, [...(byPara.get(a.paragraph) ?? []), a]);
  let count = 0;
  for (const [n, annotations] of byPara) {
    const para = paraOf(n)!;
    const spans = textSpans(para);
    const text = spansText(spans);
    const placed = annotations
      .map((a) => ({ a, at: locate(text, a.quote, a.position) }))
      .sort((x, y) => (x.at?.start ?? Infinity) - (y.at?.start ?? Infinity));
    const aside = document.createElement('aside');
    aside.className = 'reader-notes';
    aside.setAttribute('data-edition-ui', '');
    aside.setAttribute('data-pagefind-ignore', 'all');
    aside.setAttribute('aria-label', `我的批注（第${n}段）`);
    const ol = document.createElement('ol');
    for (const { a, at } of placed) {
      count++;
      ol.append(annotationItem(a, { located: !!at }));
      if (at) painted.set(a.id, hasHighlightApi() ? rangesOver(spans, at.start, at.end) : wrap(para, a, at.start, at.end));
    }
    aside.append(ol);
    para.after(aside);
  }
  paint(list);
  chapterBar(count);
}

/** Adds an annotation for the selected words: a highlight at once, or through the editor. */
export async function annotate(selection: Selected, withNote: boolean) {
  const s = theStore();
  if (!s) return;
  const { para, range, n } = selection;
  const spans = textSpans(para);
  const text = spansText(spans);
  let start = offsetAt(para, spans, range.startContainer, range.startOffset);
  let end = offsetAt(para, spans, range.endContainer, range.endOffset);
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  if (start >= end) return;
  const now = new Date().toISOString();
  const base: Annotation = {
    id: newId(),
    paragraph: n,
    quote: quoteAt(text, { start, end }),
    position: { start, end },
    color: lastColor,
    note: '',
    created: now,
    modified: now,
  };
  const focusItem = () => document.getElementById(itemId(base))?.querySelector<HTMLElement>('[data-anno-action="edit"]')?.focus();
  if (!withNote) {
    const error = s.add(base);
    if (error) return toast(error);
    focusItem();
    return toast('已高亮，只保存在本浏览器中。', { label: '撤销', run: () => s.remove(base.id) });
  }
  const { openEditor } = await editor();
  const outcome = await openEditor({
    quote: base.quote.exact,
    color: lastColor,
    note: '',
    isNew: true,
    save: ({ color, note }) => {
      lastColor = color;
      return s.add({ ...base, color, note });
    },
  });
  if (outcome === 'saved') focusItem();
  else focusParagraph(para);
}

async function edit(id: string, trigger: HTMLElement) {
  const s = theStore();
  const a = s?.get(id);
  if (!s || !a) return;
  const { editStored } = await editor();
  if ((await editStored(s, a, trigger)) === 'deleted') afterDelete(a);
}

function afterDelete(a: Annotation) {
  focusParagraph(paraOf(a.paragraph));
  toast('已删除批注。', { label: '撤销', run: () => theStore()?.add(a) });
}

/** Arriving from 我的批注 (`?anno=<uuid>#p-N`): the annotation is brought into view. */
function arrive() {
  const wanted = new URLSearchParams(location.search).get('anno');
  const item = wanted ? document.getElementById(`anno-${wanted}`) : null;
  if (!item) return;
  item.classList.add('is-arrived');
  const ranges = painted.get(item.dataset.id!);
  if (!ranges?.length) return;
  if (hasHighlightApi()) CSS.highlights.set('anno-active', new Highlight(...ranges));
  scrollBy({ top: ranges[0]!.getBoundingClientRect().top - innerHeight / 3 });
}

/** Shows this browser's annotations on the page; once, later changes re-render by themselves. */
export function showAnnotations() {
  if (store || !theStore()) return;
  render();
  arrive();
}

document.addEventListener('click', (event) => {
  const button = (event.target as Element).closest<HTMLElement>('.reader-notes [data-anno-action]');
  if (!button) return;
  const id = button.dataset.id!;
  if (button.dataset.annoAction === 'edit') void edit(id, button);
  else {
    const a = theStore()?.get(id);
    const error = a && store!.remove(id);
    if (error) toast(error);
    else if (a) afterDelete(a);
  }
});
