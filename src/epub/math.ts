/**
 * Formulas in the book are MathML alone. The site renders each formula twice (KaTeX's HTML, drawn
 * with KaTeX's fonts, for browsers without MathML, and MathML for screen readers); a reading
 * system draws MathML itself and the book carries no fonts, so only the MathML is kept: the same
 * markup KaTeX writes with `output: 'mathml'`. Its TeX source becomes `alttext`, the words a
 * reading system without MathML support shows or speaks instead.
 */

/** Replaces every KaTeX rendering under `root` with its MathML; returns how many there were. */
export function katexToMathml(root: Element): number {
  let count = 0;
  for (const katex of [...root.querySelectorAll('.katex')]) {
    const math = katex.querySelector('.katex-mathml math');
    if (!math) {
      katex.remove();
      continue;
    }
    const tex = math.querySelector('annotation[encoding="application/x-tex"]')?.textContent?.trim();
    if (tex && !math.hasAttribute('alttext')) math.setAttribute('alttext', tex);
    // A display formula sits in `.katex-display`; in MathML that is `display="block"`.
    const display = katex.parentElement?.classList.contains('katex-display') ? katex.parentElement : null;
    if (display) math.setAttribute('display', 'block');
    (display ?? katex).replaceWith(math);
    count++;
  }
  return count;
}
