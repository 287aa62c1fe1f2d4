/**
 * The reading page's script, loaded with the page: only what the first view needs or what must
 * answer before the reader acts (tests/site/budgets.test.ts counts every script a page loads
 * before interaction). The outline opens beside the text and marks the section in view; the
 * theme toggle says which theme is on; an address with a paragraph (#p-N) or from a search
 * result, and annotations this browser keeps, load their code at once; `/` and Ctrl+K go to the
 * search box. Everything a click, a tap or a selection does (behaviour.ts) loads on the
 * reader's first move (intent.ts).
 */
import { initOutline } from './outline.ts';
import { showStoredAnnotations } from './stored-annotations.ts';
import { initSearchShortcuts } from '../search/ui/search-shortcuts.ts';
import { followTheme } from './theme.ts';
import { onIntent } from './intent.ts';
import { annotations } from './annotations-module.ts';

followTheme();
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
if (document.querySelector('.para')) showStoredAnnotations(() => void annotations().then((m) => m.showAnnotations()));
// The printed chapter carries its full address, for the host it was printed from.
for (const el of document.querySelectorAll<HTMLElement>('[data-permalink]')) el.textContent = new URL(el.dataset.permalink!, location.href).href;
onIntent(() => import('./behaviour.ts'));
