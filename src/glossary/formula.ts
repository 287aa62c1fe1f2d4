/**
 * Renders a formula at build time with KaTeX: no math JavaScript reaches the browser. The output
 * carries MathML for screen readers beside KaTeX's HTML for the eye.
 */
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import katex from 'katex';
import { hoistStyles, katexStyles } from '../plugins/rehype-hoist-styles.ts';

/** HTML of a display formula; a TeX error stops the build with the entry named. */
export function renderFormula(tex: string, where: string): string {
  try {
    const html = katex.renderToString(tex, { displayMode: true, throwOnError: true, output: 'htmlAndMathml', strict: 'ignore' });
    // Inline styles become classes, as in the chapters: pages work under a strict CSP.
    const tree = fromHtml(html, { fragment: true });
    hoistStyles(tree, katexStyles);
    return toHtml(tree);
  } catch (error) {
    throw new Error(`${where}: 公式无法排版：${(error as Error).message}\n  修改方法：检查 formula 中的 TeX（中文请放在 \\text{…} 里）。`);
  }
}
