/**
 * Where a reader's annotations live in the browser: under a key made from the edition's id, so
 * that two editions served from one host keep their readers' annotations apart. Kept apart from
 * the store so a reading page can ask "are there any?" on load without loading the annotation
 * code; it asks this module only once it has seen a key of this form
 * (src/reader/stored-annotations.ts, which knows the `:annotations` ending).
 */

/** `shili-2024` → `shili-2024:annotations`. */
export function annotationsKey(editionId: string): string {
  return `${editionId}:annotations`;
}

/** Whether this browser holds annotations under `key` (false where storage is blocked). */
export function hasStoredAnnotations(key: string): boolean {
  try {
    return !!localStorage.getItem(key);
  } catch {
    return false;
  }
}
