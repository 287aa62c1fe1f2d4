/**
 * Reading what a printed PDF holds, with MuPDF (Artifex's PDF library, as WebAssembly): its
 * pages (in order, with their size in points) and the text each shows, for tests that must check
 * a printout's content, not its first bytes.
 *
 * Why MuPDF and not PDF.js: Chromium draws some CJK characters with a glyph the font shares with
 * a radical or a variant (长 and ⻓, 户 and 戶) and writes the character meant as /ActualText.
 * MuPDF's structured text reads /ActualText; PDF.js's text layer does not, and reads 落戶 for 落户.
 */
import * as mupdf from 'mupdf';

export interface PdfPage {
  /** Width and height in PDF points (1/72 in). */
  width: number;
  height: number;
  /** The text the page shows, in reading order, a new line where a text line ends. */
  text: string;
}

/** The pages of a PDF file. */
export function readPdf(bytes: Uint8Array): PdfPage[] {
  const document = mupdf.Document.openDocument(bytes, 'application/pdf');
  try {
    return Array.from({ length: document.countPages() }, (_, n) => {
      const page = document.loadPage(n);
      const [x0, y0, x1, y1] = page.getBounds();
      return { width: x1 - x0, height: y1 - y0, text: page.toStructuredText('preserve-whitespace').asText() };
    });
  } finally {
    document.destroy();
  }
}

/**
 * What of `text` is not printed in order in `printed` (both without white space): undefined when
 * all of it is. A paragraph reads in the PDF's drawing order line by line, but a page break, a
 * figure or a margin note may be drawn between two of its lines; so the text is matched in runs
 * of at least `min` characters (a printed line holds more), each after the one before, every
 * character once.
 */
export function missingInOrder(printed: string, text: string, min = 8): string | undefined {
  let from = 0;
  let rest = text;
  while (rest) {
    const head = rest.slice(0, Math.min(min, rest.length));
    let best = { at: -1, length: 0 };
    for (let at = printed.indexOf(head, from); at !== -1; at = printed.indexOf(head, at + 1)) {
      let length = head.length;
      while (length < rest.length && printed[at + length] === rest[length]) length++;
      if (length > best.length) best = { at, length };
    }
    if (best.at < 0) return rest;
    from = best.at + best.length;
    rest = rest.slice(best.length);
  }
  return undefined;
}
