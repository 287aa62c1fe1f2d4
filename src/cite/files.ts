/**
 * The reference of a paragraph or a range as files a reference manager imports: RIS (EndNote,
 * NoteExpress, Zotero, Mendeley), BibTeX (LaTeX; biblatex fields too) and CSL-JSON (Zotero,
 * Pandoc, citeproc). Pure functions, like format.ts: the page supplies the URL and the date.
 *
 * The item is the report (type report, the issuing government as author and institution), as
 * in the pages' metadata (metadata.ts): the same title (`fullTitle`), date and language, the
 * paragraph's permalink (or the range's link) as its URL, and the paragraphs cited as its
 * pages (`¶42`, `¶12-15`), which is where reference managers keep the part of a work cited and
 * where GB/T 7714 puts 引文页码.
 */
import { fullTitle, isoDate, type CitationInfo, type Range } from './format.ts';

/** What a file says of the reference besides the report's own facts. */
export interface CitedPart {
  /** The edition's id: `shili-2024`, the start of the citation key. */
  edition: string;
  range: Range;
  /** The permalink of the paragraph, or the link of the range: absolute. */
  url: string;
  accessed: Date;
  language: string;
}

export interface CitationFile {
  /** The file's extension, without the dot. */
  ext: string;
  type: string;
  /** 下载 RIS …: the format's name as the reader sees it. */
  label: string;
  text: string;
}

/** `shili-2024-p42`, `shili-2024-p12-15`: a citation key BibTeX, Pandoc and Zotero accept. */
export function citationKey({ edition, range }: Pick<CitedPart, 'edition' | 'range'>): string {
  return `${edition.replace(/[^A-Za-z0-9_-]/g, '-')}-p${range.from}${range.from === range.to ? '' : `-${range.to}`}`;
}

/** The paragraphs cited, as pages: `¶42` or `¶12-15` (the range's dash is the processor's to set). */
export function citedPages({ from, to }: Range): string {
  return from === to ? `¶${from}` : `¶${from}-${to}`;
}

const dateParts = (iso: string) => iso.split('-').map(Number);

/** RIS, one tag a line (`TY  - RPRT` … `ER  - `), lines ending CR LF as the format has it. */
export function toRis(c: CitationInfo, part: CitedPart): string {
  const line = (tag: string, value: string) => `${tag}  - ${value.replace(/\s*[\r\n]+\s*/g, ' ')}`;
  return [
    line('TY', 'RPRT'),
    line('ID', citationKey(part)),
    line('AU', c.author),
    line('TI', fullTitle(c)),
    line('PY', c.issued.slice(0, 4)),
    line('DA', c.issued.replace(/-/g, '/')),
    line('PB', c.author),
    line('SP', citedPages(part.range)),
    line('LA', part.language),
    line('UR', part.url),
    line('Y2', isoDate(part.accessed).replace(/-/g, '/')),
    `ER  - `,
    '',
  ].join('\r\n');
}

/** A BibTeX field value: braces balanced, the characters TeX would take as commands escaped. */
export function bibtexText(value: string): string {
  return value.replace(/[\\{}%&$#_^~]/g, (ch) =>
    ch === '\\' ? '\\textbackslash{}' : ch === '^' ? '\\textasciicircum{}' : ch === '~' ? '\\textasciitilde{}' : `\\${ch}`,
  );
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/**
 * BibTeX: `@techreport`, with the biblatex fields (`date`, `urldate`, `language`) beside the
 * classic ones. The author is the government as one name (double braces: never split into
 * given and family names). A URL is written as it is: it is already percent-encoded.
 */
export function toBibtex(c: CitationInfo, part: CitedPart): string {
  const [year, month] = dateParts(c.issued);
  // Values in braces, but a month as BibTeX's own macro (feb), which every style knows.
  const fields: [string, string][] = [
    ['author', `{{${bibtexText(c.author)}}}`],
    ['title', `{${bibtexText(fullTitle(c))}}`],
    ['institution', `{${bibtexText(c.author)}}`],
    ['year', `{${year}}`],
    ['month', MONTHS[month! - 1]!],
    ['date', `{${c.issued}}`],
    ['pages', `{${citedPages(part.range).replace('-', '--')}}`],
    ['language', `{${bibtexText(part.language)}}`],
    ['url', `{${part.url.replace(/[{}\s]/g, encodeURIComponent)}}`],
    ['urldate', `{${isoDate(part.accessed)}}`],
  ];
  const body = fields.map(([name, value]) => `  ${name} = ${value},`);
  return `@techreport{${citationKey(part)},\n${body.join('\n')}\n}\n`;
}

/** CSL-JSON: a list of one item, as citeproc, Zotero and Pandoc read it. */
export function toCslJson(c: CitationInfo, part: CitedPart): string {
  const accessed = dateParts(isoDate(part.accessed));
  const item = {
    id: citationKey(part),
    type: 'report',
    title: fullTitle(c),
    author: [{ literal: c.author }],
    publisher: c.author,
    issued: { 'date-parts': [dateParts(c.issued)] },
    page: citedPages(part.range),
    language: part.language,
    URL: part.url,
    accessed: { 'date-parts': [accessed] },
  };
  return `${JSON.stringify([item], null, 2)}\n`;
}

/** All three, as the cite panel offers them. */
export function citationFiles(c: CitationInfo, part: CitedPart): CitationFile[] {
  return [
    { ext: 'ris', type: 'application/x-research-info-systems', label: 'RIS', text: toRis(c, part) },
    { ext: 'bib', type: 'application/x-bibtex', label: 'BibTeX', text: toBibtex(c, part) },
    { ext: 'json', type: 'application/vnd.citationstyles.csl+json', label: 'CSL-JSON', text: toCslJson(c, part) },
  ];
}
