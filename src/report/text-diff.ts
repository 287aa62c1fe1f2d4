/**
 * Says where two texts first differ, in words an editor can act on: the character position and
 * a few characters of each side around it.
 */

const CONTEXT = 8;

/** Describes the first difference between `expected` (the source) and `actual` (the chapter). */
export function describeDifference(expected: string, actual: string): string {
  const a = Array.from(expected);
  const b = Array.from(actual);
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (i === a.length && i === b.length) return '两者相同。';
  const around = (chars: string[]) => {
    const text = chars.slice(Math.max(0, i - CONTEXT), i + CONTEXT).join('');
    return text === '' ? '（空）' : text;
  };
  return `从第 ${i + 1} 个字符起不同：原文为“${around(a)}”，此处为“${around(b)}”。`;
}
