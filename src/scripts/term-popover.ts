/**
 * Glossary terms in the text open a small popover with the short definition and a link to the
 * full entry. Without JavaScript the term is a plain link to its entry.
 *
 * Keyboard: a term is a link, so Tab reaches it and Enter opens the popover, which takes focus
 * (a non-modal dialog, announced with its title); Esc or the close button closes it and focus
 * returns to the term. A click outside closes it too.
 */
export function initTermPopovers() {
  const popover = document.getElementById('term-popover');
  const summaries = document.getElementById('term-summaries') as HTMLTemplateElement | null;
  if (!popover || !summaries) return;
  const body = popover.querySelector<HTMLElement>('.term-popover__body')!;
  const title = popover.querySelector<HTMLElement>('.term-popover__heading')!;
  let trigger: HTMLAnchorElement | null = null;

  const close = (restoreFocus: boolean) => {
    if (popover.hidden) return;
    popover.hidden = true;
    trigger?.setAttribute('aria-expanded', 'false');
    if (restoreFocus) trigger?.focus();
    trigger = null;
  };

  const place = (anchor: HTMLElement) => {
    const box = anchor.getBoundingClientRect();
    const width = Math.min(352, document.documentElement.clientWidth - 24);
    popover.style.width = `${width}px`;
    const left = Math.min(Math.max(12, box.left + window.scrollX), window.scrollX + document.documentElement.clientWidth - width - 12);
    popover.style.left = `${left}px`;
    popover.style.top = `${box.bottom + window.scrollY + 8}px`;
  };

  const open = (link: HTMLAnchorElement) => {
    const content = summaries.content.querySelector(`[data-term="${CSS.escape(link.dataset.term ?? '')}"]`);
    if (!content) return false;
    if (trigger && trigger !== link) trigger.setAttribute('aria-expanded', 'false');
    trigger = link;
    const clone = content.cloneNode(true) as HTMLElement;
    title.textContent = `名词解释：${clone.querySelector('.term-popover__title')?.textContent ?? ''}`;
    clone.querySelector('.term-popover__title')?.remove();
    body.replaceChildren(...clone.childNodes);
    popover.hidden = false;
    place(link);
    link.setAttribute('aria-expanded', 'true');
    popover.focus();
    return true;
  };

  for (const link of document.querySelectorAll<HTMLAnchorElement>('a.term[data-term]')) {
    link.setAttribute('aria-haspopup', 'dialog');
    link.setAttribute('aria-expanded', 'false');
    link.setAttribute('aria-controls', 'term-popover');
    link.addEventListener('click', (event) => {
      if (event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
      if (trigger === link && !popover.hidden) {
        event.preventDefault();
        close(true);
        return;
      }
      if (open(link)) event.preventDefault();
    });
  }
  popover.querySelector('.term-popover__close')!.addEventListener('click', () => close(true));
  popover.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      close(true);
    }
  });
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && !popover.hidden) close(true);
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
