/**
 * The reader's annotations in Chromium, Firefox ESR and WebKit: a highlight made from selected
 * words, seen again after a reload, given a note, edited and deleted; a note whose text is
 * markup shown as text and never run; and on 我的批注, export and import: the exported file,
 * imported into an emptied store, gives back every annotation.
 *
 * The export is a Blob the page downloads through a link; the test keeps the Blob the page made
 * (by wrapping URL.createObjectURL) and stops the link's click, so no engine is asked to save a
 * file (the Chromium suite checks the download itself). The import goes through the file input,
 * by each driver's own file upload. The clear button asks confirm(), answered yes by the test.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, inject, test } from 'vitest';
import { annotationsKey } from '../../src/annotate/storage-key.ts';
import { readEdition } from '../../src/edition/load-edition.ts';
import { sourceParagraphs } from '../../src/report/source.ts';
import { ENGINES, useEngine, waitForHidden, waitForVisible, waitUntil, type EnginePage } from './engine.ts';
import { selectWords } from './helpers.ts';

const baseUrl = inject('baseUrl');
const KEY = annotationsKey(readEdition('content').id);
const text = sourceParagraphs();
const XSS = '<img src=x onerror="window.__xss=1"><script>window.__xss=2</script>';

interface Stored {
  id: string;
  paragraph: number;
  note: string;
  color: string;
  quote: { exact: string };
  position: { start: number; end: number };
}

const stored = (page: EnginePage): Promise<Stored[]> =>
  page.evaluate((key: string) => (JSON.parse(localStorage.getItem(key) ?? '{"annotations":[]}') as { annotations: Stored[] }).annotations, KEY);

/** The words painted as the reader's highlights in ¶n: by the Highlight API, or in <mark>s. */
const painted = (page: EnginePage, n: number) =>
  page.evaluate((n: number) => {
    const highlights = (CSS as unknown as { highlights?: Map<string, Set<Range>> }).highlights;
    const para = document.getElementById(`p-${n}`)!;
    const ranges = highlights
      ? [...highlights.entries()].filter(([name]) => /^anno-(yellow|green|blue|pink)$/.test(name)).flatMap(([, set]) => [...set])
      : [];
    const inPara = ranges.filter((r) => para.contains(r.startContainer)).map((r) => r.toString());
    const marks = [...para.querySelectorAll('mark.reader-mark')].map((m) => m.textContent ?? '');
    return [...inPara, ...marks].join('|');
  }, n);

