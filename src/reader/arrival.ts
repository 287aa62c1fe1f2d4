/**
 * Arriving at `#p-N` (from a citation, a permalink or a search result): the paragraph is already
 * scrolled below the sticky header by CSS (`scroll-margin-top`) and highlighted by `:target`;
 * this adds a brief flash so the eye finds it, and moves focus there for keyboard and screen
 * reader users without scrolling again. A range, `#p-12-15`, highlights ¶12–¶15 and scrolls
 * to ¶12.
 */
import { parseRangeHash } from '../cite/format.ts';
import { focusParagraph } from './focus-paragraph.ts';

export function initArrival() {
  const arrive = () => {
    // A text-fragment directive (#p-48:~:text=…) stays in the hash where the browser does not
    // act on it: the paragraph is then found, scrolled to and highlighted here.
    const [hash = '', directive] = decodeURIComponent(location.hash).split(':~:');
    const range = parseRangeHash(hash);
    for (const p of document.querySelectorAll('.para.is-highlighted')) p.classList.remove('is-highlighted');
    const target = range ? document.getElementById(`p-${range.from}`) : null;
    if (!range || !target) return;
    if (range.to > range.from || directive !== undefined) {
      for (let n = range.from; n <= range.to; n++) document.getElementById(`p-${n}`)?.classList.add('is-highlighted');
      target.scrollIntoView({ block: 'start' });
    }
    target.classList.remove('para--arrived');
    void target.offsetWidth; // restart the animation
    target.classList.add('para--arrived');
    focusParagraph(target);
  };
  addEventListener('hashchange', arrive);
  arrive();
}
