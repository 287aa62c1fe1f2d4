/**
 * Adds a stylesheet to the page, once, for a feature that shows only on use (annotations, the
 * citation panel, the term popover, the search panel…). Their styles are imported as URLs
 * (`import css from './x.css?url'`), not as CSS: Astro links every stylesheet a page's scripts
 * import, dynamically or not, into the page's head, which would put them all in every first
 * view. A `<link>` to the site's own file passes the CSP (`style-src 'self'`).
 *
 * Resolves when the sheet has loaded, so the feature never shows unstyled; also when it failed,
 * so the feature still works.
 */
const sheets = new Map<string, Promise<void>>();

export function loadStylesheet(href: string): Promise<void> {
  let loaded = sheets.get(href);
  if (!loaded) {
    loaded = new Promise((resolve) => {
      const link = document.createElement('link');
      link.rel = 'stylesheet';
      link.href = href;
      link.addEventListener('load', () => resolve());
      link.addEventListener('error', () => resolve());
      document.head.append(link);
    });
    sheets.set(href, loaded);
  }
  return loaded;
}
