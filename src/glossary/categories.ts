/** Categories of the glossary, in the order the glossary page shows them. */
export const GLOSSARY_CATEGORIES = ['政策提法', '改革举措', '专项行动', '规划与工程', '平台与机构', '荣誉与称号', '统计指标'] as const;

/** Where a term comes from. */
export const GLOSSARY_LEVELS = ['国家', '浙江省', '宁波市', '慈溪市'] as const;

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
