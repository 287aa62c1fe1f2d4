/**
 * The one place that orders the markdown plugins; `astro.config.ts` and the tests use it.
 */
import rehypeKatex from 'rehype-katex';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import type { PluggableList } from 'unified';
import type { Correspondences } from '../report/correspondences.ts';
import type { DataCheck } from '../report/data-checks.ts';
import type { Targets } from '../report/targets.ts';
import { joinBase } from '../site/base-path.ts';
import rehypeChartFigures from '../charts/rehype-chart-figures.ts';
import rehypeHoistStyles from './rehype-hoist-styles.ts';
import rehypeMathPunctuation from './rehype-math-punctuation.ts';
import remarkCorrespondences from './remark-correspondences.ts';
import remarkCrossReferences from './remark-cross-references.ts';
import remarkEditorialNotes from './remark-editorial-notes.ts';
import remarkGlossaryTerms, { type GlossaryTermsOptions } from './remark-glossary-terms.ts';
import remarkReportStructure, { type ReportStructureOptions } from './remark-report-structure.ts';

export interface MarkdownPluginOptions {
  /** Source text by ¶ number, so every chapter is checked against the report. */
  source?: ReportStructureOptions['source'];
  /** Glossary entries to mark in the text. Default: none. */
  glossary?: GlossaryTermsOptions['terms'];
  /** The site's base path, for links between pages. Default: `/`. */
  base?: string;
  /** Every ¶, part and section, for `<Ref>` and 对照阅读. */
  targets?: Targets;
  dataChecks?: readonly DataCheck[];
  correspondences?: Correspondences;
}

/** Returns the remark and rehype plugins in the order they must run. */
export function markdownPlugins(options?: MarkdownPluginOptions): {
  remarkPlugins: PluggableList;
  rehypePlugins: PluggableList;
} {
  const settings = options || {};
  const base = settings.base ?? '/';
  const chapterHref = (slug: string) => joinBase(base, `${slug}/`);
  const paragraphHref = (n: number) => {
    const target = settings.targets?.paragraphs.get(n);
    return target ? `${chapterHref(target.slug)}#${target.anchor}` : `#p-${n}`;
  };
  const remarkPlugins: PluggableList = [
    // Tables for the indicator data.
    remarkGfm,
    // $…$ in editorial notes.
    remarkMath,
    // <P n>, <Part>, <Section> → numbered paragraphs and sections, checked against the source.
    [remarkReportStructure, { source: settings.source }],
  ];
  // <Ref p={42} /> and <Ref part="3-2" /> → labelled links; unknown targets stop the build.
  if (settings.targets) remarkPlugins.push([remarkCrossReferences, { targets: settings.targets, chapterHref }]);
  // <Note> and <DataCheck> → numbered markers, side notes, chapter notes for print.
  remarkPlugins.push([remarkEditorialNotes, { dataChecks: settings.dataChecks, paragraphHref }]);
  // 对照阅读 at the end of each section (needs the sections; before terms, which it must not touch).
  if (settings.correspondences && settings.targets)
    remarkPlugins.push([remarkCorrespondences, { correspondences: settings.correspondences, targets: settings.targets, chapterHref }]);
  // Glossary terms in the paragraphs → links to their entries (last: it only reads report text).
  remarkPlugins.push([remarkGlossaryTerms, { terms: settings.glossary ?? [], href: (anchor: string) => joinBase(base, `glossary/#${anchor}`) }]);
  return {
    remarkPlugins,
    // Formulas typeset at build time: no math JavaScript in the browser. HTML for the eye,
    // MathML beside it for screen readers.
    rehypePlugins: [
      [rehypeKatex, { output: 'htmlAndMathml', throwOnError: true, strict: 'ignore' }],
      // An inline formula kept on one line with the punctuation that touches it (禁则).
      rehypeMathPunctuation,
      // KaTeX's inline styles → classes in the edition's KaTeX stylesheet (src/integrations/katex-assets.ts): no 'unsafe-inline' in the CSP.
      rehypeHoistStyles,
      // After a paragraph the edition's charts draw numbers from: a small figure of them (src/charts/).
      [rehypeChartFigures, { base, paragraphHref }],
    ],
  };
}
