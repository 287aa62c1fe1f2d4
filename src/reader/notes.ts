/**
 * Editorial notes on narrow screens: the note marker opens and closes its note in place
 * (a disclosure), instead of jumping to it. On wide screens notes sit in the margin and the
 * marker is an ordinary link. In print every note shows, after its paragraph
 * (src/reader/print.css).
 */
import { onClick } from './on-click.ts';

const REF = '.note-ref a[href^="#note-"]';

/** The note a marker opens, if the page has it. */
const noteOf = (ref: HTMLAnchorElement) => document.getElementById(ref.hash.slice(1));

export function initNotes() {
  for (const ref of document.querySelectorAll<HTMLAnchorElement>(REF)) {
    const note = noteOf(ref);
    if (note) {
      ref.setAttribute('aria-controls', note.id);
      ref.setAttribute('aria-expanded', 'false');
    }
  }
  onClick(REF, (ref, event) => {
    const note = noteOf(ref);
    // With Ctrl, ⌘ or Alt the marker is the link it is (a new tab), as every link here.
    if (!note || event.ctrlKey || event.metaKey || event.altKey || matchMedia('(min-width: 84rem)').matches) return;
    event.preventDefault();
    ref.setAttribute('aria-expanded', String(note.classList.toggle('is-open')));
  });
}
