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
 *
 * Any text at all may be handed to it (a reader runs the importer on whatever file they have),
 * so it either returns a model or throws a `ReportParseError` with a line of the file, in time
 * linear in the text: no other exception, no step whose work grows faster than the text does.
 * Lines end at CRLF, LF or a lone CR; a byte order mark is not text; spaces around a line (ASCII,
 * full-width U+3000, no-break, tabs) are layout, but spaces inside a line are the source's own.
 */
import { removeWordArtifacts, type Emendation } from './emendations.ts';

/** A heading line is short and has no sentence-ending full stop. */
const MAX_HEADING_LENGTH = 40;
/** Topic sentences that open the paragraphs of a standalone section are short. */
const MAX_TOPIC_SENTENCE_LENGTH = 24;

const CHINESE_DIGITS = '一二三四五六七八九';
/**
 * 一 … 九十九 in the form headings use: 十 alone or with a digit after it, 二十 … 九十 with an
 * optional digit after. Anything else (十十, 一十, 零, 两, 一百) is not read as a number.
 */
const CHINESE_NUMERAL = /^(?:([二三四五六七八九]?)十)?([一二三四五六七八九]?)$/;
/**
 * Heading numbers are recognised with more characters than `CHINESE_NUMERAL` reads, so that
 * `零、`, `百、` or `（一百）` stop the import at their line with the reason, instead of
 * quietly becoming paragraphs and leaving a report with a part or section missing.
 */
const NUMERAL_CHARACTERS = '零〇一二三四五六七八九十百千两';
const PART_HEADING = new RegExp(`^([${NUMERAL_CHARACTERS}]+)、`);
const SECTION_HEAD = new RegExp(`^（([${NUMERAL_CHARACTERS}]+)）`);
/** U+FEFF at the start of a file is the byte order mark editors write: an encoding mark, not text. */
const BYTE_ORDER_MARK = '\uFEFF';
/**
 * Characters that cannot be report text and would go into the edition unseen or mangled: C0 and
 * C1 controls other than the tab (NUL is the sign of a UTF-16 file read as UTF-8), U+FFFD (the
 * mark of bytes that were not UTF-8, typically a GBK file) and lone surrogates (not Unicode).
 */
const UNPRINTABLE = /[\0-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F\uFFFD]|\p{Cs}/u;
/** Left over when a Word bookmark could not be removed (no closing bracket, or nested). */
const BOOKMARK_REMNANT = '[bookmark:';
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

/**
 * Converts 一…九十九 to a number; enough for part and section numbers. Anything else gives NaN,
 * never a plausible number: `十十` once read as 20 and `零` as 0, which a caller could not tell
 * from a real number. NaN equals nothing, so a caller that forgets to check still sees no match.
 */
export function chineseNumeral(text: string): number {
  const match = CHINESE_NUMERAL.exec(text);
  if (!match || text === '') return Number.NaN;
  const [, tensDigit, unitDigit] = match;
  const tens = text.includes('十') ? (tensDigit ? CHINESE_DIGITS.indexOf(tensDigit) + 1 : 1) : 0;
  const units = unitDigit ? CHINESE_DIGITS.indexOf(unitDigit) + 1 : 0;
  return tens * 10 + units;
}

/**
 * The start of a line for a message, cut at a character boundary: half of a surrogate pair in a
 * message would print as a replacement character.
 */
function excerpt(text: string, length = 20): string {
  return Array.from(text.slice(0, 2 * length)).slice(0, length).join('');
}

/** A heading's number, or the reason it has none. */
function headingNumber(line: number, numeral: string, content: string, what: string): number {
  const n = chineseNumeral(numeral);
  if (Number.isNaN(n))
    throw new ReportParseError(
      line,
      `${what}“${excerpt(content)}”的序号“${excerpt(numeral, 8)}”不是一至九十九的中文数字，无法确定它的编号。`,
      '序号应写作一、二……十、十一……二十、二十一……九十九（不用“零”“两”“百”，也不写“十十”“一十”）；若这一行不是标题，请改写它的开头。',
    );
  return n;
}

