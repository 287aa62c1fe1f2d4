/** Orders glossary terms as a Chinese reader looks them up: by pinyin (pinyin-pro), then by form. */
import { pinyin } from 'pinyin-pro';

/** The sort key of a term: toneless pinyin, syllable by syllable, Latin and digits as they are. */
export function pinyinKey(term: string): string {
  return pinyin(term, { toneType: 'num', type: 'array', nonZh: 'consecutive', v: true })
    .map((s) => s.toLowerCase())
    .join(' ');
}

/** Sorts items by the pinyin of their term. */
export function byPinyin<T>(items: readonly T[], term: (item: T) => string): T[] {
  return [...items]
    .map((item) => ({ item, key: pinyinKey(term(item)) }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : term(a.item).localeCompare(term(b.item), 'zh-CN')))
    .map((x) => x.item);
}
