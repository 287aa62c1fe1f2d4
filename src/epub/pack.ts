/**
 * Packs the book's files into an EPUB container (OCF): a zip whose first entry is the file
 * `mimetype`, stored uncompressed and without extra fields, so that a program can recognise an
 * EPUB by its first bytes; then `META-INF/container.xml`, which names the package document;
 * then everything else, compressed. Every entry carries the same date, so the same book packs
 * to the same bytes.
 */
import { strToU8, zipSync, type Zippable } from 'fflate';
import { PACKAGE_DIR, FILES } from './book-files.ts';

export const MIMETYPE = 'application/epub+zip';

export const CONTAINER_XML = `<?xml version="1.0" encoding="UTF-8"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
<rootfiles>
<rootfile full-path="${PACKAGE_DIR}/${FILES.package}" media-type="application/oebps-package+xml"/>
</rootfiles>
</container>
`;

/** `files`: paths inside `EPUB/` → contents. */
export function packEpub(files: Map<string, string | Uint8Array>, mtime: Date): Uint8Array {
  const bytes = (content: string | Uint8Array) => (typeof content === 'string' ? strToU8(content) : content);
  // Insertion order is the zip's order: `mimetype` must come first.
  const zippable: Zippable = {
    mimetype: [strToU8(MIMETYPE), { level: 0 }],
    'META-INF/container.xml': [strToU8(CONTAINER_XML), { level: 9 }],
  };
  for (const [path, content] of files) zippable[`${PACKAGE_DIR}/${path}`] = [bytes(content), { level: 9 }];
  return zipSync(zippable, { mtime });
}
