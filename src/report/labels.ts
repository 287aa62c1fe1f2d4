/** Labels the edition shows for chapters and paragraph ranges. */
import { numeral } from './numerals.ts';

/** The label of the chapter that holds part `n`, or of the opening: 卷首, 第一部分 … 第十二部分. */
export function chapterLabel(part: number | undefined): string {
  return part ? `第${numeral(part)}部分` : '卷首';
}

/** `[4]` → `¶4`; `[2, 3, …, 17]` → `¶2–17`. */
export function paragraphRange(numbers: readonly number[]): string {
  if (numbers.length === 0) return '';
  if (numbers.length === 1) return `¶${numbers[0]}`;
  return `¶${numbers[0]}–${numbers.at(-1)}`;
}
