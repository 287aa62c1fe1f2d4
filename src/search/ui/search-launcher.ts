/**
 * Keeps the header's search box light: the search code (and Pagefind) loads only when the
 * reader focuses the box or types in it, never with the page.
 */
export function initSearchLauncher() {
  const input = document.querySelector<HTMLInputElement>('#site-search-q');
  if (!input || document.body.classList.contains('page-search')) return;
  const start = () => {
    input.removeEventListener('focus', start);
    void import('./panel.ts').then(async (m) => {
      await m.styled;
      m.initPanel(input);
    });
  };
  input.addEventListener('focus', start);
  if (document.activeElement === input) start();
}
