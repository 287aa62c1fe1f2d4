/**
 * The paragraph contract, checked on the built site: for every N, the element `p-N` reached
 * through the permalink `/p/N/` holds exactly source line N, editorial UI left out.
 */
import { describe, expect, test } from 'vitest';
import { loadSource } from '../../src/report/source.ts';
import { exists, fileFor, load, pageUrl, refreshTarget, reportText } from '../support/site.ts';

const report = loadSource();

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
    const link = load(permalink).querySelector('main a')?.getAttribute('href') ?? '';
    expect(new URL(link, pageUrl(permalink)).href).toBe(target!.href);
  });
});
