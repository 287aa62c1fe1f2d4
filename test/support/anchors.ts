/**
 * The anchor manifest: every citable anchor of the built site (¶ paragraphs, parts, sections)
 * with the chapter it lives on and a fingerprint of its text. `content/anchors.json` is the
 * committed copy; a test compares the build against it, so an anchor can only disappear, move
 * or change text by a deliberate `npm run anchors:update`.
 */
import { createHash } from 'node:crypto';
import { fileFor, htmlFiles, load, pageUrl, reportText } from './site.ts';

export const MANIFEST_FILE = 'content/anchors.json';

export interface Anchor {
  id: string;
  /** The chapter page, relative to the site's base: `review-2020/`. */
  chapter: string;
  /** The first characters of the anchor's report text, for people reading the manifest. */
  head: string;
  /**
   * SHA-256 of the anchor's report text with white space removed: the layout's line breaks
   * between blocks are not text, and the report's text inside parts has no spaces of its own.
   */
  sha256: string;
}

const CITABLE = /^(p-\d+|part-\d+(-\d+)?)$/;

/** Collects the citable anchors of every page under dist/, sorted by kind and number. */
export function collectAnchors(): Anchor[] {
  const anchors: Anchor[] = [];
  for (const file of htmlFiles()) {
    if (file.startsWith('p/')) continue; // permalink pages point at anchors; they hold none
    if (file.startsWith('downloads/')) continue; // the offline edition repeats them; its own test checks it
    const chapter = fileFor(new URL(pageUrl(file)))!.replace(/index\.html$/, '');
    for (const element of load(file).querySelectorAll('[id]')) {
      if (!CITABLE.test(element.id)) continue;
      const text = reportText(element).replace(/\s+/g, '');
      anchors.push({
        id: element.id,
        chapter: chapter || './',
        head: Array.from(text).slice(0, 16).join(''),
        sha256: createHash('sha256').update(text).digest('hex'),
      });
    }
  }
  const key = (id: string) => id.split('-').map((x) => (/^\d+$/.test(x) ? x.padStart(4, '0') : x)).join('-');
  return anchors.sort((a, b) => (key(a.id) < key(b.id) ? -1 : 1));
}