/** Refuses characters that cannot be report text; see `UNPRINTABLE`. */
function checkCharacters(line: number, raw: string, content: string): void {
  const found = UNPRINTABLE.exec(content);
  if (!found) return;
  const character = found[0];
  const code = `U+${character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
  // Counted in characters from the start of the line, as an editor counts them.
  const column = Array.from(raw.slice(0, raw.length - raw.trimStart().length + found.index)).length + 1;
  if (character === '\uFFFD')
    throw new ReportParseError(
      line,
      `这一行的第 ${column} 个字符是替换字符 ${code}（“\uFFFD”），说明文件不是以 UTF-8 编码读入的。`,
      '请把文件另存为 UTF-8 编码的纯文本后再导入（GBK、GB18030、UTF-16 等编码的文件须先转换）。',
    );
  if (/\p{Cs}/u.test(character))
    throw new ReportParseError(
      line,
      `这一行的第 ${column} 个字符是孤立的代理项 ${code}，不是合法的 Unicode 文本。`,
      '文本多半在转换编码时被截断了；请从原文档重新导出 UTF-8 纯文本，或删除这个字符。',
    );
  throw new ReportParseError(
    line,
    `这一行的第 ${column} 个字符是不可见的控制字符 ${code}。`,
    '控制字符不是报告正文；NUL（U+0000）通常说明文件是 UTF-16 文本或 Word 文档。请另存为 UTF-8 纯文本，或删除这个字符。',
  );
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

/** The salutation was written, but not as `各位代表：` (an ASCII colon, say), so it was not found. */
function mistypedSalutation({ line, text }: { line: number; text: string }): ReportParseError {
  return new ReportParseError(
    line,
    `“${text}”像是称呼，但不是单独成行的“${SALUTATION}”，因此它和后面的文字都被当作了标题块。`,
    `把这一行改为“${SALUTATION}”（全角冒号，前后没有其他文字）。`,
  );
}

/** Parses a report; see the module comment for the conventions. */
export function parseReport(source: string): ReportModel {
  const body = source.startsWith(BYTE_ORDER_MARK) ? source.slice(BYTE_ORDER_MARK.length) : source;
  const { text, emendations } = removeWordArtifacts(body);
  // removeWordArtifacts turns CRLF and lone CR into `\n`, so its line numbers and these are the
  // same, and a CR-only file is not read as one long title line.
  const lines = text.split('\n');
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
  /** Sections so far in `part`; counted, as rescanning the part's blocks per section is quadratic. */
  let sectionCount = 0;
  /** The last line with text: errors about the whole file point there, a line that exists. */
  let lastLine = 0;
  /** A title line that looks like the salutation mistyped (`各位代表:`), to name if none is found. */
  let salutationLike: { line: number; text: string } | undefined;

  const addParagraph = (line: number, content: string, runIn?: string) => {
    const paragraph: Paragraph = { n: model.paragraphs.length + 1, line, text: content };
    if (runIn) paragraph.runIn = runIn;
    model.paragraphs.push(paragraph);
    return paragraph;
  };

  for (let index = 0; index < lines.length; index++) {
    const line = index + 1;
    const raw = lines[index]!;
    // trim() removes exactly the spaces around a line (ASCII, U+3000, NBSP, tabs) and keeps the
    // spaces inside it, such as those of `政 府 工 作 报 告` and `市长  盛  悠`.
    const content = raw.trim();
    if (content === '') continue;
    lastLine = line;
    checkCharacters(line, raw, content);
    if (content.includes(BOOKMARK_REMNANT))
      throw new ReportParseError(
        line,
        `这一行有未能去除的 Word 书签标记“${excerpt(content.slice(content.indexOf(BOOKMARK_REMNANT)))}”（缺少结尾的“]”，或标记相互嵌套）。`,
        'Word 书签形如“[bookmark: _GoBack]”，不属于正文：把整个标记删除；若这是正文的一部分，请改写，避免“[bookmark:”字样。',
      );

    if (!model.salutation.line) {
      if (content === SALUTATION) {
        if (model.titleLines.length === 0)
          throw new ReportParseError(
            line,
            `称呼“${SALUTATION}”之前没有标题块。`,
            '在称呼之前写上报告的标题、会议和报告人（如“政府工作报告”“2024年1月10日在……会议上”“市长 ……”），各占一行。',
          );
        model.salutation = { line, text: content };
      } else if (PART_HEADING.test(content) || SECTION_HEAD.test(content)) {
        // The body has begun without a salutation; if one was mistyped, that line is the fix.
        if (salutationLike) throw mistypedSalutation(salutationLike);
        throw new ReportParseError(
          line,
          `“${excerpt(content)}”出现在称呼“${SALUTATION}”之前。`,
          `标题块之后应有单独一行“${SALUTATION}”，然后才是正文。`,
        );
      } else {
        if (!salutationLike && content.startsWith('各位代表') && content.length <= SALUTATION.length + 2)
          salutationLike = { line, text: content };
        model.titleLines.push({ line, text: content });
      }
      continue;
    }

    const partMatch = PART_HEADING.exec(content);
    if (partMatch && isHeadingLine(content)) {
      const n = headingNumber(line, partMatch[1]!, content, '部分标题');
      if (n !== model.parts.length + 1)
        throw new ReportParseError(
          line,
          `部分标题“${content}”的序号是${n}，应为${model.parts.length + 1}。`,
          '部分标题须按一、二、三……的顺序排列，不可跳号或重复。',
        );
      part = { n, line, title: content, blocks: [] };
      section = undefined;
      sectionCount = 0;
      model.parts.push(part);
      continue;
    }

    const sectionMatch = SECTION_HEAD.exec(content);
    if (sectionMatch) {
      if (!part)
        throw new ReportParseError(
          line,
          `节标题“${excerpt(content)}”出现在第一个部分标题之前，无法归属。`,
          '在它之前加上部分标题（如“一、……”），或把它改写为普通段落。',
        );
      const n = headingNumber(line, sectionMatch[1]!, content, '节标题');
      const expected = sectionCount + 1;
      if (n !== expected)
        throw new ReportParseError(
          line,
          `节标题“${excerpt(content)}”的序号是${n}，在第${part.n}部分中应为${expected}。`,
          '节标题须在每个部分内从（一）起连续编号。',
        );
      const standalone = isHeadingLine(content);
      const head = standalone ? undefined : topicSentence(content) ?? content.slice(0, content.indexOf('。') + 1);
      if (!standalone && !head)
        throw new ReportParseError(
          line,
          `节标题“${excerpt(content)}”后面有正文，但标题没有以“。”结束。`,
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
      sectionCount = n;
      part.blocks.push({ type: 'section', section });
      if (!standalone) section.paragraphs.push(addParagraph(line, content, head));
      continue;
    }

    if (content.startsWith(ADDRESS)) section = undefined;
    if (!part) {
      model.opening.push(addParagraph(line, content));
      continue;
    }
    if (section) {
      const head = section.kind === 'standalone' ? topicSentence(content) : undefined;
      section.paragraphs.push(addParagraph(line, content, head));
      continue;
    }
    part.blocks.push({ type: 'paragraph', paragraph: addParagraph(line, content) });
  }

  if (lastLine === 0)
    throw new ReportParseError(
      1,
      '文件里没有任何文字（是空文件，或只有空格、空行）。',
      '请确认导入的是报告的纯文本文件（UTF-8），而不是空文件或尚未保存的文件。',
    );
  if (!model.salutation.line) {
    if (salutationLike) throw mistypedSalutation(salutationLike);
    throw new ReportParseError(
      lastLine,
      `没有找到单独成行的称呼“${SALUTATION}”。`,
      `在标题块和正文之间加一行“${SALUTATION}”。`,
    );
  }
  if (model.parts.length === 0)
    throw new ReportParseError(lastLine, '没有找到任何部分标题。', '正文应分为“一、……”“二、……”等部分。');
  return model;
}

/** Counts used by the importer's summary line. */
export function summarize(model: ReportModel): { parts: number; sections: number; paragraphs: number } {
  const sections = model.parts.reduce((sum, p) => sum + p.blocks.filter((b) => b.type === 'section').length, 0);
  return { parts: model.parts.length, sections, paragraphs: model.paragraphs.length };
}
