/**
 * Loads the page's behaviour (behaviour.ts) when the reader first reaches for the page, not
 * with it: a reader who only reads never fetches it, and the first view is lighter by that much
 * (tests/site/budgets.test.ts). Reaching for the page is a pointer coming over it or pressing,
 * a touch, a key, focus moving in, or a selection (a screen reader selects text without a key
 * reaching the page): each comes before the click, tap or Enter it announces, so the module is
 * usually there by then.
 *
 * A click that still comes first, on something the module answers (a ¶ number, a glossary
 * term, a note marker, the theme toggle), is held: its default action is prevented, and once
 * the module has run the same click is dispatched again on the same element, with the same
 * keys held, so its handler acts as if it had been there all along (or, should the module fail
 * to load, the link is followed as without it). A click the module would leave to the browser
 * (`answers`) is left to it now too. The search page focuses its box as it opens, and so loads
 * the module at once.
 */
const INTENT = ['pointerover', 'pointerdown', 'touchstart', 'keydown', 'focusin', 'selectionchange'] as const;

/** What behaviour.ts answers when clicked, and so what a click before it loads must wait for. */
export const ANSWERED = '.para > .pnum, a.term, .note-ref a[href^="#note-"], [data-theme-toggle]';

/**
 * Whether behaviour.ts will answer this click rather than leave it to the browser, as its
 * handlers decide: the theme toggle, a button, whatever keys are held; a link, only without Ctrl,
 * ⌘ or Alt (a new tab, a download), and a term link also without Shift (a new window).
 */
const answers = (element: Element, event: MouseEvent) =>
  element.matches('[data-theme-toggle]') || (!event.ctrlKey && !event.metaKey && !event.altKey && !(event.shiftKey && element.matches('a.term')));

/** Calls `load` once, on the reader's first move; a click it answers waits for it. */
export function onIntent(load: () => Promise<unknown>): void {
  let loading: Promise<unknown> | undefined;
  let ready = false;
  const start = (event?: Event) => {
    // Focus a script gave (arriving at ¶N focuses that paragraph) is not the reader's move.
    if (event?.type === 'focusin' && event.target instanceof Element && event.target.matches('[tabindex="-1"]')) return;
    if (loading) return loading;
    for (const type of INTENT) document.removeEventListener(type, start, true);
    // Should the module fail to load, the elements work as the plain links they are.
    return (loading = load()
      .catch(() => undefined)
      .then(() => (ready = true)));
  };
  for (const type of INTENT) document.addEventListener(type, start, { capture: true, passive: true });
  document.addEventListener(
    'click',
    (event) => {
      const target = event.target;
      if (ready || event.button !== 0 || !(target instanceof Element)) return;
      const element = target.closest(ANSWERED);
      if (!element || !answers(element, event)) return;
      event.preventDefault();
      event.stopPropagation();
      void start()!.then(() =>
        element.dispatchEvent(
          // The handlers read only the Shift key (a range of ¶); the others left it to the browser.
          new MouseEvent('click', { bubbles: true, cancelable: true, shiftKey: event.shiftKey }),
        ),
      );
    },
    true,
  );
}
