/**
 * The outline beside the chapter: open where it is a sidebar, and marking the section being
 * read (`aria-current="location"`, see outline-spy.ts). On a page opened at its top, before any
 * scroll, the entry is marked once here, by the same rule (the last section whose top is above
 * the reading line, a third down the window: on a tall window a short first section may already
 * have given way); the code that follows the reading loads on the first scroll or change of
 * address, or at once where the page opens elsewhere (an address with a #fragment, a scroll
 * position the browser restored).
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
  const line = innerHeight / 3;
  let current: HTMLAnchorElement | undefined;
  for (const link of document.querySelectorAll<HTMLAnchorElement>(OUTLINE_LINKS)) {
    const top = document.getElementById(decodeURIComponent(link.hash.slice(1)))?.getBoundingClientRect().top;
    if (top !== undefined && (!current || top <= line)) current = link;
  }
  if (!current) return;
  const start = () => {
    removeEventListener('scroll', start);
    removeEventListener('hashchange', start);
    void import('./outline-spy.ts').then((m) => m.followReading(OUTLINE_LINKS));
  };
  if (location.hash || scrollY) return start();
  current.setAttribute('aria-current', 'location');
  addEventListener('scroll', start, { passive: true });
  addEventListener('hashchange', start);
}
