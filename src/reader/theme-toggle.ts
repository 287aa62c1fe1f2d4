/** The theme toggle: flips between light and dark and remembers the choice (theme.ts). */
import { onClick } from './on-click.ts';
import { isDark, reflectTheme, THEME_KEY, TOGGLE } from './theme.ts';

/** Wires every `[data-theme-toggle]` button on the page. */
export function initThemeToggle() {
  onClick(TOGGLE, () => {
    const next = isDark() ? 'light' : 'dark';
    document.documentElement.setAttribute('data-theme', next);
    try {
      localStorage.setItem(THEME_KEY, next);
    } catch {
      // Storage blocked: the choice lasts for this page only.
    }
    reflectTheme();
  });
}
