/**
 * `npm run anchors:update`: rewrites `content/anchors.json` from the built site. Readers cite by
 * these anchors; run this only when a change to them is intended, and say why in the commit.
 */
import { writeFileSync } from 'node:fs';
import { collectAnchors, MANIFEST_FILE } from '../test/support/anchors.ts';

const anchors = collectAnchors();
writeFileSync(MANIFEST_FILE, JSON.stringify(anchors, null, 2) + '\n');
console.log(`wrote ${MANIFEST_FILE}: ${anchors.length} anchors`);
