/**
 * The exported W3C Web Annotations in another client: Apache Annotator (@apache-annotator/dom,
 * bundled for the browser with esbuild when the test runs) anchors every exported annotation in
 * the chapter page by its top-level TextQuoteSelector alone, within the element the
 * FragmentSelector names (`#p-N`), as a generic client would: over the page's DOM text, ¶ number
 * and note markers included. Each must match exactly once and land on the words the edition
 * highlights: a quote that occurs twice in its paragraph, one across a glossary link, one at the
 * start of a paragraph and one ending at a note marker among them. And Apache Annotator's own
 * description of a highlighted range quotes the same words.
 */
import { readFileSync } from 'node:fs';
import { build } from 'esbuild';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import { quoteAt } from '../../src/annotate/anchoring.ts';
import { annotationsKey } from '../../src/annotate/storage-key.ts';
import type { Annotation } from '../../src/annotate/web-annotation.ts';
import { readEdition } from '../../src/edition/load-edition.ts';
import { sourceParagraphs } from '../../src/report/source.ts';
import { collectErrors, launch } from '../support/browser.ts';
import { seedAnnotations } from '../support/seed-annotations.ts';

const edition = readEdition('content');
const STORAGE_KEY = annotationsKey(edition.id);
const baseUrl = inject('baseUrl');
const text = sourceParagraphs();
let browser: Browser;
let annotator: string;

beforeAll(async () => {
  browser = await launch();
  const bundle = await build({
    stdin: {
      contents: "export { createTextQuoteSelectorMatcher, describeTextQuote } from '@apache-annotator/dom';",
      resolveDir: process.cwd(),
      loader: 'js',
    },
    bundle: true,
    format: 'iife',
    globalName: '__annotator',
    platform: 'browser',
    write: false,
    logLevel: 'silent',
  });
  annotator = `${bundle.outputFiles[0]!.text};window.__annotator = __annotator;`;
});
afterAll(async () => browser?.close());

/** An annotation of [start, end) of ¶n, as the edition stores it. */
function annotation(n: number, start: number, end: number, color: Annotation['color'] = 'yellow', note = ''): Annotation {
  const t = text.get(n)!;
  const hex = [...Array(32)].map(() => Math.floor(Math.random() * 16).toString(16)).join('');
  const id = `urn:uuid:${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20)}`;
  const position = { start, end };
  return { id, paragraph: n, quote: quoteAt(t, position), position, color, note, created: '2026-11-20T08:00:00.000Z', modified: '2026-11-20T08:00:00.000Z' };
}

/** The `occurrence`-th `quote` in ¶n. */
function of(n: number, quote: string, occurrence = 0, color?: Annotation['color'], note?: string): Annotation {
  const t = text.get(n)!;
  let at = -1;
  for (let i = 0; i <= occurrence; i++) at = t.indexOf(quote, at + 1);
  if (at < 0) throw new Error(`“${quote}” is not in ¶${n}`);
  return annotation(n, at, at + quote.length, color, note);
}

const seed = (context: BrowserContext, list: Annotation[]) => seedAnnotations(context, STORAGE_KEY, list);

/** The first paragraph of the report with a note marker in it, and its report text before the marker. */
async function paragraphWithNote(page: Page): Promise<{ n: number; before: string }> {
  for (const { slug } of edition.chapters) {
    await page.goto(`${baseUrl}${slug}/`);
    const found = await page.evaluate(() => {
      const marker = document.querySelector('.para .note-ref');
      if (!marker) return undefined;
      const para = marker.closest('.para')!;
      const range = document.createRange();
      range.setStart(para, 0);
      range.setEndBefore(marker);
      const before = document.createElement('div');
      before.append(range.cloneContents());
      for (const ui of before.querySelectorAll('[data-edition-ui]')) ui.remove();
      return { n: Number(para.id.slice(2)), before: before.textContent ?? '' };
    });
    if (found) return found;
  }
  throw new Error('本版正文中没有注释标记（.note-ref），无法测试紧挨注释标记的引文。');
}

type Selector = { type: string; exact: string; prefix?: string; suffix?: string; value?: string };
type Exported = { id: string; target: { source: string; selector: Selector[] } };

