/**
 * The EPUB edition, `downloads/<id>.epub`, checked on every edition's build: a valid container
 * (`mimetype` first and stored), metadata from the edition's settings, a contents list that is
 * the site's outline, the paragraph contract inside the book (`#p-N` is source line N once the
 * `data-edition-ui` elements are left out), notes that resolve, MathML without fonts or scripts,
 * its link and size on the home page; then EPUBCheck with no error and no warning, DAISY Ace
 * with no serious or critical violation, and two chapters drawn in Chromium at phone size, light
 * and dark, for people to look at.
 */
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, test } from 'vitest';
import { currentEdition } from '../../src/edition/load-edition.ts';
import { chapterFile, FILES, PACKAGE_DIR } from '../../src/epub/book-files.ts';
import { bookIdentifier } from '../../src/epub/identifier.ts';
import { downloadPaths, formatSize } from '../../src/integrations/downloads.ts';
import { reportTargets } from '../../src/report/targets.ts';
import { loadSource } from '../../src/report/source.ts';
import { SCREENSHOTS, useBrowser } from '../support/browser.ts';
import { ace, epubcheck, epubType, extract, readBook, xhtml, xml, type Book } from '../support/epub.ts';
import { DIST, exists, load, reportText } from '../support/site.ts';

const edition = currentEdition();
const report = loadSource();
const targets = reportTargets(report, edition.chapters);
const bookPath = join(DIST, downloadPaths(edition).epub);
/** Names this edition's reports and screenshots: two test editions may share an id. */
const LABEL = `${edition.id}-${basename(edition.dir)}`;
/** Where the checkers' reports and the unpacked book go, one folder per edition. */
const WORK = join('test-results', 'epub', LABEL);

let book: Book;
const file = (name: string) => {
  const text = book.files.get(`${PACKAGE_DIR}/${name}`);
  if (text === undefined) throw new Error(`the book has no ${name}`);
  return text;
};
const contentDocs = () => [...book.files.keys()].filter((n) => n.endsWith('.xhtml')).map((n) => n.slice(PACKAGE_DIR.length + 1));

beforeAll(() => {
  expect(exists(downloadPaths(edition).epub), `${bookPath} was not built`).toBe(true);
  book = readBook(bookPath);
});

describe('container', () => {
  test('mimetype is the first entry, stored, without extra field, and says application/epub+zip', () => {
    const first = book.entries[0]!;
    expect(first.name).toBe('mimetype');
    expect(first.method, 'stored, not compressed').toBe(0);
    expect(first.extraLength).toBe(0);
    expect(book.files.get('mimetype')).toBe('application/epub+zip');
  });

  test('container.xml names the package document', () => {
    const container = xml(book.files.get('META-INF/container.xml')!, 'META-INF/container.xml');
    const rootfile = container.getElementsByTagName('rootfile')[0]!;
    expect(rootfile.getAttribute('full-path')).toBe(`${PACKAGE_DIR}/${FILES.package}`);
    expect(rootfile.getAttribute('media-type')).toBe('application/oebps-package+xml');
  });
});

test('every XML file of the book is well-formed: an XML parser reads it without an error or a warning', () => {
  const xmlFiles = [...book.files.keys()].filter((n) => /\.(xhtml|opf|ncx|xml)$/.test(n));
  expect(xmlFiles).toContain('META-INF/container.xml');
  expect(xmlFiles.filter((n) => n.endsWith('.xhtml')).length).toBeGreaterThan(edition.chapters.length);
  for (const name of xmlFiles) expect(() => xml(book.files.get(name)!, name), name).not.toThrow();
});

