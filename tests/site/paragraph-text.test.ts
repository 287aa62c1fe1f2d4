/**
 * The paragraph contract, checked on the built site: for every N, the element `p-N` reached
 * through the permalink `/p/N/` holds exactly source line N, editorial UI left out.
 *
 * This is the one place every permalink page is checked (its refresh, canonical link, visible
 * link and citation metadata); the browser tests visit a sample of them (`permalinkSample`).
 */
import { describe, expect, test } from 'vitest';
import { fullTitle } from '../../src/cite/format.ts';
import { currentEdition } from '../../src/edition/load-edition.ts';
import { loadSource } from '../../src/report/source.ts';
import { exists, fileFor, htmlFiles, isPermalink, load, pageUrl, refreshTarget, reportText } from '../support/site.ts';

const report = loadSource();
const { citation } = currentEdition();

describe('every paragraph, reached through its permalink, is its source line', () => {
  test('the source has paragraphs, numbered ¶1…¶N in order', () => {
    expect(report.paragraphs.length).toBeGreaterThan(0);
    expect(report.paragraphs.map((p) => p.n)).toEqual(report.paragraphs.map((_, i) => i + 1));
  });

  test.each(report.paragraphs.map((p) => [p.n, p] as const))('¶%i', (n, paragraph) => {
    const permalink = `p/${n}/index.html`;
    expect(exists(permalink), `${permalink} missing`).toBe(true);
    const target = refreshTarget(permalink);
    expect(target, `${permalink} has no meta refresh`).toBeDefined();
    expect(target!.hash).toBe(`#p-${n}`);
    const file = fileFor(target!);
    expect(file && exists(file), `${permalink} points to ${target}, which is not a page of the site`).toBe(true);
    const element = load(file!).getElementById(`p-${n}`);
    expect(element, `${file} has no #p-${n}`).not.toBeNull();
    expect(reportText(element!)).toBe(paragraph.text);
    // The visible link for browsers that do not follow the refresh goes to the same place.
    const page = load(permalink);
    const link = page.querySelector('main a')?.getAttribute('href') ?? '';
    expect(new URL(link, pageUrl(permalink)).href).toBe(target!.href);
    // So does the canonical link: search engines and reference managers file the paragraph there.
    const canonical = page.querySelectorAll('link[rel="canonical"]');
    expect(canonical).toHaveLength(1);
    expect(new URL(canonical[0]!.getAttribute('href')!, pageUrl(permalink)).href).toBe(target!.href);
    // What a reference manager reads from the page: the report, and this paragraph as its page.
    const meta = (name: string) => [...page.querySelectorAll(`head meta[name="${name}"]`)].map((m) => m.getAttribute('content'));
    expect(meta('citation_title')).toEqual([fullTitle(citation)]);
    expect(meta('DC.creator')).toEqual([citation.author]);
    expect(meta('citation_firstpage')).toEqual([`¶${n}`]);
    const jsonLd = page.querySelectorAll('script[type="application/ld+json"]');
    expect(jsonLd).toHaveLength(1);
    expect(JSON.parse(jsonLd[0]!.textContent!)).toMatchObject({ '@type': 'Report', position: n });
  });

  test('there is a permalink page for every paragraph, and no other', () => {
    expect(htmlFiles().filter(isPermalink).sort()).toEqual(report.paragraphs.map((p) => `p/${p.n}/index.html`).sort());
  });
});
