/**
 * Writes a parsed report as chapter MDX files: one for the front matter and opening, one per
 * part. Paragraphs are `<P n={N}>` elements so their numbers are explicit in the content and
 * never depend on where a paragraph happens to sit; `remark-report-structure` turns them into
 * `<p id="p-N">` at build time and checks each against the source.
 */
import type { Paragraph, Part, ReportModel } from './parse-report.ts';

export interface ChapterFile {
  /** File name, e.g. `01-part-1.mdx`; its order prefix sets the reading order. */
  fileName: string;
  /** A default URL segment for the chapter page (`opening`, `part-1` …), for the edition's settings. */
  slug: string;
  contents: string;
}

/** Characters that MDX would read as syntax; `escapeMdx` writes them as character references. */
const MDX_SPECIAL = /[<>{}*_#`[\]\\|~]/g;

/** Escapes markdown and MDX syntax so the text is read as text. */
export function escapeMdx(text: string): string {
  return text.replace(MDX_SPECIAL, (c) => `&#${c.codePointAt(0)};`);
}

function yamlString(text: string): string {
  return JSON.stringify(text);
}

function paragraphMdx(p: Paragraph): string {
  const body = p.runIn
    ? `<RunIn>${escapeMdx(p.runIn)}</RunIn>${escapeMdx(p.text.slice(p.runIn.length))}`
    : escapeMdx(p.text);
  return `<P n={${p.n}}>${body}</P>`;
}

function partMdx(part: Part): string {
  const out: string[] = [`<Part n={${part.n}}>`, '', `# ${escapeMdx(part.title)}`, ''];
  for (const block of part.blocks) {
    if (block.type === 'paragraph') {
      out.push(paragraphMdx(block.paragraph), '');
      continue;
    }
    const s = block.section;
    out.push(`<Section id="${s.id}" title=${yamlString(s.title)}>`, '');
    if (s.kind === 'standalone') out.push(`## ${escapeMdx(s.title)}`, '');
    for (const p of s.paragraphs) out.push(paragraphMdx(p), '');
    out.push('</Section>', '');
  }
  out.push('</Part>', '');
  return out.join('\n');
}

function frontmatter(fields: Record<string, string | number>): string {
  const lines = Object.entries(fields).map(([k, v]) => `${k}: ${typeof v === 'number' ? v : yamlString(v)}`);
  return ['---', ...lines, '---', ''].join('\n');
}

/** Turns the model into chapter files; slugs default to `opening`, `part-1`, `part-2` … */
export function toChapterFiles(model: ReportModel): ChapterFile[] {
  const opening: string[] = [
    frontmatter({ title: '开篇', order: 0 }),
    '<TitleBlock>',
    '',
    ...model.titleLines.flatMap((l, i) => [
      i === 0 ? `<Title>${escapeMdx(l.text)}</Title>` : `<Byline>${escapeMdx(l.text)}</Byline>`,
      '',
    ]),
    '</TitleBlock>',
    '',
    `<Salutation>${escapeMdx(model.salutation.text)}</Salutation>`,
    '',
    ...model.opening.flatMap((p) => [paragraphMdx(p), '']),
  ];
  const files: ChapterFile[] = [{ fileName: '00-opening.mdx', slug: 'opening', contents: opening.join('\n') }];
  for (const part of model.parts) {
    files.push({
      fileName: `${String(part.n).padStart(2, '0')}-part-${part.n}.mdx`,
      slug: `part-${part.n}`,
      contents: frontmatter({ title: part.title, order: part.n, part: part.n }) + '\n' + partMdx(part),
    });
  }
  return files;
}
