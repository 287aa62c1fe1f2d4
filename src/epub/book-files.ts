/**
 * The book's file names, in one place, and where a link of the built site goes inside the book.
 * Every content document sits in one folder (`EPUB/`), so a link between them is a bare file
 * name and never climbs a folder: nothing to get wrong when the site's base path changes.
 */
import type { Edition } from '../edition/load-edition.ts';

/** The folder of the package document and every content document, inside the zip. */
export const PACKAGE_DIR = 'EPUB';

export const FILES = {
  package: 'package.opf',
  nav: 'nav.xhtml',
  cover: 'cover.xhtml',
  coverImage: 'cover.svg',
  style: 'style.css',
  glossary: 'glossary.xhtml',
  indicators: 'indicators.xhtml',
  about: 'about.xhtml',
  ncx: 'toc.ncx',
} as const;

/** The sections of the site's 关于本版 page the book's own 关于本版 carries over (see `about.ts`). */
export const ABOUT_SECTIONS = ['source', 'numbering', 'emendations'] as const;

/** The content document of a chapter: `chapter-<slug>.xhtml`, so no chapter can take another file's name. */
export function chapterFile(slug: string): string {
  return `chapter-${slug}.xhtml`;
}

/** What a link needs to know about the book. */
export interface LinkContext {
  /** The site's base path, `/` or `/reports/<id>/`. */
  base: string;
  /** The file the link is in. */
  file: string;
  /** Chapter slugs in reading order. */
  slugs: readonly string[];
  /** ¶ number → the slug of the chapter that holds it. */
  chapterOf: (n: number) => string | undefined;
  hasGlossary: boolean;
  hasIndicators: boolean;
  /** The edition on the web, ending in `/`, if the settings say. */
  publicUrl?: string;
}

/** `file#frag`, or `#frag` inside the same file. */
function inBook(context: LinkContext, file: string, frag: string | undefined): string {
  if (file === context.file) return frag ? `#${frag}` : file;
  return frag ? `${file}#${frag}` : file;
}

/**
 * Where an `href` of a built page goes in the book: a file of the book, the edition on the web
 * (when `publicUrl` is set) for pages the book does not hold, an outside address as it is, or
 * null for a page of the site the book cannot reach (the link is then dropped, its words kept).
 */
export function bookHref(href: string, context: LinkContext): string | null {
  if (href.startsWith('#')) return href;
  if (/^(https?:|mailto:)/.test(href)) return href;
  if (!href.startsWith(context.base)) return null;
  const [path = '', frag] = href.slice(context.base.length).split('#') as [string, string | undefined];
  if (path === '') return inBook(context, FILES.nav, frag ?? 'toc');
  const slug = path.replace(/\/$/, '');
  if (context.slugs.includes(slug)) return inBook(context, chapterFile(slug), frag);
  const permalink = /^p\/(\d+)\/$/.exec(path);
  const holder = permalink ? context.chapterOf(Number(permalink[1])) : undefined;
  if (permalink && holder) return inBook(context, chapterFile(holder), `p-${permalink[1]}`);
  if (path === 'glossary/' && context.hasGlossary) return inBook(context, FILES.glossary, frag);
  if (path === 'indicators/' && context.hasIndicators) return inBook(context, FILES.indicators, frag);
  if (path === 'about/' && (!frag || (ABOUT_SECTIONS as readonly string[]).includes(frag))) return inBook(context, FILES.about, frag);
  return context.publicUrl ? context.publicUrl + href.slice(context.base.length) : null;
}

/** The web address of ¶n, when the edition's address is known. */
export function webPermalink(edition: Pick<Edition, 'publicUrl'>, n: number): string | undefined {
  return edition.publicUrl ? `${edition.publicUrl}p/${n}/` : undefined;
}
