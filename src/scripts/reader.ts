/** The reading page's behaviour, loaded once per page as one small module. */
import edition from 'virtual:edition';
import { annotationsKey, hasStoredAnnotations } from '../annotate/storage-key.ts';
import { initArrival } from './arrival.ts';
import { initCitePanel } from './cite-panel.ts';
import { initNotes } from './notes.ts';
import { initOutline } from './outline.ts';
import { initTermPopovers } from './term-popover.ts';
import { initSearchLauncher } from './search-launcher.ts';
import { initSearchShortcuts } from './search-shortcuts.ts';
import { initSelectionWatch } from './selection-watch.ts';
import { initThemeToggle } from './theme.ts';

initThemeToggle();
initOutline();
initArrival();
// Arriving from a search result: the matcher loads only then.
if (/[?&](hl|quote)=/.test(location.search)) void import('./highlight-query.ts').then((m) => m.highlightQuery());
initSearchShortcuts();
initSearchLauncher();
initTermPopovers();
initNotes();
initCitePanel();
// The reader's annotations: their code loads only if this browser has some, or on first use.
const annotations = () => import('./annotations.ts');
if (document.querySelector('.para')) {
  const key = annotationsKey(edition.id);
  if (hasStoredAnnotations(key)) void annotations().then((m) => m.showAnnotations());
  addEventListener('storage', (event) => {
    if (event.key === key) void annotations().then((m) => m.showAnnotations());
  });
}
initSelectionWatch((selection, withNote) => void annotations().then((m) => m.annotate(selection, withNote)));
// The printed chapter carries its full address, for the host it was printed from.
for (const el of document.querySelectorAll<HTMLElement>('[data-permalink]')) el.textContent = new URL(el.dataset.permalink!, location.href).href;
