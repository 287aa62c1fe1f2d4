/**
 * The glossary page's second anchor on each entry, its headword on the entry's heading
 * (`src/glossary/anchor.ts`), is for the site's term links. The book and the offline file link
 * to entries by id alone, so they drop it: one anchor an entry is enough there, and an XML id
 * (EPUB) cannot be every headword.
 *
 * Kept apart from anchor.ts, which the browser loads: the offline file's build shortens the
 * class names its scripts do not spell.
 */

/** Removes the headword ids from the headings of the glossary entries under `root`. */
export function dropHeadwordIds(root: Pick<Element, 'querySelectorAll'>): void {
  for (const heading of root.querySelectorAll('.entry__term[id]')) heading.removeAttribute('id');
}