test('Apache Annotator anchors every exported annotation by its TextQuoteSelector, on the words the edition highlights', async () => {
  const probe = await browser.newPage();
  const noted = await paragraphWithNote(probe);
  await probe.close();
  expect(text.get(noted.n)!.startsWith(noted.before)).toBe(true);

  const twice = '亩均';
  expect(text.get(12)!.split(twice).length - 1).toBeGreaterThanOrEqual(2);
  const list = [
    of(12, twice, 0, 'yellow'),
    of(12, twice, 1, 'pink', '第二处'),
    of(48, '落实建设用地“增存挂钩”机制', 0, 'green', '跨过名词解释链接'),
    annotation(2, 0, 4, 'blue'),
    annotation(noted.n, noted.before.length - 6, noted.before.length, 'yellow', '紧挨注释标记'),
  ];
  // Ends right at the note marker.
  expect(text.get(noted.n)!.slice(list[4]!.position.start, list[4]!.position.end)).toBe(noted.before.slice(-6));

  const context = await browser.newContext({ acceptDownloads: true });
  await seed(context, list);
  const page = await context.newPage();
  const errors = collectErrors(page);
  await page.goto(`${baseUrl}annotations/`);
  await page.locator('.my-notes__chapter').first().waitFor();
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-action="export-json"]').click()]);
  const collection = JSON.parse(readFileSync((await download.path())!, 'utf8')) as { first: { items: Exported[] } };
  const items = collection.first.items;
  expect(items.map((i) => i.id).sort()).toEqual(list.map((a) => a.id).sort());

  const bySource = new Map<string, Exported[]>();
  for (const item of items) bySource.set(item.target.source, [...(bySource.get(item.target.source) ?? []), item]);
  let checked = 0;
  for (const [source, exported] of bySource) {
    await page.goto(source);
    // The edition paints every annotation of the page.
    await expect.poll(() => page.evaluate(() => [...CSS.highlights.keys()].filter((k) => /^anno-(yellow|green|blue|pink)$/.test(k)).length)).toBeGreaterThan(0);
    await page.evaluate(annotator);
    for (const item of exported) {
      const quote = item.target.selector.find((s) => s.type === 'TextQuoteSelector')!;
      const fragment = item.target.selector.find((s) => s.type === 'FragmentSelector')!;
      const stored = list.find((a) => a.id === item.id)!;
      expect(quote.exact).toBe(stored.quote.exact);
      expect(fragment.value).toBe(`p-${stored.paragraph}`);
      const result = await page.evaluate(
        async ([selector, id, color]) => {
          type Annotator = {
            createTextQuoteSelectorMatcher: (s: unknown) => (scope: Node) => AsyncIterable<Range>;
            describeTextQuote: (r: Range, scope: Node) => Promise<{ exact: string }>;
          };
          const aa = (window as unknown as { __annotator: Annotator }).__annotator;
          const scope = document.getElementById(id as string)!;
          // Offsets in the paragraph's report text (without edition UI), as the edition counts them.
          const walker = document.createTreeWalker(scope, NodeFilter.SHOW_TEXT, {
            acceptNode: (node) => (node.parentElement?.closest('[data-edition-ui]') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
          });
          const nodes: { node: Node; start: number }[] = [];
          let length = 0;
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            nodes.push({ node, start: length });
            length += (node as Text).length;
          }
          const offset = (container: Node, at: number) => {
            const hit = nodes.find((x) => x.node === container);
            if (hit) return hit.start + at;
            // A boundary between nodes: the report text before it.
            const probe = document.createRange();
            probe.setStart(container, at);
            return nodes.filter((x) => probe.comparePoint(x.node, 0) < 0).reduce((n, x) => n + (x.node as Text).length, 0);
          };
          const interval = (r: Range) => [offset(r.startContainer, r.startOffset), offset(r.endContainer, r.endOffset)];
          const matches: Range[] = [];
          for await (const range of aa.createTextQuoteSelectorMatcher(selector)(scope)) matches.push(range.cloneRange());
          // What the edition paints in this paragraph in the annotation's colour, joined where ranges meet.
          const painted = [...(CSS.highlights.get(`anno-${color}`) ?? [])]
            .filter((r) => scope.contains(r.startContainer))
            .map((r) => interval(r as Range))
            .sort((a, b) => a[0]! - b[0]!)
            .reduce<number[][]>((out, r) => {
              const last = out[out.length - 1];
              if (last && last[1] === r[0]) last[1] = r[1]!;
              else out.push([...r]);
              return out;
            }, []);
          const described = matches[0] ? await aa.describeTextQuote(matches[0], scope) : undefined;
          return { found: matches.map((r) => ({ text: r.toString(), at: interval(r) })), painted, described: described?.exact };
        },
        [quote, fragment.value!, stored.color] as const,
      );
      // Exactly one place, the stored words, on a range the edition highlights.
      expect(result.found, `${stored.quote.exact} in ¶${stored.paragraph}`).toHaveLength(1);
      expect(result.found[0]!.at).toEqual([stored.position.start, stored.position.end]);
      expect(result.painted).toContainEqual([stored.position.start, stored.position.end]);
      expect(result.described).toBe(stored.quote.exact);
      checked++;
    }
  }
  expect(checked).toBe(list.length);
  // The quote of the second “亩均” needs context to tell it from the first; the one at the note
  // marker is distinct on its page without any, so nothing of it reaches past the marker.
  const second = items.find((i) => i.id === list[1]!.id)!.target.selector[0]!;
  expect((second.prefix ?? '') + (second.suffix ?? '')).not.toBe('');
  expect(items.find((i) => i.id === list[4]!.id)!.target.selector[0]!.suffix).toBe('');
  expect(errors).toEqual([]);
  await context.close();
});
