/**
 * The book's `dc:identifier`: a UUID (version 5, name-based) made from the edition's id. The id
 * is fixed once an edition is published (see `schema.ts`), so every build of the edition, and
 * every later version of the book, has the same identifier, and a reading system treats a new
 * download as the same book; two editions never share one.
 */
import { createHash } from 'node:crypto';

/** RFC 4122's namespace for URLs; the name is `edition:<id>`. */
const NAMESPACE_URL = '6ba7b811-9dad-11d1-80b4-00c04fd430c8';

/** RFC 4122 §4.3: SHA-1 of namespace and name, with the version and variant bits set. */
export function uuidV5(name: string, namespace = NAMESPACE_URL): string {
  const hash = createHash('sha1')
    .update(Buffer.from(namespace.replace(/-/g, ''), 'hex'))
    .update(name, 'utf8')
    .digest();
  const bytes = hash.subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return [hex.slice(0, 8), hex.slice(8, 12), hex.slice(12, 16), hex.slice(16, 20), hex.slice(20)].join('-');
}

/** `urn:uuid:…` for the edition. */
export function bookIdentifier(edition: { id: string }): string {
  return `urn:uuid:${uuidV5(`edition:${edition.id}`)}`;
}
