/**
 * Shows the reader's annotations as the page loads, if this browser holds some for this
 * edition, and again when another tab changes them. The page asks localStorage alone first:
 * the edition's id and the key's module (storage-key.ts) are shared with the annotation code,
 * and a static import of them would put a second script, fetched only after the first, in every
 * first view. So it first asks whether any edition on this host keeps annotations here (a key
 * ending in `:annotations`, the form `annotationsKey()` makes), and only then loads those two
 * small modules, which the annotation code needs anyway, to ask about this edition's own.
 */
export const isAnnotationsKey = (key: string | null) => !!key && key.endsWith(':annotations');

/** Whether any edition's annotations are stored here (false where storage is blocked). */
function anyStored(): boolean {
  try {
    for (let i = 0; i < localStorage.length; i++) if (isAnnotationsKey(localStorage.key(i))) return true;
  } catch {
    // Storage blocked: there are none.
  }
  return false;
}

/** This edition's key, and whether it holds annotations: asked of the modules the annotation code loads anyway. */
async function own(): Promise<{ key: string; stored: boolean }> {
  const [edition, { annotationsKey, hasStoredAnnotations }] = await Promise.all([import('virtual:edition'), import('../annotate/storage-key.ts')]);
  const key = annotationsKey(edition.default.id);
  return { key, stored: hasStoredAnnotations(key) };
}

/** Calls `show` now if this edition's annotations are stored, and whenever another tab changes them. */
export function showStoredAnnotations(show: () => void) {
  if (anyStored()) void own().then(({ stored }) => stored && show());
  addEventListener('storage', (event) => {
    if (isAnnotationsKey(event.key)) void own().then(({ key }) => key === event.key && show());
  });
}
