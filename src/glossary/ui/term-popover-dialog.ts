/**
 * The term popover itself (see term-popover.ts): filled with the term's short definition,
 * placed by the term, closed by Esc, its close button, a click outside or focus leaving it.
 * Loaded on the first click on a term; its stylesheet (src/reader/panels.css, shared with the citation panel) too, named by the
 * popover's shell (`data-styles`, src/components/TermSummaries.astro): imported here as a URL,
 * it would break the offline edition's bundle, which carries the styles itself.
 */
import { loadStylesheet } from '../../reader/stylesheet.ts';
// Placement (Floating UI) loads when a popover first opens, not with the page.
const placement = () => import('../../reader/place-panel.ts');

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

let trigger: HTMLAnchorElement | null = null;
let wired: HTMLElement | undefined;

function close(popover: HTMLElement, restoreFocus: boolean) {
  if (popover.hidden) return;
  popover.hidden = true;
  trigger?.setAttribute('aria-expanded', 'false');
  if (restoreFocus) trigger?.focus();
  trigger = null;
}

async function open(popover: HTMLElement, link: HTMLAnchorElement) {
  let entry;
  let place;
  try {
    const styles = popover.dataset.styles ? loadStylesheet(popover.dataset.styles) : undefined;
    const loaded = await Promise.all([loadSummaries(popover.dataset.summaries!), placement(), styles]);
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
  popover.querySelector<HTMLElement>('.term-popover__heading')!.textContent = `名词解释：${entry.term}`;
  popover.querySelector<HTMLElement>('.term-popover__summary')!.textContent = entry.summary;
  popover.querySelector<HTMLAnchorElement>('.term-popover__more')!.href = link.href;
  popover.hidden = false;
  await place(popover, link, { maxWidth: 352 });
  link.setAttribute('aria-expanded', 'true');
  popover.focus({ preventScroll: true });
}

/** The listeners that close the popover: added once, with the first popover opened. */
function wire(popover: HTMLElement) {
  if (wired === popover) return;
  wired = popover;
  popover.querySelector('.term-popover__close')!.addEventListener('click', () => close(popover, true));
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && !popover.hidden) {
      event.preventDefault();
      close(popover, true);
    }
  });
  document.addEventListener('pointerdown', (event) => {
    const target = event.target as Node;
    if (!popover.hidden && !popover.contains(target) && !trigger?.contains(target)) close(popover, false);
  });
  popover.addEventListener('focusout', (event) => {
    const next = event.relatedTarget as Node | null;
    if (next && !popover.contains(next) && next !== trigger) close(popover, false);
  });
}

/** Opens the popover for `link`, or closes it if it is already open for that term. */
export function toggleTermPopover(popover: HTMLElement, link: HTMLAnchorElement) {
  wire(popover);
  if (trigger === link && !popover.hidden) close(popover, true);
  else void open(popover, link);
}
