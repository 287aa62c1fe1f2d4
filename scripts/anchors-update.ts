/**
 * `npm run anchors:update`: rewrites the edition's `anchors.json` from the built site (`dist/`,
 * or `DIST`). Readers cite by these anchors; run this only when a change to them is intended,
 * and say why in the commit. `EDITION=<dir>` chooses the edition, as for the build.
 */
import { writeFileSync } from 'node:fs';
import { collectAnchors, manifestFile } from '../tests/support/anchors.ts';

const anchors = collectAnchors();
writeFileSync(manifestFile(), JSON.stringify(anchors, null, 2) + '\n');
console.log(`wrote ${manifestFile()}: ${anchors.length} anchors`);
