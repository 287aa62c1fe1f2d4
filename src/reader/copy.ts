/**
 * Copying text where intranets serve plain HTTP: there `navigator.clipboard` does not exist (it
 * needs a secure context). So: the Clipboard API where it exists; else the older copy command,
 * which browsers still allow from a click on plain HTTP; else the text is selected for the
 * reader to copy with Ctrl+C. The caller tells the reader which happened.
 */
import copyCss from './copy.css?url';
import { loadStylesheet } from './stylesheet.ts';
// The copy buffer's styles (fixed, invisible: selecting it never scrolls the page), fetched as
// this module loads, long before a reader copies; not awaited, which would cost the copy
// command the click it needs.
void loadStylesheet(copyCss);

export type CopyResult = 'clipboard' | 'command' | 'selected';

export const COPY_MESSAGES: Record<CopyResult, string> = {
  clipboard: '已复制。',
  command: '已复制（当前网址不是安全连接，已改用兼容方式复制）。',
  selected: '浏览器不允许自动复制：文字已选中，请按 Ctrl+C（Mac 按 ⌘C）复制。',
};

function selectContents(element: HTMLElement) {
  const range = document.createRange();
  range.selectNodeContents(element);
  const selection = getSelection();
  selection?.removeAllRanges();
  selection?.addRange(range);
}

/** Copies `text`; `shown` is the element showing it, selected if nothing else works. */
export async function copyText(text: string, shown: HTMLElement): Promise<CopyResult> {
  if (window.isSecureContext && navigator.clipboard?.writeText) {
    try {
      await navigator.clipboard.writeText(text);
      return 'clipboard';
    } catch {
      // Permission refused: fall through.
    }
  }
  const active = document.activeElement as HTMLElement | null;
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.setAttribute('aria-hidden', 'true');
  area.className = 'copy-buffer';
  document.body.append(area);
  area.select();
  let copied = false;
  try {
    copied = document.execCommand('copy');
  } catch {
    copied = false;
  }
  area.remove();
  active?.focus({ preventScroll: true });
  if (copied) return 'command';
  selectContents(shown);
  return 'selected';
}
