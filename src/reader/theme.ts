/**
 * The theme toggle: flips between light and dark and remembers the choice. Before any choice
 * the page follows the system; `theme-init.js` applies a remembered choice before paint.
 */
import { onClick } from './on-click.ts';

/** Where the choice is kept; theme-init.js reads it before the first paint. */
const KEY = 'edition-theme';
const TOGGLE = '[data-theme-toggle]';
const system = matchMedia('(prefers-color-scheme: dark)');

/** Whether the page shows the dark theme: the reader's choice, else the system's. */
function isDark(): boolean {
  const chosen = document.documentElement.getAttribute('data-theme');
  return chosen === 'dark' || (chosen !== 'light' && system.matches);
}

/** Every toggle on the page says whether the dark theme is on. */
function reflect() {
  for (const button of document.querySelectorAll(TOGGLE)) button.setAttribute('aria-pressed', String(isDark()));
}

/** Wires every `[data-theme-toggle]` button on the page. */
export function initThemeToggle() {
  reflect();
  onClick(TOGGLE, () => {
    const next = isDark() ? 'light' : 'dark';
    document.documentElement.setAttribute('data-theme', next);
    try {
      localStorage.setItem(KEY, next);
    } catch {
      // Storage blocked: the choice lasts for this page only.
    }
    reflect();
  });
  system.addEventListener('change', reflect);
}
