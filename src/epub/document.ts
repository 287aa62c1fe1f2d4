/**
 * The frame every content document of the book shares: the XML declaration, the XHTML and EPUB
 * namespaces (the `epub:` prefix of `epub:type` must be declared, or the file is not
 * well-formed), the language in both `lang` and `xml:lang` (HTML reads one, XML the other), the
 * title, and the one stylesheet. No scripts: the book has none.
 */
import { escapeAttribute, escapeText } from './xhtml.ts';
import { FILES } from './book-files.ts';

export interface DocumentInput {
  language: string;
  /** The document's title, as a reading system lists it. */
  title: string;
  /** The body's content, already XHTML. */
  body: string;
  /** `epub:type` of the body, if any (`bodymatter`, `backmatter`, `frontmatter`). */
  bodyType?: string;
}

export function xhtmlDocument({ language, title, body, bodyType }: DocumentInput): string {
  const type = bodyType ? ` epub:type="${escapeAttribute(bodyType)}"` : '';
  return `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE html>
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" lang="${language}" xml:lang="${language}">
<head>
<meta charset="UTF-8"/>
<title>${escapeText(title)}</title>
<link rel="stylesheet" type="text/css" href="${FILES.style}"/>
</head>
<body${type}>
${body}
</body>
</html>
`;
}
