/**
 * What a cross-reference can point at, and where each target lives: every ¶, part and section
 * of the report, with its chapter's URL segment and its Chinese label. Computed from the source
 * and the edition's chapter slugs at configuration time, for the markdown plugins.
 */
import type { EditionChapter } from '../edition/load-edition.ts';
import { chapterLabel } from './labels.ts';
import { numeral } from './numerals.ts';
import type { ReportModel } from './parse-report.ts';

export interface Target {
  /** `p-12`, `part-3`, `part-3-2`: the anchor on the chapter page. */
  anchor: string;
  /** The chapter's URL segment. */
  slug: string;
  /** ¶12, 第三部分, 三（二）. */
  label: string;
  /** The heading or the start of the text, for tooltips. */
  title: string;
}

export interface Targets {
  paragraphs: Map<number, Target>;
  /** Keyed `3` for a part, `3-2` for a section. */
  parts: Map<string, Target>;
}

/** Every target of the report. */
export function reportTargets(model: ReportModel, chapters: readonly EditionChapter[]): Targets {
  const slugOfPart = new Map(chapters.filter((c) => c.part).map((c) => [c.part!, c.slug]));
  const opening = chapters.find((c) => !c.part)?.slug ?? 'opening';
  const paragraphs = new Map<number, Target>();
  const parts = new Map<string, Target>();
  const head = (text: string) => Array.from(text).slice(0, 24).join('') + '…';
  for (const p of model.opening) paragraphs.set(p.n, { anchor: `p-${p.n}`, slug: opening, label: `¶${p.n}`, title: head(p.text) });
  for (const part of model.parts) {
    const slug = slugOfPart.get(part.n) ?? `part-${part.n}`;
    parts.set(String(part.n), { anchor: `part-${part.n}`, slug, label: chapterLabel(part.n), title: part.title });
    for (const block of part.blocks) {
      const list = block.type === 'paragraph' ? [block.paragraph] : block.section.paragraphs;
      for (const p of list) paragraphs.set(p.n, { anchor: `p-${p.n}`, slug, label: `¶${p.n}`, title: head(p.text) });
      if (block.type === 'section') {
        const s = block.section;
        parts.set(s.id, { anchor: `part-${s.id}`, slug, label: `${numeral(part.n)}（${numeral(s.n)}）`, title: s.title });
      }
    }
  }
  return { paragraphs, parts };
}
