/**
 * The 我的批注 page: lists this browser's annotations by chapter and paragraph, re-anchored
 * against the report text (the ones whose words are gone are listed apart as 未能定位, never
 * dropped); edits and deletes them; exports them as W3C Web Annotation JSON-LD and as
 * Markdown; imports such a file, all or nothing, merging by id.
 */
import { locate } from '../anchoring.ts';
import type { Annotation } from '../model.ts';
import edition from 'virtual:edition';
import { annotationsKey } from '../storage-key.ts';
import { openStore, type AnnotationStore } from '../store.ts';
import type { ParagraphRecord } from '../../pages/paragraphs.json.ts';
import { chapterUrl, permalink, url } from '../../site/urls.ts';
import { annotationItem } from './annotation-view.ts';
import { toast } from '../../reader/toast.ts';

// Loaded when the reader exports, imports or edits, not with the list.
const transfer = () => import('./annotations-transfer.ts');
const editor = () => import('./annotation-editor.ts');

export async function initAnnotationsPage() {
  const root = document.querySelector<HTMLElement>('.my-notes');
  if (!root) return;
  const $ = <T extends Element>(selector: string) => root.querySelector<T>(selector)!;
  const message = $<HTMLElement>('.my-notes__message');
  const error = $<HTMLElement>('.my-notes__error');
  const say = (text: string) => {
    error.textContent = '';
    message.textContent = text;
  };
  const fail = (text: string) => {
    message.textContent = '';
    error.textContent = text;
  };
  const opened = openStore(annotationsKey(edition.id));
  if (opened.problem) fail(opened.problem);
  if (!opened.store) return;
  const store: AnnotationStore = opened.store;
  const absolute = (path: string) => new URL(path, location.href).href;
  let paragraphs: Map<number, ParagraphRecord> | undefined;
  const loadParagraphs = async () =>
    (paragraphs ??= new Map(((await (await fetch(url('paragraphs.json'))).json()) as ParagraphRecord[]).map((p) => [p.n, p])));
  // A paragraph the report does not have (a hand-edited store) links to the contents.
  const chapterHref = (n: number) => {
    const record = paragraphs!.get(n);
    return absolute(record ? chapterUrl(record.chapter) : url(''));
  };
  const landing = (a: Annotation) => `${chapterHref(a.paragraph)}?anno=${a.id.slice('urn:uuid:'.length)}#p-${a.paragraph}`;

  const render = async () => {
    const list = store.list;
    for (const action of ['export-json', 'export-md', 'clear']) $<HTMLButtonElement>(`[data-action="${action}"]`).disabled = list.length === 0;
    $<HTMLButtonElement>('[data-action="choose-file"]').disabled = false;
    const container = $<HTMLElement>('.my-notes__list');
    const lost = $<HTMLElement>('.my-notes__lost');
    const lostList = $<HTMLElement>('.my-notes__lost-list');
    lostList.replaceChildren();
    if (list.length === 0) {
      const empty = document.createElement('p');
      empty.className = 'my-notes__empty';
      empty.textContent = '还没有批注。在任何一章的正文中选中文字，点“高亮”或“批注”即可添加；也可以导入以前导出的批注文件。';
      container.replaceChildren(empty);
      lost.hidden = true;
      return;
    }
    await loadParagraphs();
    const placed = list
      .map((a) => ({ a, at: locate(paragraphs!.get(a.paragraph)?.text ?? '', a.quote, a.position) }))
      .sort((x, y) => x.a.paragraph - y.a.paragraph || (x.at?.start ?? 0) - (y.at?.start ?? 0));
    const sections: HTMLElement[] = [];
    let chapter = '';
    let para = 0;
    let ol: HTMLOListElement | undefined;
    for (const { a, at } of placed) {
      if (!at) {
        const item = annotationItem(a, { located: false });
        const where = document.createElement('a');
        where.className = 'reader-note__para';
        where.href = `${chapterHref(a.paragraph)}#p-${a.paragraph}`;
        where.textContent = `第${a.paragraph}段`;
        item.prepend(where);
        lostList.append(item);
        continue;
      }
      const record = paragraphs!.get(a.paragraph)!;
      if (record.chapter !== chapter) {
        chapter = record.chapter;
        const section = document.createElement('section');
        section.className = 'my-notes__chapter';
        const h2 = document.createElement('h2');
        h2.textContent = record.chapterTitle;
        section.append(h2);
        sections.push(section);
      }
      if (a.paragraph !== para) {
        para = a.paragraph;
        const h3 = document.createElement('h3');
        const link = document.createElement('a');
        link.href = `${chapterHref(para)}#p-${para}`;
        link.textContent = `第${para}段`;
        const opening = document.createElement('span');
        opening.className = 'my-notes__opening';
        opening.textContent = `${record.text.slice(0, 24)}…`;
        h3.append(link, opening);
        ol = document.createElement('ol');
        ol.className = 'my-notes__items';
        sections[sections.length - 1]!.append(h3, ol);
      }
      ol!.append(annotationItem(a, { located: true, link: landing(a) }));
    }
    container.replaceChildren(...sections);
    const count = document.createElement('p');
    count.className = 'my-notes__count';
    count.textContent = `共 ${list.length} 条，涉及 ${new Set(list.map((a) => a.paragraph)).size} 段。`;
    container.prepend(count);
    lost.hidden = lostList.childElementCount === 0;
  };
  store.subscribe(() => void render());
  await render();

  root.addEventListener('click', async (event) => {
    const target = event.target as HTMLElement;
    const action = target.closest<HTMLElement>('[data-action], [data-anno-action]');
    if (!action) return;
    switch (action.dataset.action ?? action.dataset.annoAction) {
      case 'choose-file':
        $<HTMLInputElement>('[data-action="import"]').click();
        break;
      case 'export-json':
        await loadParagraphs();
        say((await transfer()).exportJson(store.list, chapterHref, paragraphs));
        break;
      case 'export-md':
        say((await transfer()).exportMarkdown(store.list, (n) => absolute(permalink(n))));
        break;
      case 'clear': {
        const count = store.list.length;
        if (!confirm(`确定删除全部 ${count} 条批注吗？删除后无法恢复，建议先导出备份。`)) break;
        const failed = store.replace([]);
        if (failed) fail(failed);
        else say(`已删除全部 ${count} 条批注。`);
        break;
      }
      case 'edit': {
        const a = store.get(action.dataset.id!);
        if (!a) break;
        const { editStored } = await editor();
        if ((await editStored(store, a, action)) === 'deleted') deleted(a);
        break;
      }
      case 'delete': {
        const a = store.get(action.dataset.id!);
        if (!a) break;
        const failed = store.remove(a.id);
        if (failed) fail(failed);
        else deleted(a);
        break;
      }
    }
  });

  const deleted = (a: Annotation) => {
    root.querySelector<HTMLElement>('h1')!.focus();
    toast('已删除批注。', { label: '撤销', run: () => store.add(a) });
  };
  root.querySelector('h1')!.tabIndex = -1;

  const input = $<HTMLInputElement>('[data-action="import"]');
  input.addEventListener('change', async () => {
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    await loadParagraphs();
    const result = await (await transfer()).importFile(file, store, (n) => paragraphs!.get(n)?.text ?? '');
    if ('error' in result) fail(result.error);
    else say(result.message);
  });
}