describe.each(ENGINES)('%s', (name) => {
  const engine = useEngine(name);

  test('a highlight from selected words: shown after a reload, given a note, edited, deleted', async () => {
    const page = await engine().newPage();
    await page.goto(`${baseUrl}review-2020/#p-12`);
    expect(await stored(page)).toEqual([]);
    // “亩均” occurs twice in ¶12: the second is chosen.
    await selectWords(page, 12, '亩均', 1);
    await waitForVisible(page, '.selection-toolbar');
    await page.click('.selection-toolbar__highlight');
    await waitUntil(page, () => !!document.querySelector('.reader-notes li'), [], { message: 'the highlight to be listed' });
    const [saved] = await stored(page);
    const second = text.get(12)!.indexOf('亩均', text.get(12)!.indexOf('亩均') + 1);
    expect(saved).toMatchObject({ paragraph: 12, color: 'yellow', note: '', position: { start: second, end: second + 2 }, quote: { exact: '亩均' } });
    expect(await painted(page, 12)).toBe('亩均');

    await page.reload();
    await waitUntil(page, () => document.querySelectorAll('.reader-notes li').length === 1, [], { message: 'the highlight after a reload' });
    expect(await painted(page, 12)).toBe('亩均');

    // A note, typed, and another colour.
    await page.click('.reader-notes [data-anno-action="edit"]');
    await waitForVisible(page, '.anno-editor');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('anno-editor-note');
    await page.type('与第六段对照');
    await page.click('.anno-editor__swatch[data-color="green"]');
    await page.click('.anno-editor__save');
    await waitForHidden(page, '.anno-editor');
    await waitUntil(page, () => document.querySelector('.reader-note__text')?.textContent === '与第六段对照', [], { message: 'the note to show' });
    expect((await stored(page))[0]).toMatchObject({ note: '与第六段对照', color: 'green' });

    // A note whose text is markup: kept and shown as text, never run.
    await page.click('.reader-notes [data-anno-action="edit"]');
    await waitForVisible(page, '.anno-editor');
    await page.evaluate((xss: string) => {
      const area = document.getElementById('anno-editor-note') as HTMLTextAreaElement;
      area.value = xss;
      area.dispatchEvent(new Event('input', { bubbles: true }));
    }, XSS);
    await page.click('.anno-editor__save');
    await waitForHidden(page, '.anno-editor');
    await page.reload();
    await waitUntil(page, (xss: string) => document.querySelector('.reader-note__text')?.textContent === xss, [XSS], { message: 'the markup note as text' });
    expect(await page.evaluate(() => ({ xss: (window as unknown as { __xss?: number }).__xss ?? null, elements: document.querySelectorAll('.reader-notes img, .reader-notes script').length }))).toEqual({
      xss: null,
      elements: 0,
    });

    await page.click('.reader-notes [data-anno-action="delete"]');
    await waitUntil(page, () => !document.querySelector('.reader-notes'), [], { message: 'the annotation to go' });
    expect(await stored(page)).toEqual([]);
    expect(await painted(page, 12)).toBe('');
    await page.reload();
    expect(await page.evaluate(() => document.querySelectorAll('.reader-notes').length)).toBe(0);
    expect(await page.errors()).toEqual([]);
    await page.close();
  });

  test('我的批注: export, clear, import: every annotation comes back', async () => {
    const page = await engine().newPage();
    // Three annotations made on a chapter page, as a reader makes them.
    await page.goto(`${baseUrl}work-2021/#p-48`);
    for (const [n, words] of [
      [48, '增存挂钩'],
      [48, '亩均论英雄'],
      [49, '跨境电商'],
    ] as const) {
      await selectWords(page, n, words);
      await waitForVisible(page, '.selection-toolbar');
      await page.click('.selection-toolbar__highlight');
      await waitUntil(page, (w: string) => [...document.querySelectorAll('.reader-note__exact, .reader-notes li')].some((e) => e.textContent!.includes(w)), [words], {
        message: `the highlight of ${words}`,
      });
    }
    await page.goto(`${baseUrl}annotations/`);
    await waitUntil(page, () => document.querySelectorAll('.my-notes .reader-note').length === 3, [], { message: 'three annotations listed' });
    await page.screenshot('annotations', { fullPage: true });
    const before = await stored(page);

    // Export: the page's own Blob, kept; its download stopped.
    await page.evaluate(() => {
      const w = window as unknown as { __exports: { name: string; blob: Blob }[] };
      w.__exports = [];
      const create = URL.createObjectURL.bind(URL);
      const blobs = new Map<string, Blob>();
      URL.createObjectURL = (blob: Blob) => {
        const href = create(blob);
        blobs.set(href, blob);
        return href;
      };
      document.addEventListener(
        'click',
        (event) => {
          const link = event.target as HTMLAnchorElement;
          if (link.tagName === 'A' && link.hasAttribute('download') && blobs.has(link.href)) {
            event.preventDefault();
            w.__exports.push({ name: link.download, blob: blobs.get(link.href)! });
          }
        },
        true,
      );
      window.confirm = () => true;
    });
    await page.click('[data-action="export-json"]');
    const exported = await waitUntil(
      page,
      () => {
        const w = window as unknown as { __exports: { name: string; blob: Blob }[] };
        return w.__exports[0] ? w.__exports[0].blob.text().then((t) => ({ name: w.__exports[0]!.name, text: t })) : null;
      },
      [],
      { message: 'the export' },
    );
    expect(exported.name).toMatch(/^cixi-2021-annotations-\d{4}-\d{2}-\d{2}\.json$/);
    const collection = JSON.parse(exported.text);
    expect(collection.total).toBe(3);

    await page.click('[data-action="clear"]');
    await waitUntil(page, (key: string) => localStorage.getItem(key) === null, [KEY], { message: 'the store to be cleared' });
    const file = join(mkdtempSync(join(tmpdir(), 'edition-export-')), exported.name);
    writeFileSync(file, exported.text);
    await page.setInputFile('input[data-action="import"]', file);
    await waitUntil(page, () => /新增 3 条/.test(document.querySelector('.my-notes__message')?.textContent ?? ''), [], { message: 'the import' });
    const byId = (list: Stored[]) => [...list].sort((a, b) => a.id.localeCompare(b.id));
    expect(byId(await stored(page))).toEqual(byId(before));
    expect(await page.evaluate(() => document.querySelectorAll('.my-notes .reader-note').length)).toBe(3);
    expect(await page.errors()).toEqual([]);
    await page.close();
  });
});
