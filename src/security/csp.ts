/**
 * The edition's Content-Security-Policy, in one place: pages carry it as a meta tag, and the
 * server configs under deploy/ (and public/) send it as a header, with `frame-ancestors`, which
 * a meta tag cannot carry. A test keeps the configs in step with this file.
 *
 * - Scripts only from the site itself; `'wasm-unsafe-eval'` lets Pagefind compile its
 *   WebAssembly; no `'unsafe-eval'`, no inline script.
 * - Styles only from the site itself: KaTeX's inline styles are turned into classes at build time.
 * - Pagefind's worker and its fetches stay on the site.
 */
export const CSP_DIRECTIVES: [string, string][] = [
  ['default-src', "'self'"],
  ['script-src', "'self' 'wasm-unsafe-eval'"],
  ['style-src', "'self'"],
  ['img-src', "'self'"],
  ['font-src', "'self'"],
  ['connect-src', "'self'"],
  ['worker-src', "'self'"],
  ['object-src', "'none'"],
  ['base-uri', "'none'"],
  ['form-action', "'self'"],
];

/** The policy for the `<meta http-equiv="Content-Security-Policy">` of every page. */
export function metaPolicy(): string {
  return CSP_DIRECTIVES.map(([k, v]) => `${k} ${v}`).join('; ');
}

/** The policy servers send as a header: the meta policy plus `frame-ancestors`. */
export function headerPolicy(): string {
  return `${metaPolicy()}; frame-ancestors 'self'`;
}
