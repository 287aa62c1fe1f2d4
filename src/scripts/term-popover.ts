/**
 * Glossary terms in the text open a small popover with the short definition and a link to the
 * full entry. Without JavaScript the term is a plain link to its entry. The definitions are
 * fetched once, when the reader first opens a term; if that fails, the term works as a link.
 *
 * Keyboard: a term is a link, so Tab reaches it and Enter opens the popover, which takes focus
 * (a non-modal dialog, announced with its title); Esc or the close button closes it and focus
 * returns to the term. A click outside closes it too.
 */
// Placement (Floating UI) loads when a popover first opens, not with the page.
const placement = () => import('./place-panel.ts');

type Summaries = Record<string, { term: string; summary: string }>;

let summaries: Promise<Summaries> | undefined;

function loadSummaries(url: string): Promise<Summaries> {
  // The offline edition carries the definitions in the page; it cannot fetch from disk.
  const embedded = document.getElementById('glossary-summaries-data');
  if (embedded) summaries ??= Promise.resolve(JSON.parse(embedded.textContent ?? '{}') as Summaries);
  summaries ??= fetch(url).then((r) => {
    if (!r.ok) throw new Error(`${url}: ${r.status}`);
    return r.json() as Promise<Summaries>;
  });
  summaries.catch(() => (summaries = undefined));
  return summaries;
}

/** The entry id a term link points at. */
const termId = (link: HTMLAnchorElement) => decodeURIComponent(link.hash.slice(1));

export function initTermPopovers() {
  const popover = document.getElementById('term-popover');
  const terms = document.querySelectorAll<HTMLAnchorElement>('a.term');
  if (!popover || terms.length === 0) return;
  const title = popover.querySelector<HTMLElement>('.term-popover__heading')!;
  const summary = popover.querySelector<HTMLElement>('.term-popover__summary')!;
  const more = popover.querySelector<HTMLAnchorElement>('.term-popover__more')!;
  let trigger: HTMLAnchorElement | null = null;

  const close = (restoreFocus: boolean) => {
    if (popover.hidden) return;
    popover.hidden = true;
    trigger?.setAttribute('aria-expanded', 'false');
    if (restoreFocus) trigger?.focus();
    trigger = null;
  };

  const open = async (link: HTMLAnchorElement) => {
    let entry;
    let place;
    try {
      const loaded = await Promise.all([loadSummaries(popover.dataset.summaries!), placement()]);
      entry = loaded[0][termId(link)];
      place = loaded[1].placePanel;
    } catch {
      entry = undefined;
    }
    if (!entry || !place) {
      location.href = link.href;
      return;
    }
    if (trigger && trigger !== link) trigger.setAttribute('aria-expanded', 'false');
    trigger = link;
    title.textContent = `名词解释：${entry.term}`;
    summary.textContent = entry.summary;
    more.href = link.href;
    popover.hidden = false;
    await place(popover, link, { maxWidth: 352 });
    link.setAttribute('aria-expanded', 'true');
    popover.focus({ preventScroll: true });
  };

  for (const link of terms) {
    link.setAttribute('aria-haspopup', 'dialog');
    link.setAttribute('aria-expanded', 'false');
    link.setAttribute('aria-controls', 'term-popover');
    link.addEventListener('click', (event) => {
      if (event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
      event.preventDefault();
      if (trigger === link && !popover.hidden) close(true);
      else void open(link);
    });
  }
  popover.querySelector('.term-popover__close')!.addEventListener('click', () => close(true));
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && !popover.hidden) {
      event.preventDefault();
      close(true);
    }
  });
  document.addEventListener('pointerdown', (event) => {
    const target = event.target as Node;
    if (!popover.hidden && !popover.contains(target) && !trigger?.contains(target)) close(false);
  });
  popover.addEventListener('focusout', (event) => {
    const next = event.relatedTarget as Node | null;
    if (next && !popover.contains(next) && next !== trigger) close(false);
  });
}
