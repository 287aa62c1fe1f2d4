/**
 * The report's text of a paragraph in the page: its text with everything the edition adds
 * (`data-edition-ui`: the ¶ number, note references) left out, which the build checks to be
 * the source's line. The offline file searches this text, read from its own paragraphs, rather
 * than carry the whole report a second time as search data.
 */
export function paragraphText(paragraph: Element): string {
  const clone = paragraph.cloneNode(true) as Element;
  for (const ui of clone.querySelectorAll('[data-edition-ui]')) ui.remove();
  return clone.textContent ?? '';
}

/**
 * Where each paragraph sits, for the search results: `labels` once each (`第一部分 · （一）…`),
 * and `[n, index into labels]` per paragraph, in the report's order.
 */
export interface ParagraphPlaces {
  labels: string[];
  paragraphs: [number, number][];
}
