/**
 * Every phrase the report puts in quotation marks is accounted for in `quoted-phrases.yaml`: a
 * glossary entry explains it and the built chapter links it there (`note:`), or a reason says why a
 * reader outside the report's province needs no note (`plain:`). A phrase added to the source, an
 * entry renamed, or a term the chapters stop marking fails here, naming the phrase and the ¶.
 *
 * The rule for `note:` is exact: the phrase is the entry's term or one of its aliases, character for
 * character. Containment is not enough: the marking plugin links only whole names, so a name that
 * merely contains the phrase (or is contained in it) would leave the phrase unmarked or half marked.
 * "Marked" means: wherever the phrase is quoted, its characters are exactly one term link to that
 * entry, or that entry is already linked earlier in the same paragraph (the plugin links each entry
 * once per paragraph: “六稳”…“六保”, “基本无违建”…“无违建”).
 *
 * The built pages are read from `DIST` (default `dist/`), as the engine's site tests do.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { describe, expect, test } from 'vitest';
import { readEdition } from '../../src/edition/load-edition.ts';
import { entryIdFor } from '../../src/glossary/anchor.ts';
import { loadGlossary } from '../../src/glossary/load-glossary.ts';
import { load } from '../../tests/support/site.ts';

const edition = readEdition('content');
const paragraphs = edition.source.model.paragraphs;
const LIST_FILE = join('content', 'quoted-phrases.yaml');

interface Decision {
  phrase: string;
  para: number;
  note?: string;
  plain?: string;
}

const list = yaml.load(readFileSync(LIST_FILE, 'utf8')) as Decision[];
const glossary = loadGlossary(edition.paths.glossary!);
const entries = new Map(glossary.map((e) => [e.id, e]));
/** The entries as term links name them: by headword or by id (src/glossary/anchor.ts). */
const anchored = Object.fromEntries(glossary.map((e) => [e.id, { term: e.term }]));

/** Text in “…” and in nested ‘…’, in order of appearance, repeats kept. */
function quotedIn(text: string): string[] {
  const found: { at: number; phrase: string }[] = [];
  for (const m of text.matchAll(/“([^“”]*)”/g)) found.push({ at: m.index, phrase: m[1]! });
  for (const m of text.matchAll(/‘([^‘’]*)’/g)) found.push({ at: m.index, phrase: m[1]! });
  return found.sort((a, b) => a.at - b.at).map((f) => f.phrase);
}

/** Where the quoted phrase starts in a paragraph's text, for each time it is quoted there. */
function quotedAt(text: string, phrase: string): number[] {
  const at: number[] = [];
  for (const [open, close] of [['“', '”'], ['‘', '’']] as const) {
    const quoted = open + phrase + close;
    for (let i = text.indexOf(quoted); i !== -1; i = text.indexOf(quoted, i + 1)) at.push(i + 1);
  }
  return at.sort((a, b) => a - b);
}

/** The first ¶ each quoted phrase appears in. */
const firstParagraph = new Map<string, number>();
for (const p of paragraphs) for (const phrase of quotedIn(p.text)) if (!firstParagraph.has(phrase)) firstParagraph.set(phrase, p.n);

describe('quoted-phrases.yaml lists every quoted phrase of the source', () => {
  const source = readFileSync(edition.source.file, 'utf8');
  const inSource = [...new Set(quotedIn(source))];
  const listed = list.map((d) => d.phrase);

  test('each phrase once, none missing, none extra, in the order of the ¶ it first appears in', () => {
    const counts = new Map<string, number>();
    for (const phrase of listed) counts.set(phrase, (counts.get(phrase) ?? 0) + 1);
    expect([...counts].filter(([, n]) => n > 1).map(([p]) => p), '列了不止一次').toEqual([]);
    expect(inSource.filter((p) => !counts.has(p)), '原文有、清单中没有').toEqual([]);
    expect(listed.filter((p) => !inSource.includes(p)), '清单中有、原文没有').toEqual([]);
    // Headings quote too (一、…和“十三五”…); the list goes by paragraphs, whose ¶ it records.
    expect(listed).toEqual([...firstParagraph.keys()]);
  });

  test('each phrase gives the ¶ it first appears in', () => {
    const wrong = list.filter((d) => firstParagraph.get(d.phrase) !== d.para).map((d) => `${d.phrase}: ¶${d.para}，应为 ¶${firstParagraph.get(d.phrase)}`);
    expect(wrong).toEqual([]);
  });

  test('each phrase is either noted or plain, and a plain one says why in Chinese', () => {
    const bad = list.filter((d) => {
      const keys = Object.keys(d).sort().join(',');
      if (keys === 'note,para,phrase') return typeof d.note !== 'string' || d.note === '';
      if (keys === 'para,phrase,plain') return typeof d.plain !== 'string' || !/\p{Script=Han}{2}/u.test(d.plain);
      return true;
    });
    expect(bad.map((d) => d.phrase)).toEqual([]);
  });
});

describe('every noted phrase has its entry', () => {
  const noted = list.filter((d) => d.note !== undefined);

  test('the entry exists and goes by the phrase (its term or an alias, exactly)', () => {
    const bad = noted.flatMap((d) => {
      const entry = entries.get(d.note!);
      if (!entry) return [`${d.phrase}: 没有条目 ${d.note}`];
      return [entry.term, ...entry.aliases].includes(d.phrase) ? [] : [`${d.phrase}: 条目 ${d.note} 的 term 和 aliases 中没有它`];
    });
    expect(bad).toEqual([]);
  });

  test('the built chapter links the phrase to its entry wherever it is quoted', () => {
    const pages = edition.chapters.map((c) => load(`${c.slug}/index.html`));
    const bad: string[] = [];
    for (const d of noted) {
      for (const p of paragraphs) {
        const starts = quotedAt(p.text, d.phrase);
        if (!starts.length) continue;
        const element = pages.map((page) => page.getElementById(`p-${p.n}`)).find((e) => e !== null);
        if (!element) {
          bad.push(`¶${p.n} 不在任何章节页中`);
          continue;
        }
        const { text, links } = termLinks(element);
        if (text !== p.text) {
          bad.push(`¶${p.n} 的页面文字与原文不同`);
          continue;
        }
        for (const start of starts) {
          const end = start + d.phrase.length;
          const exact = links.some((l) => l.id === d.note && l.start === start && l.end === end);
          // The plugin links each entry once per paragraph, at its first mention.
          const earlier = links.some((l) => l.id === d.note && l.end <= start);
          if (!exact && !earlier) bad.push(`¶${p.n}“${d.phrase}”没有标为条目 ${d.note} 的链接`);
        }
      }
    }
    expect(bad).toEqual([]);
  });
});

/** A paragraph's report text (edition UI left out) and the span of each glossary term link in it. */
function termLinks(paragraph: Element): { text: string; links: { id: string; start: number; end: number }[] } {
  let text = '';
  const links: { id: string; start: number; end: number }[] = [];
  const walk = (node: Node) => {
    for (const child of node.childNodes) {
      if (child.nodeType === 3) text += child.textContent ?? '';
      if (child.nodeType !== 1) continue;
      const element = child as Element;
      if (element.hasAttribute('data-edition-ui')) continue;
      const start = text.length;
      walk(element);
      if (element.tagName === 'A' && element.classList.contains('term'))
        links.push({ id: entryIdFor((element.getAttribute('href') ?? '').split('#')[1] ?? '', anchored) ?? '', start, end: text.length });
    }
  };
  walk(paragraph);
  return { text, links };
}
