/**
 * `toc.ncx`: the EPUB 2 table of contents, the same entries as the navigation document. EPUB 3
 * reading systems ignore it; older ones (still common in e-readers and reading apps) show no
 * contents without it. Optional in EPUB 3, so it costs only a few hundred bytes.
 */
import type { NavEntry } from './nav.ts';
import { escapeAttribute, escapeText } from './xhtml.ts';

export function ncxDocument(input: { identifier: string; title: string; language: string; entries: NavEntry[] }): string {
  let order = 0;
  const depth = (entries: NavEntry[]): number => (entries.length ? 1 + Math.max(...entries.map((e) => depth(e.children))) : 0);
  const points = (entries: NavEntry[]): string =>
    entries
      .map((e) => {
        order++;
        return `<navPoint id="nav-${order}" playOrder="${order}"><navLabel><text>${escapeText(e.title)}</text></navLabel><content src="${escapeAttribute(e.href)}"/>${
          e.children.length ? '\n' + points(e.children) : ''
        }</navPoint>`;
      })
      .join('\n');
  const map = points(input.entries);
  return `<?xml version="1.0" encoding="UTF-8"?>
<ncx xmlns="http://www.daisy.org/z3986/2005/ncx/" version="2005-1" xml:lang="${input.language}">
<head>
<meta name="dtb:uid" content="${escapeAttribute(input.identifier)}"/>
<meta name="dtb:depth" content="${depth(input.entries)}"/>
<meta name="dtb:totalPageCount" content="0"/>
<meta name="dtb:maxPageNumber" content="0"/>
</head>
<docTitle><text>${escapeText(input.title)}</text></docTitle>
<navMap>
${map}
</navMap>
</ncx>
`;
}
