/**
 * After each paragraph whose numbers an edition's chart draws, a small figure of that chart
 * (only the rows ¶N speaks of, as a bar table: `chart-figure.ts`) with a link to the whole
 * chart on the 主要指标 page. The paragraph itself is untouched: the figure follows it (or the
 * block that holds it and its editorial notes, so it never lands in the notes' column), marked
 * `data-edition-ui` (not report text) and `data-pagefind-ignore` (not indexed).
 *
 * ```html
 * <p class="para" id="p-12">……从85.2万元提高到150.4万元……</p>
 * ```
 * becomes
 * ```html
 * <p class="para" id="p-12">……从85.2万元提高到150.4万元……</p>
 * <figure class="chart chart--compact" data-edition-ui data-pagefind-ignore="all">…
 *   <a class="chart__more" href="/indicators/#chart-five-year-change">查看完整图表</a>…<table>…</table></figure>
 * ```
 */
import type { Element, Root } from 'hast';
import { SKIP, visit } from 'unist-util-visit';
import { joinBase } from '../site/base-path.ts';
import { chartAnchor, chartFigure } from './chart-figure.ts';
import { chartForParagraph } from './chart-panels.ts';
import { editionCharts, type Chart } from './load-charts.ts';

export interface ChartFiguresOptions {
  /** The charts to place. Default: the current edition's. */
  charts?: readonly Chart[];
  /** The site's base path. Default: `/`. */
  base?: string;
  /** The URL of ¶n. Default: `#p-n`. */
  paragraphHref?: (n: number) => string;
}

/** The paragraph number of a `<p id="p-N">`, if it is one. */
function paragraphNumber(node: Element): number | undefined {
  const m = node.tagName === 'p' ? /^p-(\d+)$/.exec(String(node.properties?.id ?? '')) : null;
  return m ? Number(m[1]) : undefined;
}

/**
 * The ¶ a block stands for: a paragraph, or the block that holds a paragraph and its notes
 * (`remark-editorial-notes`), after which the figure goes so it never lands in the notes' column.
 */
function blockParagraph(node: Element): number | undefined {
  const classes = node.properties?.className;
  if (node.tagName === 'div' && Array.isArray(classes) && classes.includes('para-block'))
    for (const child of node.children) if (child.type === 'element' && paragraphNumber(child) !== undefined) return paragraphNumber(child);
  return paragraphNumber(node);
}

/** The rehype plugin; see the module comment. */
export default function rehypeChartFigures(options?: ChartFiguresOptions) {
  const settings = options || {};
  const charts = settings.charts ?? editionCharts();
  const base = settings.base ?? '/';
  const paragraphHref = settings.paragraphHref ?? ((n: number) => `#p-${n}`);

  return function transformer(tree: Root) {
    if (charts.length === 0) return;
    visit(tree, 'element', (node: Element, index, parent) => {
      const n = blockParagraph(node);
      if (n === undefined || !parent || index === undefined) return;
      const figures = charts.flatMap((chart) => {
        const part = chartForParagraph(chart, n);
        return part ? [chartFigure(part, { paragraphHref, fullChartHref: joinBase(base, `indicators/#${chartAnchor(chart.id)}`) })] : [];
      });
      if (figures.length === 0) return SKIP;
      parent.children.splice(index + 1, 0, ...figures);
      return [SKIP, index + 1 + figures.length];
    });
  };
}
