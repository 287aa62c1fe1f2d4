/**
 * Builds the EPUB 3 edition from the built site, as `src/offline/` builds the offline file: the
 * chapter pages, the glossary, the indicator tables and the about page are read from `dist/` and
 * converted to XHTML, so the book says exactly what the site says (the same text, the same
 * notes, glossary entries, cross-references and data checks), with nothing to keep in step. The
 * alternative, rendering the chapter MDX a second time, would need every remark plugin's output
 * reproduced outside Astro and could drift from the pages the site's tests check.
 *
 * Returns the packed book and, for the tests, the files it holds.
 */
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import type { Edition } from '../edition/load-edition.ts';
import { reportTargets } from '../report/targets.ts';
import { bookAbout } from './about.ts';
import { accessibilityMetadata } from './accessibility.ts';
import { FILES, type LinkContext } from './book-files.ts';
import { bookChapter, type BookChapter, type GlossarySummaries } from './chapter.ts';
import { coverPage, coverSvg } from './cover.ts';
import { bookGlossary, type BackMatter } from './glossary.ts';
import { bookIdentifier } from './identifier.ts';
import { bookIndicators } from './indicators.ts';
import { bookContents, navDocument, outlineFromHome } from './nav.ts';
import { ncxDocument } from './ncx.ts';
import { packEpub } from './pack.ts';
import { packageDocument, type ManifestItem } from './package-document.ts';

/** The stylesheet ships as a file of the project; builds run from the project's root. */
const STYLESHEET = join(process.cwd(), 'src/epub/style.css');

export interface EpubInput {
  /** The built site's folder. */
  dist: string;
  /** The site's base path, `/` or `/reports/<id>/`. */
  base: string;
  edition: Edition;
  /** When the book was last changed: `dcterms:modified` and the zip's dates. */
  modified: Date;
}

export interface Epub {
  bytes: Uint8Array;
  /** Paths inside `EPUB/` → contents, in manifest order. */
  files: Map<string, string>;
  chapters: BookChapter[];
}

const XHTML = 'application/xhtml+xml';

/** `2024-01-10T08:00:00Z`: the form `dcterms:modified` requires (no milliseconds). */
export function modifiedStamp(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** What the book is, in a sentence, naming only the apparatus it has. */
function description(edition: Edition, chapters: BookChapter[]): string {
  const { titleBlock, citation } = edition;
  const extras = [chapters.some((c) => c.notes > 0) && '编者注', edition.paths.glossary && '名词解释', edition.paths.indicators && '主要指标'].filter(Boolean);
  return `${edition.issuer}《${citation.title}》（${titleBlock.speaker.role}${titleBlock.speaker.name}${citation.subtitle}所作）的阅读注释版：原文逐字照录，分章排印，每段有固定编号（¶）${
    extras.length ? `，附${extras.join('、')}` : ''
  }。`;
}

export function buildEpub(input: EpubInput): Epub {
  const { dist, base, edition } = input;
  const page = (path: string) => parseHTML(readFileSync(join(dist, path, 'index.html'), 'utf8')).document as unknown as Document;
  const slugs = edition.chapters.map((c) => c.slug);
  const targets = reportTargets(edition.source.model, edition.chapters);
  const links: Omit<LinkContext, 'file'> = {
    base,
    slugs,
    chapterOf: (n) => targets.paragraphs.get(n)?.slug,
    hasGlossary: !!edition.paths.glossary,
    hasIndicators: !!edition.paths.indicators,
    publicUrl: edition.publicUrl,
  };
  const summariesFile = join(dist, 'glossary-summaries.json');
  const summaries: GlossarySummaries | undefined =
    edition.paths.glossary && existsSync(summariesFile) ? JSON.parse(readFileSync(summariesFile, 'utf8')) : undefined;

  const chapters = slugs.map((slug) =>
    bookChapter({
      page: page(`${slug}/`),
      slug,
      paragraphs: [...targets.paragraphs].filter(([, t]) => t.slug === slug).map(([n]) => n),
      edition,
      links,
      summaries,
    }),
  );
  const back: BackMatter[] = [];
  if (edition.paths.glossary) back.push(bookGlossary(page('glossary/'), edition.language, links));
  if (edition.paths.indicators) back.push(bookIndicators(page('indicators/'), edition.language, links));

  const hasMath = chapters.some((c) => c.hasMath) || back.some((b) => b.hasMath);
  const accessibility = accessibilityMetadata({
    hasMath,
    hasGlossary: chapters.some((c) => c.terms.length > 0),
    hasIndicators: !!edition.paths.indicators,
    hasEditorialNotes: chapters.some((c) => c.notes > 0),
    linksToWeb: !!edition.publicUrl,
  });
  const about = bookAbout(page('about/'), edition, links, accessibility);
  back.push(about);

  const navInput = {
    language: edition.language,
    outline: outlineFromHome(page(''), links),
    slugs,
    hasGlossary: !!edition.paths.glossary,
    hasIndicators: !!edition.paths.indicators,
  };
  const identifier = bookIdentifier(edition);

  const files = new Map<string, string>();
  const items: ManifestItem[] = [];
  const add = (id: string, href: string, content: string, mediaType: string, extra: Partial<ManifestItem> = {}) => {
    files.set(href, content);
    items.push({ id, href, mediaType, ...extra });
  };
  add('cover', FILES.cover, coverPage(edition), XHTML, { spine: true });
  add('nav', FILES.nav, navDocument(navInput), XHTML, { spine: true, properties: ['nav'] });
  chapters.forEach((c, i) => add(`chapter-${i + 1}`, c.file, c.xhtml, XHTML, { spine: true, properties: c.hasMath ? ['mathml'] : [] }));
  for (const b of back) add(b.file.replace(/\.xhtml$/, ''), b.file, b.xhtml, XHTML, { spine: true, properties: b.hasMath ? ['mathml'] : [] });
  add('cover-image', FILES.coverImage, coverSvg(edition), 'image/svg+xml', { properties: ['cover-image'] });
  add('style', FILES.style, readFileSync(STYLESHEET, 'utf8'), 'text/css');
  add('ncx', FILES.ncx, ncxDocument({ identifier, title: edition.citation.title, language: edition.language, entries: bookContents(navInput) }), 'application/x-dtbncx+xml');

  const { citation } = edition;
  const opf = packageDocument({
    identifier,
    title: citation.title,
    subtitle: citation.subtitle,
    creator: edition.issuer,
    date: citation.issued,
    language: edition.language,
    modified: modifiedStamp(input.modified),
    description: description(edition, chapters),
    source: edition.publicUrl,
    accessibility,
    items,
  });
  files.set(FILES.package, opf);
  return { bytes: packEpub(files, input.modified), files, chapters };
}
