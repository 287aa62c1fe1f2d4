/**
 * Export and import on the 我的批注 page, loaded when the reader uses them: the files are made
 * in the browser (a Blob, downloaded), and an imported file is read whole and checked before
 * anything in the store changes.
 */
import { locate, quoteAt } from '../anchoring.ts';
import { LIMITS, type Annotation } from '../model.ts';
import type { AnnotationStore } from '../store.ts';
import edition from 'virtual:edition';
import { merge, parseImport, toCollection, toMarkdown, type ParagraphTexts } from '../web-annotation.ts';
import { localDate } from './annotation-view.ts';
import { downloadText } from '../../reader/download.ts';

/** Notes that look like markup: imported as text all the same, and the reader is told so. */
const MARKUP = /<\s*[a-z!/?]/i;


const fileName = (ext: string) => `${edition.id}-annotations-${localDate(new Date().toISOString())}.${ext}`;

/**
 * Downloads the W3C Web Annotation collection; `source` is the chapter URL of a paragraph,
 * `paragraphs` every paragraph's report text and chapter (positions are written in code points
 * of that text, and each quote made distinct among the paragraphs of its chapter).
 */
export function exportJson(list: readonly Annotation[], source: (n: number) => string, paragraphs?: ParagraphTexts): string {
  downloadText(fileName('json'), 'application/ld+json', JSON.stringify(toCollection(list, (a) => source(a.paragraph), edition, { paragraphs }), null, 2));
  return `已导出 ${list.length} 条批注（W3C Web Annotation JSON-LD）。`;
}

/** Downloads the readable Markdown; `permalink` is the public address of a paragraph. */
export function exportMarkdown(list: readonly Annotation[], permalink: (n: number) => string): string {
  downloadText(fileName('md'), 'text/markdown;charset=utf-8', toMarkdown(list, (a) => permalink(a.paragraph), edition));
  return `已导出 ${list.length} 条批注（Markdown）。`;
}

/**
 * Imports a file into the store, all or nothing. `textOf` gives a paragraph's text, to count
 * the annotations whose words cannot be found (kept, and listed as 未能定位).
 */
export async function importFile(file: File, store: AnnotationStore, textOf: (n: number) => string): Promise<{ message: string } | { error: string }> {
  if (file.size > LIMITS.bytes)
    return { error: `文件“${file.name}”过大（${(file.size / 1024 / 1024).toFixed(1)} MB），最多 1 MB。未导入任何内容，原有批注不变。` };
  const read = parseImport(await file.text(), edition, textOf);
  if ('error' in read) return { error: `文件“${file.name}”：${read.error}` };
  // Re-anchored by the quote: where the words are found, the position (and the text around
  // them) is taken from this edition; where they are not, the annotation is kept as it came.
  let lost = 0;
  const anchored = read.annotations.map((a) => {
    const text = textOf(a.paragraph);
    const at = locate(text, a.quote, a.position);
    if (!at) lost++;
    return at ? { ...a, position: at, quote: quoteAt(text, at) } : a;
  });
  const result = merge(store.list, anchored);
  const failed = store.replace(result.annotations);
  if (failed) return { error: failed };
  const same = read.annotations.length - result.added - result.updated;
  const markup = read.annotations.filter((a) => MARKUP.test(a.note)).length;
  return {
    message: [
      `已从“${file.name}”导入 ${read.annotations.length} 条批注：新增 ${result.added} 条，更新 ${result.updated} 条，${same} 条与已有的相同。`,
      lost ? `其中 ${lost} 条所引文字在原文中找不到，列在页末“未能定位”中。` : '',
      markup ? `有 ${markup} 条批注含有类似网页代码的文字，已按纯文本保存和显示，不会被执行。` : '',
    ].join(''),
  };
}
