/**
 * Anchoring a reader's annotation to report text, and finding it again. An annotation keeps the
 * quoted words (exact), a little text on either side (prefix, suffix) and their position in the
 * paragraph, as the W3C TextQuoteSelector and TextPositionSelector do. Re-anchoring trusts the
 * position only if the words are still there; otherwise it looks for the words and, where they
 * occur more than once, takes the occurrence whose surroundings match best.
 * Offsets count UTF-16 code units, as DOM ranges do.
 */

export interface TextQuote {
  exact: string;
  prefix: string;
  suffix: string;
}

export interface TextPosition {
  start: number;
  end: number;
}

/** Context kept on either side of a quote. */
export const CONTEXT = 32;

/** The quote selector for [start, end) of a paragraph's text. */
export function quoteAt(text: string, { start, end }: TextPosition): TextQuote {
  return {
    exact: text.slice(start, end),
    prefix: text.slice(Math.max(0, start - CONTEXT), start),
    suffix: text.slice(end, end + CONTEXT),
  };
}

/** How many characters two strings share at their ends (a) and starts (b). */
function commonSuffix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n;
}

function commonPrefix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

/** Where the quote is in the text now, or undefined if the words are gone. */
export function locate(text: string, quote: TextQuote, hint?: TextPosition): TextPosition | undefined {
  if (!quote.exact) return undefined;
  if (hint && text.slice(hint.start, hint.end) === quote.exact) return { ...hint };
  let best: { start: number; score: number } | undefined;
  for (let at = text.indexOf(quote.exact); at !== -1; at = text.indexOf(quote.exact, at + 1)) {
    const score =
      commonSuffix(text.slice(Math.max(0, at - quote.prefix.length), at), quote.prefix) +
      commonPrefix(text.slice(at + quote.exact.length), quote.suffix) -
      (hint ? Math.abs(at - hint.start) / 10_000 : 0);
    if (!best || score > best.score) best = { start: at, score };
  }
  return best ? { start: best.start, end: best.start + quote.exact.length } : undefined;
}
