/**
 * What reference managers read from a page: Highwire Press `citation_*` meta tags (Zotero,
 * Mendeley, EndNote Click, Google Scholar, Wikipedia's Citoid), Dublin Core `DC.*` meta tags,
 * and a schema.org description in JSON-LD. Every chapter page and every paragraph permalink
 * carries them, all made here from the edition's settings; pages type nothing in.
 *
 * The item is the report itself: a report (Zotero's `report` type, chosen by
 * `citation_technical_report_institution`) whose author and institution is the issuing
 * government, titled as GB/T 7714 writes it (`fullTitle`). A paragraph's permalink names its
 * paragraph as the part cited (`citation_firstpage` ¶N, which reference managers keep as the
 * item's pages) and is itself the URL a reference manager keeps. The site is built without
 * knowing its host, so an absolute URL (`citation_public_url`, `DC.identifier`) is given only
 * when the edition's settings name one (`publicUrl`); without it a reference manager takes the
 * address of the page it reads, which is the one the reader is on.
 *
 * The JSON-LD is a data block (`<script type="application/ld+json">`): browsers never run it, so
 * the pages' `script-src 'self'` does not apply to it (CSP governs scripts that run). Its text is
 * escaped so that no `<` can close the element early.
 */
import type { CitationInfo } from '../edition/load-edition.ts';
import { fullTitle } from './format.ts';

/** What the metadata needs of the edition. */
export interface MetadataEdition {
  language: string;
  citation: CitationInfo;
  /** Where the edition is published, ending in `/`, if known. */
  publicUrl?: string;
}

/** The page being described: a chapter, or one paragraph of it (its permalink page). */
export interface MetadataPage {
  /** The site's base path, `/` or `/reports/shili-2024/`: what `publicUrl` stands for. */
  base: string;
  /** The edition's home page (the report's table of contents), a site path. */
  home: string;
  chapter: { title: string; url: string };
  paragraph?: { n: number; url: string };
}

export interface MetaTag {
  name: string;
  content: string;
}

/** The absolute address of a site path, when the edition knows where it is published. */
export function absoluteUrl(edition: Pick<MetadataEdition, 'publicUrl'>, base: string, path: string): string | undefined {
  if (!edition.publicUrl) return undefined;
  const rest = path.startsWith(base) ? path.slice(base.length) : path.replace(/^\//, '');
  return edition.publicUrl + rest;
}

/** The address of the page itself: the permalink of a paragraph, else the chapter. */
const pagePath = (page: MetadataPage) => page.paragraph?.url ?? page.chapter.url;

/** Highwire Press tags, the ones Zotero's Embedded Metadata translator and Google Scholar read. */
export function highwireTags(edition: MetadataEdition, page: MetadataPage): MetaTag[] {
  const c = edition.citation;
  const tags: MetaTag[] = [
    { name: 'citation_title', content: fullTitle(c) },
    { name: 'citation_author', content: c.author },
    // Makes the item a report (Zotero: itemType report, institution).
    { name: 'citation_technical_report_institution', content: c.author },
    // Highwire's own form, YYYY/MM/DD.
    { name: 'citation_publication_date', content: c.issued.replace(/-/g, '/') },
    { name: 'citation_language', content: edition.language },
  ];
  if (page.paragraph) tags.push({ name: 'citation_firstpage', content: `¶${page.paragraph.n}` });
  const url = absoluteUrl(edition, page.base, pagePath(page));
  if (url) tags.push({ name: 'citation_public_url', content: url });
  return tags;
}

/**
 * Dublin Core elements, as `DC.*` meta tags. Without `<link rel="schema.DC">`: the pages link
 * nowhere outside the site, and readers of the tags (Zotero among them) take `DC.` for Dublin
 * Core elements 1.1 without it.
 */
export function dublinCoreTags(edition: MetadataEdition, page: MetadataPage): MetaTag[] {
  const c = edition.citation;
  const tags: MetaTag[] = [
    { name: 'DC.title', content: fullTitle(c) },
    { name: 'DC.creator', content: c.author },
    { name: 'DC.date', content: c.issued },
    { name: 'DC.language', content: edition.language },
    { name: 'DC.type', content: 'Text' },
    { name: 'DC.format', content: 'text/html' },
  ];
  const part = page.paragraph ? `第${page.paragraph.n}段（${page.chapter.title}）` : page.chapter.title;
  tags.push({ name: 'DC.description', content: `${c.short}：${part}` });
  const url = absoluteUrl(edition, page.base, pagePath(page));
  if (url) tags.push({ name: 'DC.identifier', content: url });
  return tags;
}

/**
 * The schema.org description: the report (`Report`), and the chapter (and paragraph) the page
 * shows as parts of it (`isPartOf`). URLs are absolute when `publicUrl` is known, otherwise
 * site paths, which JSON-LD resolves against the page's own address.
 */
export function reportJsonLd(edition: MetadataEdition, page: MetadataPage): Record<string, unknown> {
  const c = edition.citation;
  const at = (path: string) => absoluteUrl(edition, page.base, path) ?? path;
  const author = { '@type': 'GovernmentOrganization', name: c.author };
  const report = {
    '@type': 'Report',
    '@id': `${at(page.home)}#report`,
    name: fullTitle(c),
    headline: c.title,
    alternativeHeadline: c.subtitle,
    alternateName: c.short,
    author,
    datePublished: c.issued,
    inLanguage: edition.language,
    url: at(page.home),
  };
  const chapter = {
    '@type': 'Report',
    '@id': `${at(page.chapter.url)}#chapter`,
    name: page.chapter.title,
    author,
    datePublished: c.issued,
    inLanguage: edition.language,
    url: at(page.chapter.url),
    isPartOf: report,
  };
  const item = page.paragraph
    ? {
        '@type': 'Report',
        '@id': `${at(page.chapter.url)}#p-${page.paragraph.n}`,
        name: `${c.short}，第${page.paragraph.n}段`,
        position: page.paragraph.n,
        author,
        datePublished: c.issued,
        inLanguage: edition.language,
        url: at(page.paragraph.url),
        isPartOf: chapter,
      }
    : chapter;
  return { '@context': 'https://schema.org', ...item };
}

/**
 * JSON for a `<script type="application/ld+json">` element: `<`, `>` and `&` written as
 * `\u003c` and so on (the same JSON to a parser), so the text can never end the element or
 * open a comment.
 */
export function jsonLdText(data: unknown): string {
  return JSON.stringify(data).replace(/[<>&\u2028\u2029]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
