/**
 * Parses a plain-text government work report into its structure: front matter, parts, sections
 * and numbered paragraphs. Pure: takes the text, returns a model or throws a `ReportParseError`
 * that names the line and the fix.
 *
 * The conventions it reads (those of Chinese government work reports):
 * - the title block: every non-empty line before the salutation `各位代表：`;
 * - part headings `一、…`, alone on their line;
 * - section heads `（一）…`: standalone when alone on their line, run in when the line goes on
 *   after the head's full stop;
 * - every other non-empty line is one paragraph, numbered from 1 in source order.
 */
import { removeWordArtifacts, type Emendation } from './emendations.ts';

/** A heading line is short and has no sentence-ending full stop. */
const MAX_HEADING_LENGTH = 40;
/** Topic sentences that open the paragraphs of a standalone section are short. */
const MAX_TOPIC_SENTENCE_LENGTH = 24;

const CHINESE_NUMERALS = '一二三四五六七八九十';
const PART_HEADING = new RegExp(`^([${CHINESE_NUMERALS}]+)、`);
const SECTION_HEAD = new RegExp(`^（([${CHINESE_NUMERALS}]+)）`);
const SALUTATION = '各位代表：';
/** A paragraph that addresses the delegates closes the section before it. */
const ADDRESS = '各位代表！';

export interface Paragraph {
  /** ¶ number, from 1, continuous through the whole report. */
  n: number;
  /** 1-based line of the source file. */
  line: number;
  /** The paragraph's text, emendations applied. */
  text: string;
  /** The bold head the paragraph opens with, if any (a run-in section head or a topic sentence). */
  runIn?: string;
}

export interface Section {
  /** `1-1`, `3-9`: part number and section number within the part. */
  id: string;
  n: number;
  line: number;
  /** Standalone sections have a heading line; run-in sections open their first paragraph. */
  kind: 'standalone' | 'run-in';
  /** The heading text (standalone) or the run-in head without its full stop (run-in). */
  title: string;
  paragraphs: Paragraph[];
}

/** Paragraphs and sections of a part, in source order. */
export type PartBlock = { type: 'paragraph'; paragraph: Paragraph } | { type: 'section'; section: Section };

export interface Part {
  n: number;
  line: number;
  title: string;
  blocks: PartBlock[];
}

export interface ReportModel {
  /** The title block, line by line, exactly as in the source. */
  titleLines: { line: number; text: string }[];
  salutation: { line: number; text: string };
  /** Paragraphs between the salutation and the first part. */
  opening: Paragraph[];
  parts: Part[];
  /** Every paragraph, in order; `paragraphs[i].n === i + 1`. */
  paragraphs: Paragraph[];
  emendations: Emendation[];
}

/** A report that does not follow the conventions; carries the line to fix. */
export class ReportParseError extends Error {
  constructor(
    readonly line: number,
    readonly reason: string,
    readonly hint: string,
  ) {
    super(`第 ${line} 行 (line ${line}): ${reason}\n  ${hint}`);
    this.name = 'ReportParseError';
  }
}

/** Converts 一…九十九 to a number; enough for part and section numbers. */
export function chineseNumeral(text: string): number {
  const digit = (c: string) => CHINESE_NUMERALS.indexOf(c) + 1;
  if (text === '十') return 10;
  if (text.length === 1) return digit(text);
  if (text.startsWith('十')) return 10 + digit(text[1]!);
  if (text.endsWith('十')) return digit(text[0]!) * 10;
  return digit(text[0]!) * 10 + digit(text[2]!);
}

function isHeadingLine(text: string): boolean {
  return text.length <= MAX_HEADING_LENGTH && !/[。！？；]/.test(text);
}

/** The opening sentence, up to and including its full stop, when it is short enough to be a head. */
function topicSentence(text: string): string | undefined {
  const end = text.indexOf('。');
  if (end <= 0 || end + 1 > MAX_TOPIC_SENTENCE_LENGTH || end + 1 === text.length) return undefined;
  return text.slice(0, end + 1);
}

