import { describe, expect, test } from 'vitest';
import { annotationsKey } from '../../src/annotate/storage-key.ts';
import { isAnnotationsKey } from '../../src/reader/stored-annotations.ts';
import { AnnotationStore, damagedKey, newId, readStore, STORE_MESSAGES, writeStore } from '../../src/annotate/store.ts';

const STORAGE_KEY = annotationsKey('sample-2024');
const DAMAGED_KEY = damagedKey(STORAGE_KEY);
import type { Annotation } from '../../src/annotate/model.ts';
import { sample } from '../fixtures/annotations.ts';
import { MemoryStorage } from '../fixtures/storage/memory-storage.ts';

const a = sample;
const b: Annotation = { ...a, id: 'urn:uuid:00000000-0000-4000-8000-000000000001', note: '' };

describe('reading and writing', () => {
  test('round trip', () => {
    const storage = new MemoryStorage();
    expect(writeStore(storage, STORAGE_KEY, [a, b])).toBeUndefined();
    expect(readStore(storage, STORAGE_KEY)).toEqual({ annotations: [a, b] });
  });

  test('an empty list leaves nothing behind', () => {
    const storage = new MemoryStorage();
    writeStore(storage, STORAGE_KEY, [a]);
    writeStore(storage, STORAGE_KEY, []);
    expect(storage.getItem(STORAGE_KEY)).toBeNull();
  });

  test('a damaged store is set aside, not overwritten, and the reader is told', () => {
    const storage = new MemoryStorage();
    storage.setItem(STORAGE_KEY, '{"version":1,"annotations":[{"id":');
    expect(readStore(storage, STORAGE_KEY)).toEqual({ annotations: [], problem: STORE_MESSAGES.damaged(STORAGE_KEY) });
    expect(storage.getItem(DAMAGED_KEY)).toBe('{"version":1,"annotations":[{"id":');
    expect(storage.getItem(STORAGE_KEY)).toBeNull();
  });

  test('a full quota: a message, and what was stored stays', () => {
    const storage = new MemoryStorage(600);
    expect(writeStore(storage, STORAGE_KEY, [a])).toBeUndefined();
    const before = storage.getItem(STORAGE_KEY);
    expect(writeStore(storage, STORAGE_KEY, [a, b, { ...b, id: newId() }])).toBe(STORE_MESSAGES.quota);
    expect(storage.getItem(STORAGE_KEY)).toBe(before);
  });
});

describe('the store', () => {
  test('a change that cannot be saved is not made', () => {
    const storage = new MemoryStorage(600);
    const store = new AnnotationStore(storage, STORAGE_KEY);
    const heard: number[] = [];
    store.subscribe((list) => heard.push(list.length));
    expect(store.add(a)).toBeUndefined();
    expect(store.update(a.id, { note: '很长的批注'.repeat(100) })).toBe(STORE_MESSAGES.quota);
    expect(store.list).toEqual([a]);
    expect(heard).toEqual([1]);
  });

  test('update keeps created and sets modified; remove', () => {
    const store = new AnnotationStore(new MemoryStorage(), STORAGE_KEY);
    store.add(a);
    store.update(a.id, { color: 'pink', note: '改过' });
    expect(store.get(a.id)).toMatchObject({ color: 'pink', note: '改过', created: a.created });
    expect(store.get(a.id)!.modified > a.modified).toBe(true);
    store.remove(a.id);
    expect(store.list).toEqual([]);
  });
});

test('ids are version-4 UUID URNs, without crypto.randomUUID (absent on plain HTTP)', () => {
  const ids = new Set(Array.from({ length: 1000 }, newId));
  expect(ids.size).toBe(1000);
  for (const id of ids) expect(id).toMatch(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
});

test('the page’s first look at storage knows every edition’s annotations key, and no other', () => {
  // src/reader/stored-annotations.ts reads the key's form without loading storage-key.ts.
  for (const id of ['cixi-2021', 'sample-2024', 'x']) expect(isAnnotationsKey(annotationsKey(id)), id).toBe(true);
  expect(isAnnotationsKey(DAMAGED_KEY)).toBe(false);
  expect(isAnnotationsKey('edition-theme')).toBe(false);
});
