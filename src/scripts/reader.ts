/** The reading page's behaviour, loaded once per page as one small module. */
import { initArrival } from './arrival.ts';
import { initOutline } from './outline.ts';
import { initSearchShortcuts } from './search-shortcuts.ts';
import { initThemeToggle } from './theme.ts';

initThemeToggle();
initOutline();
initArrival();
initSearchShortcuts();
