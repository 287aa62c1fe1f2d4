/**
 * What the reading page does when the reader acts on it, loaded on the reader's first move
 * (intent.ts) rather than with the page: the theme toggle, the glossary terms' popover, the
 * notes' disclosure on a narrow screen, the citation panel behind each ¶ number, the header's
 * search box, and the selection toolbar for annotations. Each part loads the rest of its code,
 * with its styles, only on use. The ARIA attributes that say a term or a ¶ number opens a dialog
 * are set here too: they become true only now.
 */
import { initCitePanel } from '../cite/ui/cite-panel.ts';
import { initNotes } from './notes.ts';
import { initTermPopovers } from '../glossary/ui/term-popover.ts';
import { initSearchLauncher } from '../search/ui/search-launcher.ts';
import { initSelectionWatch } from '../annotate/ui/selection-watch.ts';
import { initThemeToggle } from './theme-toggle.ts';
import { annotations } from './annotations-module.ts';

initThemeToggle();
initSearchLauncher();
initTermPopovers();
initNotes();
initCitePanel();
initSelectionWatch((selection, withNote) => void annotations().then((m) => m.annotate(selection, withNote)));
