/** Renders GFM markdown written by the edition itself (indicator tables) to HTML at build time. */
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';

const processor = unified().use(remarkParse).use(remarkGfm).use(remarkRehype).use(rehypeStringify);

export function renderGfm(markdown: string): string {
  return String(processor.processSync(markdown));
}
