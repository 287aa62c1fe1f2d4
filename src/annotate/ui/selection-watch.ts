/**
 * Watches for words selected inside a paragraph and then loads the selection toolbar
 * (selection-toolbar.ts), so a page that is only read loads none of it. Mouse and pen
 * selections end with a pointerup; keyboard and touch selections settle after a pause. It
 * starts on the reader's first move (src/reader/intent.ts), which may be that selection: words
 * already selected then are taken up at once.
 */
import type { Annotate } from './selection-toolbar.ts';

const TOOLBAR = '.selection-toolbar';

export function initSelectionWatch(annotate: Annotate) {
  if (!document.querySelector('.para')) return;
  let pointerDown = false;
  let settle: ReturnType<typeof setTimeout> | undefined;
  const check = () => {
    const selection = getSelection();
    const inParagraph = selection && !selection.isCollapsed && selection.anchorNode?.parentElement?.closest('.para');
    // Once shown, the toolbar follows every change (and hides when the words are gone).
    if (!inParagraph && !document.querySelector(TOOLBAR)) return;
    void import('./selection-toolbar.ts').then(async (m) => {
      await m.styled;
      m.updateToolbar(annotate);
    });
  };
  const on = <K extends keyof DocumentEventMap>(type: K, listener: (event: DocumentEventMap[K]) => void) => document.addEventListener(type, listener);
  on('pointerdown', ({ target }) => {
    if (!(target instanceof Element && target.closest(TOOLBAR))) pointerDown = true;
  });
  const release = () => {
    if (!pointerDown) return;
    pointerDown = false;
    setTimeout(check);
  };
  on('pointerup', release);
  on('pointercancel', release);
  on('mouseup', () => setTimeout(check));
  on('selectionchange', () => {
    if (pointerDown) return;
    clearTimeout(settle);
    settle = setTimeout(check, 250);
  });
  // Words selected before this started are taken up once they settle, as a keyboard selection's
  // are (keys still extending them put that off), unless a button is still held (the module
  // came mid-drag: the pointer's release, below, takes them up when the drag ends).
  if (getSelection()?.isCollapsed === false && !document.querySelector(':active')) settle = setTimeout(check, 250);
  // Tab from a selection goes to its toolbar first.
  on('keydown', (event) => {
    const bar = document.querySelector<HTMLElement>(`${TOOLBAR}:not([hidden])`);
    if (event.key !== 'Tab' || event.shiftKey || !bar || bar.contains(document.activeElement)) return;
    event.preventDefault();
    bar.querySelector('button')?.focus();
  });
}
