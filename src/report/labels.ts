/** Labels the edition shows for paragraph ranges. */

/** `[4]` → `¶4`; `[2, 3, …, 17]` → `¶2–17`. */
export function paragraphRange(numbers: readonly number[]): string {
  if (numbers.length === 0) return '';
  if (numbers.length === 1) return `¶${numbers[0]}`;
  return `¶${numbers[0]}–${numbers.at(-1)}`;
}
