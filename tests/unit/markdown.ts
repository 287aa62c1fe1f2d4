/** A markdown processor like the one Astro's MDX integration runs, for tests of the plugins. */
import rehypeStringify from 'rehype-stringify';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified, type PluggableList } from 'unified';

export function processor(remarkPlugins: PluggableList) {
  return unified().use(remarkParse).use(remarkMdx).use(remarkPlugins).use(remarkRehype).use(rehypeStringify);
}
