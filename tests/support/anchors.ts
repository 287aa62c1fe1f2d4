/**
 * The anchors of a built site, collected from its pages, to compare with the edition's committed
 * manifest (see `src/report/anchor-manifest.ts`).
 */
import { anchor, sortAnchors, type Anchor } from '../../src/report/anchor-manifest.ts';
import { currentEdition } from '../../src/edition/load-edition.ts';
import { fileFor, htmlFiles, load, pageUrl, reportText } from './site.ts';

export type { Anchor };

/** The edition's committed manifest. */
export const manifestFile = () => currentEdition().paths.anchors;

const CITABLE = /^(p-\d+|part-\d+(-\d+)?)$/;

/** Collects the citable anchors of every page of the build, sorted by kind and number. */
export function collectAnchors(): Anchor[] {
  const anchors: Anchor[] = [];
  for (const file of htmlFiles()) {
    if (file.startsWith('p/')) continue; // permalink pages point at anchors; they hold none
    if (file.startsWith('downloads/')) continue; // the offline edition repeats them; its own test checks it
    const chapter = fileFor(new URL(pageUrl(file)))!.replace(/index\.html$/, '');
    for (const element of load(file).querySelectorAll('[id]'))
      if (CITABLE.test(element.id)) anchors.push(anchor(element.id, chapter || './', reportText(element)));
  }
  return sortAnchors(anchors);
}