describe('package document', () => {
  const opf = () => xml(file(FILES.package), FILES.package);
  const text = (tag: string) => [...opf().getElementsByTagName(tag)].map((e) => e.textContent?.trim());
  const metas = (property: string) => [...opf().getElementsByTagName('meta')].filter((m) => m.getAttribute('property') === property).map((m) => m.textContent?.trim());

  test('metadata from the edition settings', () => {
    expect(text('dc:identifier')).toEqual([bookIdentifier(edition)]);
    expect(text('dc:title')[0]).toBe(edition.citation.title);
    expect(text('dc:creator')).toEqual([edition.issuer]);
    expect(text('dc:date')).toEqual([edition.citation.issued]);
    expect(text('dc:language')).toEqual(['zh-CN']);
    expect(edition.language).toBe('zh-CN');
    const [modified] = metas('dcterms:modified');
    expect(modified).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
  });

  test('accessibility metadata says only what the book does', () => {
    expect(metas('schema:accessMode')).toEqual(['textual']);
    expect(metas('schema:accessModeSufficient')).toEqual(['textual']);
    expect(metas('schema:accessibilityHazard')).toEqual(['none']);
    expect(metas('schema:accessibilitySummary')[0]!.length).toBeGreaterThan(20);
    const features = metas('schema:accessibilityFeature');
    for (const f of ['structuralNavigation', 'tableOfContents', 'readingOrder']) expect(features).toContain(f);
    const hasMath = contentDocs().some((d) => file(d).includes('<math'));
    expect(features.includes('MathML'), 'MathML is claimed exactly when the book has formulas').toBe(hasMath);
    // No image in the content, so no claim about alternative text; no conformance claim without an evaluation.
    expect(features).not.toContain('alternativeText');
    expect(metas('dcterms:conformsTo')).toEqual([]);
    for (const d of contentDocs()) expect(file(d), d).not.toMatch(/<img|<svg|<video|<audio/);
  });

  test('the manifest lists every file, with the properties each needs; the spine is the report order', () => {
    const doc = opf();
    const items = [...doc.getElementsByTagName('item')];
    const hrefs = items.map((i) => `${PACKAGE_DIR}/${i.getAttribute('href')}`).sort();
    expect(hrefs).toEqual([...book.files.keys()].filter((n) => n.startsWith(`${PACKAGE_DIR}/`) && !n.endsWith(FILES.package)).sort());
    for (const item of items) {
      const href = item.getAttribute('href')!;
      const props = (item.getAttribute('properties') ?? '').split(/\s+/);
      if (href.endsWith('.xhtml')) expect(props.includes('mathml'), `${href} mathml property`).toBe(file(href).includes('<math'));
    }
    expect(items.find((i) => i.getAttribute('properties')?.includes('nav'))?.getAttribute('href')).toBe(FILES.nav);
    expect(items.find((i) => i.getAttribute('properties')?.includes('cover-image'))?.getAttribute('href')).toBe(FILES.coverImage);

    const byId = new Map(items.map((i) => [i.getAttribute('id'), i.getAttribute('href')]));
    const spine = [...doc.getElementsByTagName('itemref')].map((r) => byId.get(r.getAttribute('idref')));
    const back = [edition.paths.glossary && FILES.glossary, edition.paths.indicators && FILES.indicators, FILES.about].filter(Boolean);
    expect(spine).toEqual([FILES.cover, FILES.nav, ...edition.chapters.map((c) => chapterFile(c.slug)), ...back]);
  });

  test('no scripts, no fonts, no remote resources; a short stylesheet', () => {
    for (const name of book.files.keys()) expect(name).not.toMatch(/\.(js|woff2?|ttf|otf)$/);
    for (const d of contentDocs()) {
      expect(file(d), d).not.toMatch(/<script|\son\w+="/);
      for (const el of xhtml(file(d)).querySelectorAll('link[href], img[src]')) expect(el.getAttribute('href') ?? el.getAttribute('src'), d).not.toMatch(/^[a-z]+:/);
    }
    const css = file(FILES.style);
    expect(css).not.toMatch(/@font-face|url\(|@import/);
    expect(css).not.toMatch(/font-size:\s*[\d.]+(px|pt)/); // text sizes in em: the reader's size setting scales all of it
    expect(css.length).toBeLessThan(8 * 1024);
  });
});

describe('navigation', () => {
  const nav = () => xhtml(file(FILES.nav));
  const tocNav = () => [...nav().querySelectorAll('nav')].find((n) => epubType(n).includes('toc'))!;

  test('the contents are the site outline: each chapter, then its sections, in order', () => {
    const top = [...tocNav().querySelector('ol')!.children].map((li) => li.querySelector('a')!.getAttribute('href'));
    const chapters = edition.chapters.map((c) => chapterFile(c.slug));
    expect(top.filter((h) => h!.startsWith('chapter-'))).toEqual(chapters);
    expect(top[0]).toBe(FILES.cover);
    for (const li of tocNav().querySelector('ol')!.children) {
      const href = li.querySelector('a')!.getAttribute('href')!;
      const chapter = edition.chapters.find((c) => chapterFile(c.slug) === href);
      if (!chapter) continue;
      const part = report.parts.find((p) => p.n === chapter.part);
      const sections = part ? part.blocks.flatMap((b) => (b.type === 'section' ? [`${href}#part-${b.section.id}`] : [])) : [];
      const children = [...(li.querySelector('ol')?.querySelectorAll('a') ?? [])].map((a) => a.getAttribute('href'));
      expect(children, href).toEqual(sections);
    }
    // The same titles as the site's contents on the home page.
    const site = [...load('index.html').querySelectorAll('.toc__chapter-link .toc__title')].map((t) => t.textContent!.trim());
    const book = [...tocNav().querySelector('ol')!.children].map((li) => li.querySelector('a')!.textContent!.trim());
    expect(book.filter((t) => site.includes(t))).toEqual(site);
  });

  test('landmarks: cover, contents, the start of the report, and the glossary where there is one', () => {
    const landmarks = [...nav().querySelectorAll('nav')].find((n) => epubType(n).includes('landmarks'))!;
    const marks = [...landmarks.querySelectorAll('a')].map((a) => [epubType(a)[0], a.getAttribute('href')]);
    expect(marks).toEqual(
      [
        ['cover', FILES.cover],
        ['toc', `${FILES.nav}#toc`],
        ['bodymatter', chapterFile(edition.chapters[0]!.slug)],
        ...(edition.paths.glossary ? [['glossary', FILES.glossary]] : []),
      ],
    );
  });

  test('the cover page is the title block', () => {
    const cover = xhtml(file(FILES.cover)).body.textContent!;
    const { titleBlock } = edition;
    for (const words of [edition.issuer, titleBlock.title, ...titleBlock.occasionLines, titleBlock.speaker.name]) expect(cover).toContain(words);
  });
});

describe('the paragraph contract inside the book', () => {
  const docs = new Map<string, Document>();
  const doc = (name: string) => {
    if (!docs.has(name)) docs.set(name, xhtml(file(name)));
    return docs.get(name)!;
  };

  test('every paragraph is in exactly one place of the book', () => {
    const ids = contentDocs().flatMap((d) => [...doc(d).querySelectorAll('[id^="p-"]')].map((e) => e.id).filter((id) => /^p-\d+$/.test(id)));
    expect(ids.sort()).toEqual(report.paragraphs.map((p) => `p-${p.n}`).sort());
  });

  test.each(report.paragraphs.map((p) => [p.n, p] as const))('¶%i', (n, paragraph) => {
    const chapter = chapterFile(targets.paragraphs.get(n)!.slug);
    const element = doc(chapter).getElementById(`p-${n}`);
    expect(element, `${chapter} has no #p-${n}`).not.toBeNull();
    expect(reportText(element!)).toBe(paragraph.text);
    // The ¶ number is shown, as apparatus; it links to the web only when the edition's address is known.
    const pnum = element!.querySelector('.pnum')!;
    expect(pnum.hasAttribute('data-edition-ui')).toBe(true);
    expect(pnum.textContent).toBe(`¶${n}`);
    if (edition.publicUrl) expect(pnum.getAttribute('href')).toBe(`${edition.publicUrl}p/${n}/`);
  });

  test('each chapter says where its paragraphs are on the web', () => {
    for (const c of edition.chapters) {
      const where = doc(chapterFile(c.slug)).querySelector('.web-location')!;
      expect(where.hasAttribute('data-edition-ui')).toBe(true);
      expect(where.textContent).toMatch(edition.publicUrl ? new RegExp(`${edition.publicUrl}${c.slug}/`) : /p\/N\//);
    }
  });

  test('every noteref leads to a footnote, every footnote is cited, every link inside the book resolves', () => {
    for (const name of contentDocs()) {
      const d = doc(name);
      const refs = [...d.querySelectorAll('a')].filter((a) => epubType(a).includes('noteref'));
      const cited = new Set<string>();
      for (const ref of refs) {
        const href = ref.getAttribute('href')!;
        expect(href, `${name}: noteref ${href}`).toMatch(/^#/);
        const target = d.getElementById(href.slice(1));
        expect(target, `${name}: ${href}`).not.toBeNull();
        expect(target!.localName).toBe('aside');
        expect(epubType(target!)).toContain('footnote');
        expect(target!.hasAttribute('data-edition-ui')).toBe(true);
        cited.add(href.slice(1));
      }
      for (const aside of d.querySelectorAll('aside')) if (epubType(aside).includes('footnote')) expect(cited.has(aside.id), `${name}: #${aside.id} is not cited`).toBe(true);
      for (const a of d.querySelectorAll('a[href]')) {
        const href = a.getAttribute('href')!;
        if (/^[a-z]+:/.test(href)) {
          expect(href, `${name}: outside link`).toMatch(/^(https?|mailto):/);
          continue;
        }
        const [target = '', frag] = href.split('#');
        const into = target || name;
        expect(contentDocs(), `${name}: ${href}`).toContain(into);
        if (frag) expect(doc(into).getElementById(frag), `${name}: ${href}`).not.toBeNull();
      }
    }
  });

  test('formulas are MathML with alt text; none of KaTeX’s HTML is left', () => {
    for (const name of contentDocs()) {
      const d = doc(name);
      expect(d.querySelector('.katex, .katex-html'), name).toBeNull();
      for (const math of d.querySelectorAll('math')) expect(math.getAttribute('alttext'), name).toBeTruthy();
    }
  });

  test('glossary terms, editorial notes and indicator tables are in the book exactly when the edition has them', () => {
    const footnotes = contentDocs().flatMap((d) => [...doc(d).querySelectorAll('aside')]);
    expect(footnotes.some((a) => a.id.startsWith('term-'))).toBe(!!edition.paths.glossary);
    const siteNotes = edition.chapters.reduce((n, c) => n + load(`${c.slug}/index.html`).querySelectorAll('article .note').length, 0);
    expect(footnotes.filter((a) => a.id.startsWith('note-')).length).toBe(siteNotes);
    expect(contentDocs().includes(FILES.glossary)).toBe(!!edition.paths.glossary);
    expect(contentDocs().includes(FILES.indicators)).toBe(!!edition.paths.indicators);
    if (edition.paths.indicators) {
      const tables = doc(FILES.indicators).querySelectorAll('table');
      expect(tables.length).toBe(load('indicators/index.html').querySelectorAll('table').length);
      for (const t of tables) expect(t.querySelectorAll('thead th').length).toBeGreaterThan(0);
    }
  });
});

test('the home page links the book with its size, next to the other downloads', () => {
  const home = load('index.html');
  const link = [...home.querySelectorAll('.downloads a')].find((a) => a.getAttribute('href')!.endsWith(downloadPaths(edition).epub));
  expect(link, 'a link to the EPUB in 下载').toBeDefined();
  expect(link!.textContent).toContain('EPUB');
  expect(home.querySelector('[data-size-of="epub"]')!.textContent!.trim()).toBe(formatSize(book.bytes.length));
});

describe('checkers', () => {
  test('EPUBCheck: no fatal error, error or warning', { timeout: 300_000 }, async () => {
    const messages = await epubcheck(bookPath, WORK);
    const problems = messages.filter((m) => ['FATAL', 'ERROR', 'WARNING'].includes(m.severity));
    expect(problems.map((m) => `${m.severity} ${m.id} ${m.message} ${m.locations.slice(0, 3).join(' ')}`)).toEqual([]);
    const usage = new Map<string, number>();
    for (const m of messages) usage.set(`${m.severity} ${m.id} ${m.message}`, (usage.get(`${m.severity} ${m.id} ${m.message}`) ?? 0) + m.locations.length);
    console.log(`EPUBCheck ${LABEL}: 0 errors, 0 warnings; ${[...usage].map(([k, v]) => `${k} ×${v}`).join('; ') || 'no other messages'}`);
  });

  test('DAISY Ace: no serious or critical violation', { timeout: 300_000 }, async () => {
    const { violations } = await ace(bookPath, join(WORK, 'ace'));
    const grave = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(grave.map((v) => `${v.impact} ${v.rule} ${v.document}: ${v.detail}`)).toEqual([]);
    const other = violations.map((v) => `${v.impact} ${v.rule} ${v.document}`);
    console.log(`DAISY Ace ${LABEL}: 0 serious/critical; ${other.length ? other.join('; ') : 'no moderate or minor violations'}`);
  });
});

describe('in Chromium', () => {
  const browser = useBrowser();
  let dir: string;
  beforeAll(() => {
    dir = extract(book, join(WORK, 'unpacked'));
  });
  const open = (name: string) => pathToFileURL(join(dir, PACKAGE_DIR, name)).href;

  test('every content document is well-formed XHTML (a browser parses it as XML)', { timeout: 120_000 }, async () => {
    const page = await browser().newPage();
    for (const name of contentDocs()) {
      await page.goto(open(name));
      expect(await page.evaluate(() => document.contentType), name).toBe('application/xhtml+xml');
      expect(await page.locator('parsererror').count(), `${name} is not well-formed`).toBe(0);
    }
    await page.close();
  });

  // The first part, with the most apparatus, and the last chapter.
  const shown = [...new Set([edition.chapters[1]!.slug, edition.chapters.at(-1)!.slug])];
  test.each(shown.flatMap((slug) => (['light', 'dark'] as const).map((scheme) => [slug, scheme] as const)))(
    '%s at 360×740, %s',
    { timeout: 60_000 },
    async (slug, scheme) => {
      const page = await browser().newPage({ viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, colorScheme: scheme });
      await page.goto(open(chapterFile(slug)));
      // Nothing runs off the side of a phone.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
      await page.screenshot({ path: join(SCREENSHOTS, `epub-${LABEL}-${slug}-${scheme}.png`) });
      // The chapter's end: its footnotes, as a reading system without pop-ups shows them.
      const notes = page.locator('.footnotes').first();
      if (await notes.count()) {
        await page.evaluate(() => document.querySelector('.footnotes')!.scrollIntoView());
        await page.screenshot({ path: join(SCREENSHOTS, `epub-${LABEL}-${slug}-notes-${scheme}.png`) });
      }
      await page.close();
    },
  );
});
