/**
 * The cover, twice: as an SVG image for a reading system's bookshelf (`cover-image`), drawn from
 * the title block with the reader's own fonts (the book carries none), and as the book's first
 * page, the title block as text, which a screen reader reads and a reader can enlarge. The two
 * say the same words, so the image needs no description of its own beyond its title.
 */
import type { Edition } from '../edition/load-edition.ts';
import { xhtmlDocument } from './document.ts';
import { escapeAttribute, escapeText } from './xhtml.ts';

type CoverEdition = Pick<Edition, 'issuer' | 'language' | 'titleBlock'>;

/** Cuts a line into pieces of at most `max` characters, so no line runs off the cover. */
export function wrap(line: string, max: number): string[] {
  const chars = [...line];
  const out: string[] = [];
  for (let i = 0; i < chars.length; i += max) out.push(chars.slice(i, i + max).join(''));
  return out;
}

const WIDTH = 1200;
const HEIGHT = 1800;
/** Fonts the reader's system may have; none is downloaded. */
const SERIF = "'Noto Serif CJK SC', 'Source Han Serif SC', 'Songti SC', SimSun, serif";
const SANS = "'Noto Sans CJK SC', 'Source Han Sans SC', 'PingFang SC', 'Microsoft YaHei', sans-serif";

/** The text a reader sees on the cover, line by line, for the image's title. */
export function coverWords(edition: CoverEdition): string {
  const { titleBlock } = edition;
  return [edition.issuer, titleBlock.title, ...titleBlock.occasionLines, `${titleBlock.speaker.role} ${titleBlock.speaker.name}`, '阅读注释版'].join(' ');
}

export function coverSvg(edition: CoverEdition): string {
  const { titleBlock } = edition;
  const text = (y: number, size: number, content: string, options: { font?: string; weight?: number; spacing?: number; fill?: string } = {}) =>
    `<text x="${WIDTH / 2}" y="${y}" font-size="${size}" font-family="${escapeAttribute(options.font ?? SERIF)}"${options.weight ? ` font-weight="${options.weight}"` : ''}${
      options.spacing ? ` letter-spacing="${options.spacing}"` : ''
    } fill="${options.fill ?? '#7a1712'}" text-anchor="middle">${escapeText(content)}</text>`;

  const title = [...titleBlock.title];
  // The title set large with wide spacing, as on a printed report; smaller when it is long.
  const titleSize = Math.min(150, Math.floor(960 / Math.max(title.length, 1) / 1.25));
  const lines: string[] = [];
  lines.push(text(330, 48, edition.issuer, { font: SANS, spacing: 8 }));
  lines.push(text(640, titleSize, titleBlock.title, { weight: 700, spacing: Math.round(titleSize / 4) }));
  let y = 860;
  for (const line of titleBlock.occasionLines.flatMap((l) => wrap(l, 18))) {
    lines.push(text(y, 50, line, { fill: '#3a3a3a' }));
    y += 76;
  }
  lines.push(text(y + 60, 54, `${titleBlock.speaker.role}\u3000${titleBlock.speaker.name}`, { fill: '#3a3a3a', spacing: 6 }));
  lines.push(text(1600, 44, '阅读注释版', { font: SANS, spacing: 12, fill: '#ffffff' }));

  return `<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" version="1.1" viewBox="0 0 ${WIDTH} ${HEIGHT}" width="${WIDTH}" height="${HEIGHT}" role="img" aria-labelledby="cover-title">
<title id="cover-title">${escapeText(coverWords(edition))}</title>
<rect width="${WIDTH}" height="${HEIGHT}" fill="#fbf8f1"/>
<rect x="0" y="0" width="${WIDTH}" height="120" fill="#a61b13"/>
<rect x="0" y="1500" width="${WIDTH}" height="${HEIGHT - 1500}" fill="#a61b13"/>
<rect x="90" y="440" width="${WIDTH - 180}" height="6" fill="#a61b13"/>
<rect x="90" y="720" width="${WIDTH - 180}" height="6" fill="#a61b13"/>
${lines.join('\n')}
</svg>
`;
}

/** The title page: the title block as text, first in the reading order. */
export function coverPage(edition: CoverEdition): string {
  const { titleBlock } = edition;
  const occasion = titleBlock.occasionLines.map(escapeText).join('<br/>');
  const body = `<section class="title-page" epub:type="titlepage" aria-labelledby="title-page-h">
<p class="title-page__issuer">${escapeText(edition.issuer)}</p>
<h1 class="title-page__title" id="title-page-h">${escapeText(titleBlock.title)}</h1>
<p class="title-page__occasion">${occasion}</p>
<p class="title-page__speaker">${escapeText(`${titleBlock.speaker.role}\u3000${titleBlock.speaker.name}`)}</p>
<p class="title-page__edition">阅读注释版</p>
</section>`;
  return xhtmlDocument({ language: edition.language, title: titleBlock.title, body, bodyType: 'frontmatter' });
}
