/**
 * Citations must never break: the built site's anchors match the committed manifest exactly.
 * An anchor that disappears, moves to another chapter or whose text changes fails here.
 */
import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { collectAnchors, MANIFEST_FILE, type Anchor } from '../support/anchors.ts';

const committed: Anchor[] = JSON.parse(readFileSync(MANIFEST_FILE, 'utf8'));
const built = new Map(collectAnchors().map((a) => [a.id, a]));
const HOW = `若这一改动确属有意，运行 npm run build && npm run anchors:update，并在提交说明中写明原因。`;

test('the manifest holds the whole contract: ¶1–¶64, three parts, fifteen sections', () => {
  expect(committed.filter((a) => a.id.startsWith('p-'))).toHaveLength(64);
  expect(committed.filter((a) => /^part-\d+$/.test(a.id))).toHaveLength(3);
  expect(committed.filter((a) => /^part-\d+-\d+$/.test(a.id)).map((a) => a.id)).toEqual([
    ...[1, 2, 3, 4, 5, 6].map((i) => `part-1-${i}`),
    ...[1, 2, 3, 4, 5, 6, 7, 8, 9].map((i) => `part-3-${i}`),
  ]);
});

test.each(committed.map((a) => [a.id, a] as const))('%s is where it was, with the same text', (id, anchor) => {
  const now = built.get(id);
  expect(now, `锚点 #${id} 不见了（原在 ${anchor.chapter}）。${HOW}`).toBeDefined();
  expect(now!.chapter, `锚点 #${id} 从 ${anchor.chapter} 移到了 ${now!.chapter}。${HOW}`).toBe(anchor.chapter);
  expect(now!.sha256, `锚点 #${id}（“${anchor.head}…”）的文字变了，现为“${now!.head}…”。${HOW}`).toBe(anchor.sha256);
});

test('no citable anchor exists twice or outside the manifest', () => {
  const ids = collectAnchors().map((a) => a.id);
  expect(new Set(ids).size).toBe(ids.length);
  const known = new Set(committed.map((a) => a.id));
  expect(ids.filter((id) => !known.has(id))).toEqual([]);
});
