/**
 * Marks the outline entry of the section being read (`aria-current="location"`) as the reader
 * scrolls. The section whose top last passed the reading line (a third down the viewport) wins.
 */
export function initOutline() {
  // The outline is closed in the HTML so it does not push the text down on a phone; on a wide
  // screen, where it is a sidebar, it opens.
  const wide = matchMedia('(min-width: 68rem)');
  const details = document.querySelector<HTMLDetailsElement>('[data-outline-details]');
  if (details) {
    details.open = wide.matches;
    wide.addEventListener('change', () => (details.open = wide.matches));
  }
  const links = [...document.querySelectorAll<HTMLAnchorElement>('[data-outline] a[href*="#"]')];
  if (links.length === 0) return;
  const targets = links
    .map((link) => ({ link, target: document.getElementById(decodeURIComponent(link.hash.slice(1))) }))
    .filter((t): t is { link: HTMLAnchorElement; target: HTMLElement } => t.target !== null);

  let frame = 0;
  const update = () => {
    frame = 0;
    const line = window.innerHeight / 3;
    let current: HTMLAnchorElement | undefined;
    for (const { link, target } of targets) if (target.getBoundingClientRect().top <= line) current = link;
    current ??= targets[0]?.link;
    for (const { link } of targets) {
      if (link === current) link.setAttribute('aria-current', 'location');
      else link.removeAttribute('aria-current');
    }
  };
  addEventListener('scroll', () => (frame ||= requestAnimationFrame(update)), { passive: true });
  addEventListener('hashchange', update);
  update();
}
