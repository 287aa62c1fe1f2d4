/**
 * The metadata reference managers read from a chapter page and a paragraph's permalink: Highwire
 * `citation_*` tags (Zotero's Embedded Metadata translator, Google Scholar), Dublin Core and
 * schema.org JSON-LD, all from the edition's settings.
 */
import { describe, expect, test } from 'vitest';
import { fullTitle } from '../../src/cite/format.ts';
import { absoluteUrl, dublinCoreTags, highwireTags, jsonLdText, reportJsonLd, type MetadataPage } from '../../src/cite/metadata.ts';
import { readEdition } from '../../src/edition/load-edition.ts';

const edition = readEdition('content');
const { citation } = edition;
const chapter: MetadataPage = { base: '/', home: '/', chapter: { title: '三、某某工作安排', url: '/work/' } };
const paragraph: MetadataPage = { ...chapter, paragraph: { n: 42, url: '/p/42/' } };
const under: MetadataPage = { base: '/reports/x/', home: '/reports/x/', chapter: { title: '三、某某工作安排', url: '/reports/x/work/' }, paragraph: { n: 42, url: '/reports/x/p/42/' } };
const published = { ...edition, publicUrl: 'https://example.gov.cn/reports/x/' };
const tags = (list: { name: string; content: string }[]) => Object.fromEntries(list.map((t) => [t.name, t.content]));

describe('Highwire Press tags', () => {
  test('a chapter: the report, as a report (Zotero takes the type from the institution)', () => {
    expect(highwireTags(edition, chapter)).toEqual([
      { name: 'citation_title', content: fullTitle(citation) },
      { name: 'citation_author', content: citation.author },
      { name: 'citation_technical_report_institution', content: citation.author },
      { name: 'citation_publication_date', content: citation.issued.replace(/-/g, '/') },
      { name: 'citation_language', content: edition.language },
    ]);
    expect(tags(highwireTags(edition, chapter)).citation_publication_date).toMatch(/^\d{4}\/\d{2}\/\d{2}$/);
  });

  test('a paragraph’s permalink names the paragraph cited', () => {
    expect(tags(highwireTags(edition, paragraph))).toMatchObject({ citation_firstpage: '¶42' });
  });

  test('citation_public_url only where the edition knows its address, and then the page’s own', () => {
    expect(tags(highwireTags(edition, paragraph)).citation_public_url).toBeUndefined();
    expect(tags(highwireTags(published, under)).citation_public_url).toBe('https://example.gov.cn/reports/x/p/42/');
    expect(tags(highwireTags(published, { ...under, paragraph: undefined })).citation_public_url).toBe('https://example.gov.cn/reports/x/work/');
  });
});

describe('Dublin Core', () => {
  test('title, creator, date, language, type and which part of the report', () => {
    expect(tags(dublinCoreTags(edition, paragraph))).toEqual({
      'DC.title': fullTitle(citation),
      'DC.creator': citation.author,
      'DC.date': citation.issued,
      'DC.language': edition.language,
      'DC.type': 'Text',
      'DC.format': 'text/html',
      'DC.description': `${citation.short}：第42段（三、某某工作安排）`,
    });
    expect(tags(dublinCoreTags(published, under))['DC.identifier']).toBe('https://example.gov.cn/reports/x/p/42/');
  });
});

describe('schema.org JSON-LD', () => {
  test('a chapter: a Report that is part of the report', () => {
    const data = reportJsonLd(edition, chapter);
    expect(data).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'Report',
      name: '三、某某工作安排',
      url: '/work/',
      isPartOf: {
        '@type': 'Report',
        name: fullTitle(citation),
        headline: citation.title,
        alternativeHeadline: citation.subtitle,
        author: { '@type': 'GovernmentOrganization', name: citation.author },
        datePublished: citation.issued,
        inLanguage: edition.language,
        url: '/',
      },
    });
  });

  test('a paragraph: part of its chapter, part of the report', () => {
    const data = reportJsonLd(edition, paragraph) as { isPartOf: { isPartOf: unknown } };
    expect(data).toMatchObject({ '@type': 'Report', position: 42, url: '/p/42/', name: `${citation.short}，第42段`, isPartOf: { '@type': 'Report', url: '/work/' } });
    expect(data.isPartOf.isPartOf).toMatchObject({ '@type': 'Report', '@id': '/#report' });
  });

  test('absolute URLs where the edition knows its address', () => {
    expect(reportJsonLd(published, under)).toMatchObject({ url: 'https://example.gov.cn/reports/x/p/42/', isPartOf: { url: 'https://example.gov.cn/reports/x/work/' } });
    expect(absoluteUrl(edition, '/', '/p/1/')).toBeUndefined();
  });

  test('the text can never end its <script> element, and parses back to the same data', () => {
    const data = { name: '</script><script>alert(1)</script> & <!-- \u2028' };
    const text = jsonLdText(data);
    expect(text).not.toMatch(/[<>&\u2028]/);
    expect(JSON.parse(text)).toEqual(data);
  });
});
