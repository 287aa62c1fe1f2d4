/**
 * Citations must never break: the built site's anchors match the edition's committed manifest
 * exactly. An anchor that disappears, moves to another chapter or whose text changes fails here.
 */
import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { loadSource } from '../../src/report/source.ts';
import { collectAnchors, manifestFile, type Anchor } from '../support/anchors.ts';

const committed: Anchor[] = JSON.parse(readFileSync(manifestFile(), 'utf8'));
const report = loadSource();
const built = new Map(collectAnchors().map((a) => [a.id, a]));
const HOW = `若这一改动确属有意，运行 npm run build && npm run anchors:update，并在提交说明中写明原因。`;

test('the manifest holds the whole report: every ¶, part and section of the source', () => {
  const sections = report.parts.flatMap((p) => p.blocks.flatMap((b) => (b.type === 'section' ? [`part-${b.section.id}`] : [])));
  expect(committed.filter((a) => a.id.startsWith('p-')).map((a) => a.id)).toEqual(report.paragraphs.map((p) => `p-${p.n}`));
  expect(committed.filter((a) => /^part-\d+$/.test(a.id)).map((a) => a.id)).toEqual(report.parts.map((p) => `part-${p.n}`));
  expect(committed.filter((a) => /^part-\d+-\d+$/.test(a.id)).map((a) => a.id)).toEqual(sections);
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
