/**
 * The term popover itself (see term-popover.ts): filled with the term's short definition,
 * placed by the term, closed by Esc, its close button, a click outside or focus leaving it.
 * Loaded on the first click on a term; its stylesheet (src/reader/panels.css, shared with the
 * citation panel) too, named by the popover's empty shell in the page (`data-styles`,
 * src/components/TermSummaries.astro): imported here as a URL, it would break the offline
 * edition's bundle, which carries the styles itself.
 */
import { loadStylesheet } from '../../reader/stylesheet.ts';
import { entryIdFor } from '../anchor.ts';
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

/** The entry a term link points at: by its headword, or by its id (src/glossary/anchor.ts). */
function entryOf(summaries: Summaries, link: HTMLAnchorElement) {
  const id = entryIdFor(link.hash.slice(1), summaries);
  return id === undefined ? undefined : summaries[id];
}

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
    entry = entryOf(loaded[0], link);
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

/**
 * Makes the page's empty shell the popover: a non-modal dialog with a heading, the definition,
 * a link to the full entry and a close button. Built here, on first use, rather than in every
 * chapter's HTML: a page that is only read never needs it.
 */
function build(popover: HTMLElement) {
  const part = <K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text: string) => {
    const el = document.createElement(tag);
    el.className = className;
    el.textContent = text;
    return el;
  };
  // Whole class names, as written in panels.css: the offline file renames classes by the words scripts spell.
  const heading = part('p', 'term-popover__heading', '名词解释');
  heading.id = 'term-popover-title';
  const closer = part('button', 'term-popover__close', '×');
  closer.type = 'button';
  closer.setAttribute('aria-label', '关闭名词解释');
  popover.className = 'term-popover';
  popover.tabIndex = -1;
  const attributes: [string, string][] = [['role', 'dialog'], ['aria-modal', 'false'], ['aria-labelledby', heading.id], ['data-edition-ui', '']];
  for (const [name, value] of attributes) popover.setAttribute(name, value);
  popover.replaceChildren(heading, part('p', 'term-popover__summary', ''), part('a', 'term-popover__more', '查看完整解释'), closer);
}

/** The popover's parts, and the listeners that close it: made once, with the first popover opened. */
function wire(popover: HTMLElement) {
  if (wired === popover) return;
  wired = popover;
  build(popover);
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
