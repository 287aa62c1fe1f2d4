/**
 * Editorial notes on narrow screens: the note marker opens and closes its note in place
 * (a disclosure), instead of jumping to it. On wide screens notes sit in the margin and the
 * marker is an ordinary link. Before printing, every note is open.
 */
const WIDE = '(min-width: 84rem)';

export function initNotes() {
  const refs = [...document.querySelectorAll<HTMLAnchorElement>('.note-ref a[href^="#note-"]')];
  if (refs.length === 0) return;
  const wide = matchMedia(WIDE);
  for (const ref of refs) {
    const note = document.getElementById(ref.hash.slice(1));
    if (!note) continue;
    ref.setAttribute('aria-controls', note.id);
    ref.setAttribute('aria-expanded', 'false');
    ref.addEventListener('click', (event) => {
      if (wide.matches) return;
      event.preventDefault();
      const open = !note.classList.contains('is-open');
      note.classList.toggle('is-open', open);
      ref.setAttribute('aria-expanded', String(open));
    });
  }
}
