/**
 * The outline beside the chapter: open where it is a sidebar, and marking the section being
 * read (`aria-current="location"`, see outline-spy.ts). A page opened at its top, before any
 * scroll, is at the beginning of its first section, so that entry is marked at once; the code
 * that follows the reading (and measures where each section is) loads on the first scroll or
 * change of address, or at once where the page opens elsewhere (an address with a #fragment, a
 * scroll position the browser restored).
 */
const OUTLINE_LINKS = '[data-outline] a[href*="#"]';

export function initOutline() {
  // The outline is closed in the HTML so it does not push the text down on a phone; on a wide
  // screen, where it is a sidebar, it opens.
  const wide = matchMedia('(min-width: 68rem)');
  const details = document.querySelector<HTMLDetailsElement>('[data-outline-details]');
  if (details) {
    details.open = wide.matches;
    wide.addEventListener('change', () => (details.open = wide.matches));
  }
  const first = [...document.querySelectorAll<HTMLAnchorElement>(OUTLINE_LINKS)].find((link) => document.getElementById(decodeURIComponent(link.hash.slice(1))));
  if (!first) return;
  const start = () => {
    removeEventListener('scroll', start);
    removeEventListener('hashchange', start);
    void import('./outline-spy.ts').then((m) => m.followReading(OUTLINE_LINKS));
  };
  if (location.hash || scrollY) return start();
  first.setAttribute('aria-current', 'location');
  addEventListener('scroll', start, { passive: true });
  addEventListener('hashchange', start);
}
