/**
 * The reader's annotations in the browser's localStorage, and nowhere else, under the edition's
 * key (see `storage-key.ts`). Every change is written before it is taken: if the browser refuses
 * (storage full, or blocked), the change is not made, the caller gets a message to show, and
 * what was saved before stays as it was.
 */
import { COLORS, type Annotation } from './model.ts';

/** Where a damaged store is set aside, so starting afresh loses nothing. */
export const damagedKey = (key: string) => `${key}:damaged`;

export const STORE_MESSAGES = {
  quota: '浏览器的本地存储空间已满，刚才的改动没有保存；原有批注都还在。请先在“我的批注”页导出备份，再删除一些批注，或清理其他网站的数据。',
  blocked: '浏览器禁止了本站使用本地存储（可能是隐私设置或无痕模式的限制），批注无法保存。',
  damaged: (key: string) => `浏览器中保存的批注数据已损坏，无法读取。原数据已另存（键名 ${damagedKey(key)}），新的批注将重新开始保存。`,
} as const;

interface Stored {
  version: 1;
  annotations: readonly Annotation[];
}

const isAnnotation = (a: unknown): a is Annotation => {
  if (typeof a !== 'object' || a === null) return false;
  const v = a as Partial<Annotation>;
  return (
    typeof v.id === 'string' &&
    v.id.startsWith('urn:uuid:') &&
    Number.isInteger(v.paragraph) &&
    typeof v.quote?.exact === 'string' &&
    typeof v.quote.prefix === 'string' &&
    typeof v.quote.suffix === 'string' &&
    Number.isInteger(v.position?.start) &&
    Number.isInteger(v.position?.end) &&
    (COLORS as readonly unknown[]).includes(v.color) &&
    typeof v.note === 'string' &&
    typeof v.created === 'string' &&
    typeof v.modified === 'string'
  );
};

/** Reads the stored list; a damaged store is set aside, never overwritten in place. */
export function readStore(storage: Storage, key: string): { annotations: Annotation[]; problem?: string } {
  let raw: string | null;
  try {
    raw = storage.getItem(key);
  } catch {
    return { annotations: [], problem: STORE_MESSAGES.blocked };
  }
  if (raw === null) return { annotations: [] };
  try {
    const data = JSON.parse(raw) as Partial<Stored>;
    if (data.version === 1 && Array.isArray(data.annotations) && data.annotations.every(isAnnotation))
      return { annotations: [...data.annotations] };
  } catch {
    // Falls through to setting the damaged data aside.
  }
  try {
    storage.setItem(damagedKey(key), raw);
    storage.removeItem(key);
  } catch {
    return { annotations: [], problem: STORE_MESSAGES.quota };
  }
  return { annotations: [], problem: STORE_MESSAGES.damaged(key) };
}

/** Writes the list; returns a message for the reader if the browser refused. */
export function writeStore(storage: Storage, key: string, annotations: readonly Annotation[]): string | undefined {
  try {
    if (annotations.length === 0) storage.removeItem(key);
    else storage.setItem(key, JSON.stringify({ version: 1, annotations } satisfies Stored));
    return undefined;
  } catch (error) {
    const name = (error as { name?: string }).name;
    return name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED' ? STORE_MESSAGES.quota : STORE_MESSAGES.blocked;
  }
}

/**
 * The list in memory, kept equal to what is stored. A change is committed only once it has
 * been written; listeners hear about every committed change, this tab's or another's.
 */
export class AnnotationStore {
  private items: Annotation[];
  private readonly listeners = new Set<(list: readonly Annotation[]) => void>();
  /** Set when the store could not be read cleanly; shown to the reader once. */
  readonly problem: string | undefined;

  constructor(
    private readonly storage: Storage,
    /** The edition's key: `shili-2024:annotations`. */
    readonly key: string,
  ) {
    const { annotations, problem } = readStore(storage, key);
    this.items = annotations;
    this.problem = problem;
  }

  get list(): readonly Annotation[] {
    return this.items;
  }

  get(id: string): Annotation | undefined {
    return this.items.find((a) => a.id === id);
  }

  /** Replaces the whole list; returns a message if it could not be saved (nothing changed). */
  replace(next: Annotation[]): string | undefined {
    const error = writeStore(this.storage, this.key, next);
    if (error) return error;
    this.items = next;
    this.emit();
    return undefined;
  }

  add(a: Annotation) {
    return this.replace([...this.items, a]);
  }

  update(id: string, change: Partial<Pick<Annotation, 'color' | 'note'>>) {
    const modified = new Date().toISOString();
    return this.replace(this.items.map((a) => (a.id === id ? { ...a, ...change, modified } : a)));
  }

  remove(id: string) {
    return this.replace(this.items.filter((a) => a.id !== id));
  }

  subscribe(listener: (list: readonly Annotation[]) => void) {
    this.listeners.add(listener);
  }

  /** Another tab changed the store: take its version. */
  reload() {
    this.items = readStore(this.storage, this.key).annotations;
    this.emit();
  }

  private emit() {
    for (const listener of this.listeners) listener(this.items);
  }
}

/** The page's store under `key`, or a message if the browser gives the page no storage at all. */
export function openStore(key: string): { store?: AnnotationStore; problem?: string } {
  let storage: Storage;
  try {
    storage = window.localStorage;
    storage.getItem(key);
  } catch {
    return { problem: STORE_MESSAGES.blocked };
  }
  const store = new AnnotationStore(storage, key);
  addEventListener('storage', (event) => {
    if (event.key === key || event.key === null) store.reload();
  });
  return { store, problem: store.problem };
}

/**
 * A new annotation id. `crypto.randomUUID` exists only in secure contexts, and intranets
 * often serve plain HTTP, so the UUID (version 4) is made from `getRandomValues`, which
 * exists everywhere.
 */
export function newId(): string {
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `urn:uuid:${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
