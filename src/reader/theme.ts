/**
 * The theme toggle: flips between light and dark and remembers the choice. Before any choice
 * the page follows the system; `public/theme-init.js` applies a remembered choice before paint.
 */
const KEY = 'edition-theme';

function effectiveTheme(): 'light' | 'dark' {
  const chosen = document.documentElement.getAttribute('data-theme');
  if (chosen === 'light' || chosen === 'dark') return chosen;
  return matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

function reflect(button: HTMLButtonElement) {
  button.setAttribute('aria-pressed', String(effectiveTheme() === 'dark'));
}

/** Wires every `[data-theme-toggle]` button on the page. */
export function initThemeToggle() {
  for (const button of document.querySelectorAll<HTMLButtonElement>('[data-theme-toggle]')) {
    reflect(button);
    button.addEventListener('click', () => {
      const next = effectiveTheme() === 'dark' ? 'light' : 'dark';
      document.documentElement.setAttribute('data-theme', next);
      try {
        localStorage.setItem(KEY, next);
      } catch {
        // Storage blocked: the choice lasts for this page only.
      }
      reflect(button);
    });
  }
  matchMedia('(prefers-color-scheme: dark)').addEventListener('change', () => {
    for (const b of document.querySelectorAll<HTMLButtonElement>('[data-theme-toggle]')) reflect(b);
  });
}
