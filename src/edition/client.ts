/**
 * What the browser's code knows of the edition: its id (which keeps each edition's readers'
 * annotations apart on a shared host), its paragraph count (the range an import may name) and
 * how to cite it. Served to the page scripts as the virtual module `virtual:edition`, so it is
 * compiled into the scripts of each edition's build and costs no bytes in the pages.
 */
import type { CitationInfo, Edition } from './load-edition.ts';

export interface ClientEdition {
  /** `shili-2024`. */
  id: string;
  /** How many ¶ the report has. */
  paragraphs: number;
  citation: CitationInfo;
}

export function clientEdition(edition: Edition): ClientEdition {
  return { id: edition.id, paragraphs: edition.source.model.paragraphs.length, citation: edition.citation };
}
