/**
 * Marks the outline entry of the section being read (`aria-current="location"`) as the reader
 * scrolls. The section whose top last passed the reading line (a third down the viewport) wins.
 * Loaded by outline.ts once the reader scrolls or the address changes, or at once where the
 * page opens away from its top.
 */
export function followReading(selector: string) {
  const targets = [...document.querySelectorAll<HTMLAnchorElement>(selector)]
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
