/**
 * The anchor manifest: every citable anchor of an edition (¶ paragraphs, parts, sections) with
 * the chapter it lives on and a fingerprint of its text. Each edition commits one
 * (`<edition>/anchors.json`); a test compares the built site against it, so an anchor can only
 * disappear, move or change text by a deliberate `npm run anchors:update`.
 *
 * `npm run new` writes the first manifest of an edition from the report itself, before anything
 * is built: the text of an anchor is the report's lines it holds, which is what the built page
 * shows once the edition's own additions are left out.
 */
import { createHash } from 'node:crypto';
import type { EditionChapter } from '../edition/load-edition.ts';
import type { Paragraph, ReportModel } from './parse-report.ts';

export interface Anchor {
  id: string;
  /** The chapter page, relative to the site's base: `review-2023/`. */
  chapter: string;
  /** The first characters of the anchor's report text, for people reading the manifest. */
  head: string;
  /**
   * SHA-256 of the anchor's report text with white space removed: the layout's line breaks
   * between blocks are not text, and the report's text inside parts has no spaces of its own.
   */
  sha256: string;
}

/** An anchor from its id, chapter and report text. */
export function anchor(id: string, chapter: string, text: string): Anchor {
  const compact = text.replace(/\s+/g, '');
  return {
    id,
    chapter,
    head: Array.from(compact).slice(0, 16).join(''),
    sha256: createHash('sha256').update(compact).digest('hex'),
  };
}

/** Paragraphs first, then parts and sections, each in number order. */
export function sortAnchors(anchors: Anchor[]): Anchor[] {
  const key = (id: string) => id.split('-').map((x) => (/^\d+$/.test(x) ? x.padStart(4, '0') : x)).join('-');
  return anchors.sort((a, b) => (key(a.id) < key(b.id) ? -1 : 1));
}

/** The manifest of a report whose chapters have these slugs (the opening first). */
export function anchorManifest(model: ReportModel, chapters: readonly EditionChapter[]): Anchor[] {
  const slugOf = (part?: number) => `${chapters.find((c) => c.part === part)!.slug}/`;
  const text = (ps: readonly Paragraph[]) => ps.map((p) => p.text).join('');
  const anchors: Anchor[] = model.paragraphs.map((p) => {
    const part = model.parts.find((x) => x.blocks.some((b) => (b.type === 'paragraph' ? b.paragraph === p : b.section.paragraphs.includes(p))));
    return anchor(`p-${p.n}`, slugOf(part?.n), p.text);
  });
  for (const part of model.parts) {
    let partText = part.title;
    for (const block of part.blocks) {
      if (block.type === 'paragraph') {
        partText += block.paragraph.text;
        continue;
      }
      const s = block.section;
      const sectionText = (s.kind === 'standalone' ? s.title : '') + text(s.paragraphs);
      anchors.push(anchor(`part-${s.id}`, slugOf(part.n), sectionText));
      partText += sectionText;
    }
    anchors.push(anchor(`part-${part.n}`, slugOf(part.n), partText));
  }
  return sortAnchors(anchors);
}
