/** Categories of the glossary, in the order the glossary page shows them. */
export const GLOSSARY_CATEGORIES = ['政策提法', '改革举措', '专项行动', '规划与工程', '平台与机构', '荣誉与称号', '统计指标'] as const;

/** The level of an entry whose origin the edition cannot establish: it claims nothing. */
export const UNSTATED_LEVEL = '未注明';

/** Where a term may come from: the edition's levels (国家 … the report's place), then 未注明. */
export function glossaryLevels(levels: readonly string[]): [string, ...string[]] {
  const known = levels.filter((l) => l !== UNSTATED_LEVEL);
  return [...known, UNSTATED_LEVEL] as unknown as [string, ...string[]];
}

/** Stable ASCII anchors of the categories on the glossary page. */
export const CATEGORY_ANCHORS: Record<(typeof GLOSSARY_CATEGORIES)[number], string> = {
  政策提法: 'cat-policy',
  改革举措: 'cat-reform',
  专项行动: 'cat-campaign',
  规划与工程: 'cat-programme',
  平台与机构: 'cat-platform',
  荣誉与称号: 'cat-honour',
  统计指标: 'cat-indicator',
};