/** Parses a report; see the module comment for the conventions. */
export function parseReport(source: string): ReportModel {
  const { text, emendations } = removeWordArtifacts(source);
  const lines = text.split(/\r?\n/);
  const model: ReportModel = {
    titleLines: [],
    salutation: { line: 0, text: '' },
    opening: [],
    parts: [],
    paragraphs: [],
    emendations,
  };
  let part: Part | undefined;
  let section: Section | undefined;

  const addParagraph = (line: number, content: string, runIn?: string) => {
    const paragraph: Paragraph = { n: model.paragraphs.length + 1, line, text: content };
    if (runIn) paragraph.runIn = runIn;
    model.paragraphs.push(paragraph);
    return paragraph;
  };

  lines.forEach((raw, index) => {
    const line = index + 1;
    const content = raw.trim();
    if (content === '') return;

    if (!model.salutation.line) {
      if (content === SALUTATION) model.salutation = { line, text: content };
      else if (PART_HEADING.test(content) || SECTION_HEAD.test(content))
        throw new ReportParseError(
          line,
          `“${content.slice(0, 20)}”出现在称呼“${SALUTATION}”之前。`,
          `标题块之后应有单独一行“${SALUTATION}”，然后才是正文。`,
        );
      else model.titleLines.push({ line, text: content });
      return;
    }

    const partMatch = PART_HEADING.exec(content);
    if (partMatch && isHeadingLine(content)) {
      const n = chineseNumeral(partMatch[1]!);
      if (n !== model.parts.length + 1)
        throw new ReportParseError(
          line,
          `部分标题“${content}”的序号是${n}，应为${model.parts.length + 1}。`,
          '部分标题须按一、二、三……的顺序排列，不可跳号或重复。',
        );
      part = { n, line, title: content, blocks: [] };
      section = undefined;
      model.parts.push(part);
      return;
    }

    const sectionMatch = SECTION_HEAD.exec(content);
    if (sectionMatch) {
      if (!part)
        throw new ReportParseError(
          line,
          `节标题“${content.slice(0, 20)}”出现在第一个部分标题之前，无法归属。`,
          '在它之前加上部分标题（如“一、……”），或把它改写为普通段落。',
        );
      const n = chineseNumeral(sectionMatch[1]!);
      const expected = part.blocks.filter((b) => b.type === 'section').length + 1;
      if (n !== expected)
        throw new ReportParseError(
          line,
          `节标题“${content.slice(0, 20)}”的序号是${n}，在第${part.n}部分中应为${expected}。`,
          '节标题须在每个部分内从（一）起连续编号。',
        );
      const standalone = isHeadingLine(content);
      const head = standalone ? undefined : topicSentence(content) ?? content.slice(0, content.indexOf('。') + 1);
      if (!standalone && !head)
        throw new ReportParseError(
          line,
          `节标题“${content.slice(0, 20)}”后面有正文，但标题没有以“。”结束。`,
          '连排的节标题应以句号结束（如“（一）抗疫战疫赢得高分报表。”）；单独成行的节标题不应带句号。',
        );
      section = {
        id: `${part.n}-${n}`,
        n,
        line,
        kind: standalone ? 'standalone' : 'run-in',
        title: standalone ? content : head!.slice(0, -1),
        paragraphs: [],
      };
      part.blocks.push({ type: 'section', section });
      if (!standalone) section.paragraphs.push(addParagraph(line, content, head));
      return;
    }

    if (content.startsWith(ADDRESS)) section = undefined;
    if (!part) {
      model.opening.push(addParagraph(line, content));
      return;
    }
    if (section) {
      const head = section.kind === 'standalone' ? topicSentence(content) : undefined;
      section.paragraphs.push(addParagraph(line, content, head));
      return;
    }
    part.blocks.push({ type: 'paragraph', paragraph: addParagraph(line, content) });
  });

  if (!model.salutation.line)
    throw new ReportParseError(
      lines.length,
      `没有找到单独成行的称呼“${SALUTATION}”。`,
      `在标题块和正文之间加一行“${SALUTATION}”。`,
    );
  if (model.parts.length === 0)
    throw new ReportParseError(lines.length, '没有找到任何部分标题。', '正文应分为“一、……”“二、……”等部分。');
  return model;
}

/** Counts used by the importer's summary line. */
export function summarize(model: ReportModel): { parts: number; sections: number; paragraphs: number } {
  const sections = model.parts.reduce((sum, p) => sum + p.blocks.filter((b) => b.type === 'section').length, 0);
  return { parts: model.parts.length, sections, paragraphs: model.paragraphs.length };
}
