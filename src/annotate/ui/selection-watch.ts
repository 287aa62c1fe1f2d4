/**
 * Watches for words selected inside a paragraph and then loads the selection toolbar
 * (selection-toolbar.ts), so a page that is only read loads none of it. Mouse and pen
 * selections end with a pointerup; keyboard and touch selections settle after a pause.
 */
import type { Annotate } from './selection-toolbar.ts';

export function initSelectionWatch(annotate: Annotate) {
  if (!document.querySelector('.para')) return;
  let pointerDown = false;
  const check = () => {
    const selection = getSelection();
    const bar = document.querySelector<HTMLElement>('.selection-toolbar');
    if (!bar && (!selection || selection.isCollapsed || !selection.anchorNode?.parentElement?.closest('.para'))) return;
    void import('./selection-toolbar.ts').then(async (m) => {
      await m.styled;
      m.updateToolbar(annotate);
    });
  };
  document.addEventListener('pointerdown', (event) => {
    if (!(event.target as Element).closest?.('.selection-toolbar')) pointerDown = true;
  });
  const release = () => {
    if (!pointerDown) return;
    pointerDown = false;
    setTimeout(check);
  };
  document.addEventListener('pointerup', release);
  document.addEventListener('pointercancel', release);
  document.addEventListener('mouseup', () => setTimeout(check));
  let settle: ReturnType<typeof setTimeout> | undefined;
  document.addEventListener('selectionchange', () => {
    if (pointerDown) return;
    clearTimeout(settle);
    settle = setTimeout(check, 250);
  });
  // Tab from a selection goes to its toolbar first.
  document.addEventListener('keydown', (event) => {
    const bar = document.querySelector<HTMLElement>('.selection-toolbar:not([hidden])');
    if (event.key !== 'Tab' || event.shiftKey || !bar || bar.contains(document.activeElement)) return;
    event.preventDefault();
    bar.querySelector('button')?.focus();
  });
}
