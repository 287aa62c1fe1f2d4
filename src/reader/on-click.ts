/**
 * One click listener on the document for every feature that acts on a click on one of many
 * elements (¶ numbers, glossary terms, note markers, the theme toggle). A chapter has hundreds
 * of those; one listener is one listener, not one more per element (the ARIA attributes that
 * say what a click does are still set on each, by the feature that owns it). A click reaches it
 * after the element's own listeners, and before the browser follows the link, so a handler can
 * still prevent that.
 */
type ClickHandler<E extends Element> = (element: E, event: MouseEvent) => void;

const routes: [selector: string, handler: ClickHandler<Element>][] = [];

/** Calls `handler` for a click inside an element matching `selector`. */
export function onClick<E extends Element = HTMLAnchorElement>(selector: string, handler: ClickHandler<E>): void {
  if (routes.push([selector, handler as ClickHandler<Element>]) > 1) return;
  document.addEventListener('click', (event) => {
    const target = event.target;
    if (!(target instanceof Element)) return;
    for (const [selector, handle] of routes) {
      const element = target.closest(selector);
      if (element) handle(element, event);
    }
  });
}
