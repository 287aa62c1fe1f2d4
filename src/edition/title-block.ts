/**
 * Reads a work report's title block, so that its facts are typed once, in the report:
 *
 *     政 府 工 作 报 告
 *     2024年1月10日在示例县
 *     第十八届人民代表大会第三次会议上
 *     县长  王  某
 *
 * gives the title 政府工作报告, the date 2024-01-10, the place 示例县, the meeting
 * 第十八届人民代表大会第三次会议 and the speaker 县长 王某. The occasion may be split over any
 * number of lines; the spaces a typesetter puts between the characters of a title or a name are
 * not part of them.
 */

export interface TitleBlock {
  title: string;
  /** `YYYY-MM-DD`. */
  date: string;
  place: string;
  meeting: string;
  speaker: { role: string; name: string };
  /** The occasion as the report writes it, one entry per source line: 2024年1月10日在示例县 … 上. */
  occasionLines: string[];
}

/** What could not be read, with the source line it was looked for on. */
export interface TitleBlockGap {
  field: keyof Omit<TitleBlock, 'occasionLines'>;
  line: number;
}

const SPACES = /[\s\u3000]+/g;
const OCCASION = /^(\d{4})年(\d{1,2})月(\d{1,2})日在(.+?)(第[一二三四五六七八九十百零〇\d]+届.+?会议)上$/;
const SPEAKER = /^((?:代理|代)?(?:[省市县区州旗盟乡镇]长|主席|常务副[省市县区]长|副[省市县区]长))(.+)$/;

const pad = (n: string) => n.padStart(2, '0');

/**
 * Reads what it can of the title block; `gaps` names each fact it could not find, so the
 * caller can ask for it in the edition's settings.
 */
export function readTitleBlock(lines: readonly { line: number; text: string }[]): { facts: Partial<TitleBlock>; gaps: TitleBlockGap[] } {
  const facts: Partial<TitleBlock> = {};
  const gaps: TitleBlockGap[] = [];
  const first = lines[0];
  const last = lines.at(-1);
  if (first) facts.title = first.text.replace(SPACES, '');
  else gaps.push({ field: 'title', line: 1 });

  const speaker = lines.length > 1 && last ? SPEAKER.exec(last.text.replace(SPACES, '')) : null;
  if (speaker) facts.speaker = { role: speaker[1]!, name: speaker[2]! };
  else gaps.push({ field: 'speaker', line: last?.line ?? 1 });

  const middle = lines.slice(1, speaker ? -1 : undefined);
  const occasion = OCCASION.exec(middle.map((l) => l.text.replace(SPACES, '')).join(''));
  if (occasion) {
    facts.date = `${occasion[1]}-${pad(occasion[2]!)}-${pad(occasion[3]!)}`;
    facts.place = occasion[4]!;
    facts.meeting = occasion[5]!;
    facts.occasionLines = middle.map((l) => l.text.trim());
  } else {
    const line = middle[0]?.line ?? first?.line ?? 1;
    gaps.push({ field: 'date', line }, { field: 'place', line }, { field: 'meeting', line });
  }
  return { facts, gaps };
}
