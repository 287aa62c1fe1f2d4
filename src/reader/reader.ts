/**
 * The reading page's behaviour, loaded once per page as one small module (what it imports is
 * bundled into it: no second script to fetch before it runs; tests/site/budgets.test.ts counts
 * every script a page loads before interaction): only what must run before the reader does
 * anything. Whatever waits for the reader loads
 * on use, with its styles: the citation panel, the term popover, the search panel, the
 * selection toolbar, annotations, and the outline's following of the reading.
 */
import { initCitePanel } from '../cite/ui/cite-panel.ts';
import { initNotes } from './notes.ts';
import { initOutline } from './outline.ts';
import { showStoredAnnotations } from './stored-annotations.ts';
import { initTermPopovers } from '../glossary/ui/term-popover.ts';
import { initSearchLauncher } from '../search/ui/search-launcher.ts';
import { initSearchShortcuts } from '../search/ui/search-shortcuts.ts';
import { initSelectionWatch } from '../annotate/ui/selection-watch.ts';
import { initThemeToggle } from './theme.ts';

initThemeToggle();
initOutline();
// Arriving at a paragraph (#p-N, #p-12-15): the arrival code loads only then.
const arrival = () => {
  if (!/^#p-\d/.test(location.hash)) return;
  removeEventListener('hashchange', arrival);
  void import('./arrival.ts').then((m) => m.initArrival());
};
addEventListener('hashchange', arrival);
arrival();
// Arriving from a search result: the matcher loads only then.
if (/[?&](hl|quote)=/.test(location.search)) void import('../search/ui/highlight-query.ts').then((m) => m.highlightQuery());
initSearchShortcuts();
initSearchLauncher();
initTermPopovers();
initNotes();
initCitePanel();
// The reader's annotations: their code loads only if this browser has some, or on first use.
const annotations = () =>
  import('../annotate/ui/annotations.ts').then(async (m) => {
    await m.styled;
    return m;
  });
if (document.querySelector('.para')) showStoredAnnotations(() => void annotations().then((m) => m.showAnnotations()));
initSelectionWatch((selection, withNote) => void annotations().then((m) => m.annotate(selection, withNote)));
// The printed chapter carries its full address, for the host it was printed from.
for (const el of document.querySelectorAll<HTMLElement>('[data-permalink]')) el.textContent = new URL(el.dataset.permalink!, location.href).href;
