/**
 * Parsing XML as an XML processor must: any well-formedness error, error or warning is a thrown
 * error with the parser's message, never a best-effort tree. An HTML parser (linkedom) would
 * repair a missing end tag or a stray `&nbsp;` without a word, so it cannot tell well-formed XML.
 *
 * @xmldom/xmldom is installed with @daisy/ace-cli (the EPUB checker); it belongs in
 * devDependencies in its own right.
 */
import { DOMParser } from '@xmldom/xmldom';

/** The XML document in `text`; throws, naming `label`, on anything that is not well-formed. */
export function parseXml(text: string, label = 'XML'): Document {
  const problems: string[] = [];
  let document: unknown;
  try {
    document = new DOMParser({ onError: (level: string, message: string) => void problems.push(`${level}: ${message}`) }).parseFromString(text, 'text/xml');
  } catch (error) {
    problems.push(String(error));
  }
  if (problems.length) throw new Error(`${label} is not well-formed XML:\n${problems.join('\n')}`);
  return document as Document;
}
