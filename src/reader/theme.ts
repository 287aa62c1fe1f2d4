/**
 * The theme: before any choice the page follows the system; `theme-init.js` applies a
 * remembered choice before paint. This part runs with the page and says on every toggle
 * whether the dark theme is on (`aria-pressed`); the toggling itself (theme-toggle.ts) comes with
 * the page's behaviour, on the reader's first move (intent.ts).
 */

/** Where the choice is kept; theme-init.js reads it before the first paint. */
export const THEME_KEY = 'edition-theme';
export const TOGGLE = '[data-theme-toggle]';
const system = matchMedia('(prefers-color-scheme: dark)');

/** Whether the page shows the dark theme: the reader's choice, else the system's. */
export function isDark(): boolean {
  const chosen = document.documentElement.getAttribute('data-theme');
  return chosen === 'dark' || (chosen !== 'light' && system.matches);
}

/** Every toggle on the page says whether the dark theme is on. */
export function reflectTheme() {
  for (const button of document.querySelectorAll(TOGGLE)) button.setAttribute('aria-pressed', String(isDark()));
}

/** Reflects the theme now, and again whenever the system's changes. */
export function followTheme() {
  reflectTheme();
  system.addEventListener('change', reflectTheme);
}
