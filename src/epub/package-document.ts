/**
 * The package document (`package.opf`): the book's metadata, every file it holds, and the
 * reading order. The metadata comes from the edition's settings and the report's title block:
 * the issuing government as creator, the day of the report as its date, its language, and the
 * accessibility metadata `accessibility.ts` works out. The reading order is the report's:
 * title page, contents, the chapters in order, then the glossary, tables and 关于本版.
 */
import type { AccessibilityMetadata } from './accessibility.ts';
import { escapeAttribute, escapeText } from './xhtml.ts';

export interface ManifestItem {
  id: string;
  href: string;
  mediaType: string;
  /** `nav`, `cover-image`, `mathml`, `svg`, … */
  properties?: string[];
  /** In the reading order, and where: items are read in the order given. */
  spine?: boolean;
}

export interface PackageInput {
  identifier: string;
  title: string;
  subtitle: string;
  creator: string;
  /** The day of the report, `YYYY-MM-DD`. */
  date: string;
  language: string;
  /** `CCYY-MM-DDThh:mm:ssZ`. */
  modified: string;
  description: string;
  source?: string;
  accessibility: AccessibilityMetadata;
  items: ManifestItem[];
}

const dc = (name: string, value: string, id?: string) => `<dc:${name}${id ? ` id="${id}"` : ''}>${escapeText(value)}</dc:${name}>`;
const meta = (property: string, value: string, refines?: string, scheme?: string) =>
  `<meta property="${property}"${refines ? ` refines="#${refines}"` : ''}${scheme ? ` scheme="${scheme}"` : ''}>${escapeText(value)}</meta>`;

export function packageDocument(input: PackageInput): string {
  const a11y = input.accessibility;
  const metadata = [
    dc('identifier', input.identifier, 'book-id'),
    dc('title', input.title, 'title'),
    meta('title-type', 'main', 'title'),
    dc('title', input.subtitle, 'subtitle'),
    meta('title-type', 'subtitle', 'subtitle'),
    dc('creator', input.creator, 'creator'),
    meta('role', 'aut', 'creator', 'marc:relators'),
    dc('date', input.date),
    dc('language', input.language),
    dc('description', input.description),
    ...(input.source ? [dc('source', input.source)] : []),
    meta('dcterms:modified', input.modified),
    ...a11y.accessMode.map((v) => meta('schema:accessMode', v)),
    ...a11y.accessModeSufficient.map((v) => meta('schema:accessModeSufficient', v)),
    ...a11y.accessibilityFeature.map((v) => meta('schema:accessibilityFeature', v)),
    ...a11y.accessibilityHazard.map((v) => meta('schema:accessibilityHazard', v)),
    meta('schema:accessibilitySummary', a11y.accessibilitySummary),
    // EPUB 2 reading systems find the cover image by this.
    `<meta name="cover" content="${input.items.find((i) => i.properties?.includes('cover-image'))?.id ?? ''}"/>`,
  ];
  const manifest = input.items.map(
    (i) =>
      `<item id="${escapeAttribute(i.id)}" href="${escapeAttribute(i.href)}" media-type="${i.mediaType}"${i.properties?.length ? ` properties="${i.properties.join(' ')}"` : ''}/>`,
  );
  const spine = input.items.filter((i) => i.spine).map((i) => `<itemref idref="${escapeAttribute(i.id)}"/>`);
  return `<?xml version="1.0" encoding="UTF-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="book-id" xml:lang="${input.language}">
<metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
${metadata.join('\n')}
</metadata>
<manifest>
${manifest.join('\n')}
</manifest>
<spine${input.items.some((i) => i.id === 'ncx') ? ' toc="ncx"' : ''}>
${spine.join('\n')}
</spine>
</package>
`;
}
