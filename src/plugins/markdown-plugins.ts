/**
 * The one place that orders the markdown plugins; `astro.config.ts` and the tests use it.
 */
import type { PluggableList } from 'unified';
import remarkGfm from 'remark-gfm';
import remarkGlossaryTerms, { type GlossaryTermsOptions } from './remark-glossary-terms.ts';
import remarkReportStructure, { type ReportStructureOptions } from './remark-report-structure.ts';

export interface MarkdownPluginOptions {
  /** Source text by ¶ number, so every chapter is checked against the report. */
  source?: ReportStructureOptions['source'];
  /** Glossary entries to mark in the text. Default: none. */
  glossary?: GlossaryTermsOptions['terms'];
  /** URL of a glossary entry. */
  glossaryHref?: GlossaryTermsOptions['href'];
}

/** Returns the remark and rehype plugins in the order they must run. */
export function markdownPlugins(options?: MarkdownPluginOptions): {
  remarkPlugins: PluggableList;
  rehypePlugins: PluggableList;
} {
  const settings = options || {};
  return {
    remarkPlugins: [
      // Tables for the indicator data.
      remarkGfm,
      // <P n>, <Part>, <Section> → numbered paragraphs and sections, checked against the source.
      [remarkReportStructure, { source: settings.source }],
      // Glossary terms in the paragraphs → links to their entries (after the paragraphs exist).
      [remarkGlossaryTerms, { terms: settings.glossary ?? [], href: settings.glossaryHref }],
    ],
    rehypePlugins: [],
  };
}
