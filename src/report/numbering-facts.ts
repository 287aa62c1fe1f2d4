/**
 * The facts the "about" page states about the numbering readers cite by, computed from the
 * report's structure so that they are true of any edition: which lines are headings, where the
 * numbering starts and ends, which parts have run-in section heads or topic sentences, and the
 * ranges of the part and section anchors.
 */
import { chapterLabel } from './labels.ts';
import { numeral } from './numerals.ts';
import type { Part, ReportModel, Section } from './parse-report.ts';

export interface PartFacts {
  /** 第一部分. */
  label: string;
  n: number;
  sections: Section[];
  /** Sections whose head opens their first paragraph: （一）抗疫战疫赢得高分报表。… */
  runIn: Section[];
  /** Sections whose heading stands on its own line. */
  standalone: Section[];
}

export interface NumberingFacts {
  first: { n: number; head: string };
  last: { n: number; head: string };
  /** 一、二、三 */
  partNumerals: string;
  parts: PartFacts[];
  /** The first run-in head, as an example: （一）抗疫战疫赢得高分报表。 */
  runInExample?: string;
  /** The first standalone section heading: （一）聚焦抢抓机遇，力促区位提级扩能 */
  standaloneExample?: string;
  /** The first topic sentence in a standalone section: 提升内外交通能级。 */
  topicExample?: string;
  /** `part-1` 至 `part-3`. */
  partAnchors: [string, string];
  /** Per part with sections: `part-1-1` 至 `part-1-6`. */
  sectionAnchors: [string, string][];
}

const sectionsOf = (part: Part) => part.blocks.flatMap((b) => (b.type === 'section' ? [b.section] : []));
/** The opening words of a paragraph: up to the first mark after its sixth character, at most 20. */
const head = (text: string) => {
  const chars = Array.from(text);
  const stop = chars.findIndex((c, i) => i >= 6 && /[，。！？；：、]/.test(c));
  return chars.slice(0, stop === -1 ? 20 : Math.min(stop, 20)).join('');
};

/** The run of section numerals of a list of sections, quoted: `“（一）”至“（六）”`, or `“（一）”` for one. */
export function sectionSpan(sections: readonly Section[]): string {
  const first = `（${numeral(sections[0]!.n)}）`;
  return sections.length === 1 ? `“${first}”` : `“${first}”至“（${numeral(sections.at(-1)!.n)}）”`;
}

export function numberingFacts(model: ReportModel): NumberingFacts {
  const parts: PartFacts[] = model.parts.map((part) => {
    const sections = sectionsOf(part);
    return {
      label: chapterLabel(part.n),
      n: part.n,
      sections,
      runIn: sections.filter((s) => s.kind === 'run-in'),
      standalone: sections.filter((s) => s.kind === 'standalone'),
    };
  });
  const all = parts.flatMap((p) => p.sections);
  const runIn = all.find((s) => s.kind === 'run-in');
  const standalone = all.filter((s) => s.kind === 'standalone');
  const topic = standalone.flatMap((s) => s.paragraphs).find((p) => p.runIn)?.runIn;
  const firstP = model.paragraphs[0]!;
  const lastP = model.paragraphs.at(-1)!;
  return {
    first: { n: firstP.n, head: head(firstP.text) },
    last: { n: lastP.n, head: head(lastP.text) },
    partNumerals: model.parts.map((p) => numeral(p.n)).join('、'),
    parts,
    runInExample: runIn ? `${runIn.title}。` : undefined,
    standaloneExample: standalone[0]?.title,
    topicExample: topic,
    partAnchors: [`part-1`, `part-${model.parts.length}`],
    sectionAnchors: parts.filter((p) => p.sections.length).map((p) => [`part-${p.sections[0]!.id}`, `part-${p.sections.at(-1)!.id}`]),
  };
}
