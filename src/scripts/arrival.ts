/**
 * Arriving at `#p-N` (from a citation, a permalink or a search result): the paragraph is already
 * scrolled below the sticky header by CSS (`scroll-margin-top`) and highlighted by `:target`;
 * this adds a brief flash so the eye finds it, and moves focus there for keyboard and screen
 * reader users without scrolling again.
 */
export function initArrival() {
  const arrive = () => {
    const id = decodeURIComponent(location.hash.slice(1));
    const target = id ? document.getElementById(id) : null;
    if (!target || !target.classList.contains('para')) return;
    target.classList.remove('para--arrived');
    void target.offsetWidth; // restart the animation
    target.classList.add('para--arrived');
    if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
    target.focus({ preventScroll: true });
  };
  addEventListener('hashchange', arrive);
  arrive();
}
