/** Chinese numerals as the report writes them in part and section numbers. */

const DIGITS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 3 → 三; 10 → 十; 12 → 十二; 20 → 二十; 99 → 九十九. Enough for parts, sections and tasks. */
export function numeral(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 99) throw new RangeError(`numeral: ${n} is outside 1–99`);
  if (n < 10) return DIGITS[n]!;
  const tens = Math.floor(n / 10);
  return `${tens === 1 ? '' : DIGITS[tens]}十${DIGITS[n % 10]}`;
}
