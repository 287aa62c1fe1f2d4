/**
 * Writes a DOM tree (parsed from the built HTML pages with linkedom) as XHTML: the syntax an EPUB
 * content document must have. HTML serializers cannot be used for this: they write `<br>`,
 * attributes without values (`data-edition-ui`) and unescaped `>` in text, which are not
 * well-formed XML, and a reading system refuses a document that is not. So the tree is written
 * here by hand, with the few rules XML needs: every element closed, every attribute quoted with
 * a value, `&`, `<`, `>` and `"` escaped, and MathML in its own namespace.
 */

/** HTML's void elements: written as `<br/>`. */
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);
const MATHML_NS = 'http://www.w3.org/1998/Math/MathML';

/**
 * Attributes the site needs and a book does not: the search indexer's markers, the site's
 * script hooks and download hints. Everything else is kept (`data-edition-ui` included: `data-*`
 * attributes are valid in EPUB 3 and mark the edition's apparatus as on the site).
 */
const DROPPED_ATTRIBUTE = /^(data-pagefind-.*|data-permalink|data-outline.*|data-theme-toggle|download)$/;

/** Text as XML character data. */
export function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Text as an XML attribute value in double quotes. */
export function escapeAttribute(text: string): string {
  return escapeText(text).replace(/"/g, '&quot;');
}

/** An XML name (an element or attribute name) that a parser accepts. */
const XML_NAME = /^[A-Za-z_][\w.-]*(:[A-Za-z_][\w.-]*)?$/;

/** The XHTML of a node and everything inside it. */
export function toXhtml(node: Node): string {
  if (node.nodeType === 3) return escapeText(node.textContent ?? '');
  if (node.nodeType === 11) return [...node.childNodes].map(toXhtml).join('');
  if (node.nodeType !== 1) return ''; // comments, doctypes: nothing a reader needs
  const element = node as Element;
  const name = element.localName.toLowerCase();
  if (!XML_NAME.test(name)) throw new Error(`EPUB：元素名 ${name} 不是合法的 XML 名称。`);
  let attributes = '';
  for (const { name: attr, value } of [...element.attributes]) {
    if (DROPPED_ATTRIBUTE.test(attr)) continue;
    // linkedom keeps MathML's namespace declaration as an attribute; written once, below.
    if (attr === 'xmlns') continue;
    if (!XML_NAME.test(attr)) throw new Error(`EPUB：<${name}> 的属性名 ${attr} 不是合法的 XML 名称。`);
    attributes += ` ${attr}="${escapeAttribute(value)}"`;
  }
  if (name === 'math') attributes = ` xmlns="${MATHML_NS}"${attributes}`;
  if (VOID.has(name)) return `<${name}${attributes}/>`;
  return `<${name}${attributes}>${[...element.childNodes].map(toXhtml).join('')}</${name}>`;
}
