/**
 * Where a reader's annotations live in the browser. Kept apart from the store so a reading page
 * can ask "are there any?" on load without loading the annotation code.
 */
export const STORAGE_KEY = 'cixi-2021:annotations';

/** Whether this browser holds annotations for the edition (false where storage is blocked). */
export function hasStoredAnnotations(): boolean {
  try {
    return !!localStorage.getItem(STORAGE_KEY);
  } catch {
    return false;
  }
}
