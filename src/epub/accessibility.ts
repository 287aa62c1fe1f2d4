/**
 * The book's accessibility metadata (schema.org terms, as EPUB Accessibility 1.1 asks), worked out
 * from what this book contains, so it claims nothing the book does not do:
 * - textual: the whole content is text (the only image is the cover, whose words the title page
 *   gives as text), so text alone is sufficient;
 * - structural navigation (headings for parts, sections and notes), a table of contents, a
 *   reading order that is the report's order, ARIA roles on notes and chapters, text a reading
 *   system can restyle (no fixed sizes, fonts or colours), horizontal writing;
 * - MathML only when the book has formulas;
 * - no hazards: no animation, sound or flashing.
 * No conformance to WCAG is claimed (`dcterms:conformsTo`): the automated checks this project
 * runs (EPUBCheck, DAISY Ace) do not amount to the manual evaluation such a claim requires.
 */

export interface BookFacts {
  hasMath: boolean;
  hasGlossary: boolean;
  hasIndicators: boolean;
  hasEditorialNotes: boolean;
  /** Whether each ¶ links to its permalink on the web. */
  linksToWeb: boolean;
}

export interface AccessibilityMetadata {
  accessMode: string[];
  accessModeSufficient: string[];
  accessibilityFeature: string[];
  accessibilityHazard: string[];
  accessibilitySummary: string;
}

export function accessibilityMetadata(facts: BookFacts): AccessibilityMetadata {
  const features = ['structuralNavigation', 'tableOfContents', 'readingOrder', 'ARIA', 'displayTransformability', 'horizontalWriting'];
  if (facts.hasMath) features.push('MathML');
  const notes = [facts.hasEditorialNotes && '编者注', facts.hasGlossary && '名词简释'].filter(Boolean).join('和');
  const summary = [
    '本书全部内容为文字，可用读屏软件朗读，也可由阅读软件调整字号、字体、行距和颜色（含夜间模式）；没有闪烁、动画或声音。',
    `目录按报告的部分和节编排，标题层级与原文结构一致，阅读顺序即报告原文顺序；每段前标有段落编号（¶）${facts.linksToWeb ? '，链接到该段在网络版中的固定链接' : ''}。`,
    notes ? `${notes}以脚注形式链接，支持的阅读软件以弹出注释显示。` : '',
    facts.hasMath ? '公式用 MathML 编写，并附 TeX 形式的替代文字。' : '',
    facts.hasIndicators ? '主要指标为带表头的数据表格。' : '',
    '封面图片的文字在书名页中以文字给出。未作 WCAG 符合性评估。',
  ].join('');
  return {
    accessMode: ['textual'],
    accessModeSufficient: ['textual'],
    accessibilityFeature: features,
    accessibilityHazard: ['none'],
    accessibilitySummary: summary,
  };
}
