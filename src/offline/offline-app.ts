/**
 * The offline edition's script: one classic script inlined in one HTML file, because a file
 * opened from disk can load no modules, fetch nothing and run no WebAssembly. It reuses the
 * site's own behaviour (theme, notes, glossary popovers) and searches with the site's query
 * semantics: the site lets Pagefind propose candidates and then keeps the paragraphs that
 * contain every term; here all the text is in the page, so every paragraph is a candidate and
 * the same check (`containsAll`, `findMatches`, `score` from src/search/tokens.ts) decides.
 */
import { containsAll, excerpt, findMatches, parseQuery, score } from '../search/tokens.ts';
import { paragraphText, type ParagraphPlaces } from './paragraph-text.ts';
import { initNotes } from '../reader/notes.ts';
import { initTermPopovers } from '../glossary/ui/term-popover.ts';
import { followTheme } from '../reader/theme.ts';
import { initThemeToggle } from '../reader/theme-toggle.ts';
// The header's results panel is styled by the site's search panel, whose styles come with its
// script (which this file does not run): the build puts them in the file's stylesheet.
import '../search/ui/search-panel.css';
import '../search/ui/results.css';
// The term popover's too: on the site, its script loads them from the address its shell names.
import '../reader/panels.css';

interface OfflineRecord {
  n: number;
  label: string;
  text: string;
}

function initSearch(records: OfflineRecord[]) {
  const input = document.querySelector<HTMLInputElement>('#offline-search-q');
  const panel = document.querySelector<HTMLElement>('#offline-results');
  if (!input || !panel) return;
  const status = panel.querySelector<HTMLElement>('.search-panel__status')!;
  const list = panel.querySelector<HTMLElement>('.offline-results__list')!;

  const run = () => {
    const terms = parseQuery(input.value);
    list.replaceChildren();
    if (terms.length === 0) {
      panel.hidden = true;
      return;
    }
    panel.hidden = false;
    const hits = records
      .filter((r) => containsAll(r.text, terms))
      .map((r) => ({ ...r, matches: findMatches(r.text, terms), score: score(r.text, terms) }))
      .sort((a, b) => b.score - a.score || a.n - b.n);
    status.textContent = hits.length ? `找到 ${hits.length} 个段落。` : `没有找到包含“${input.value.trim()}”的段落。可以减少几个字，或换一个说法再试。`;
    for (const hit of hits) {
      const a = document.createElement('a');
      a.className = 'result result--paragraph';
      a.href = `#p-${hit.n}`;
      const meta = document.createElement('span');
      meta.className = 'result__meta';
      const pnum = document.createElement('span');
      pnum.className = 'result__pnum';
      pnum.textContent = `¶${hit.n}`;
      const where = document.createElement('span');
      where.textContent = hit.label;
      meta.append(pnum, where);
      const text = document.createElement('span');
      text.className = 'result__excerpt';
      for (const part of excerpt(hit.text, hit.matches, 90)) {
        if (part.hit) {
          const mark = document.createElement('mark');
          mark.textContent = part.text;
          text.append(mark);
        } else text.append(part.text);
      }
      a.append(meta, text);
      const li = document.createElement('li');
      li.append(a);
      list.append(li);
    }
  };

  let timer = 0;
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = window.setTimeout(run, 120);
  });
  input.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      panel.hidden = true;
    } else if (event.key === 'Enter') {
      event.preventDefault();
      clearTimeout(timer);
      run();
    } else if (event.key === 'ArrowDown') {
      event.preventDefault();
      list.querySelector('a')?.focus();
    }
  });
  list.addEventListener('keydown', (event) => {
    const links = [...list.querySelectorAll('a')];
    const at = links.indexOf(document.activeElement as HTMLAnchorElement);
    if (event.key === 'ArrowDown') (links[at + 1] ?? links[at])?.focus();
    else if (event.key === 'ArrowUp') (at <= 0 ? input : links[at - 1]!).focus();
    else if (event.key === 'Escape') {
      panel.hidden = true;
      input.focus();
    } else return;
    event.preventDefault();
  });
  list.addEventListener('click', (event) => {
    if ((event.target as Element).closest('a')) panel.hidden = true;
  });
  addEventListener('keydown', (event) => {
    const typing = (event.target as HTMLElement).closest?.('input, textarea');
    if ((event.key === '/' && !typing) || (event.key.toLowerCase() === 'k' && (event.ctrlKey || event.metaKey))) {
      event.preventDefault();
      input.focus();
    }
  });
}

/** The search's records: each paragraph's text read from the page, its place from the data block. */
function readRecords(): OfflineRecord[] {
  const places = JSON.parse(document.getElementById('offline-paragraphs')?.textContent ?? '{"labels":[],"paragraphs":[]}') as ParagraphPlaces;
  return places.paragraphs.flatMap(([n, label]) => {
    const paragraph = document.getElementById(`p-${n}`);
    return paragraph ? [{ n, label: places.labels[label] ?? '', text: paragraphText(paragraph) }] : [];
  });
}

/**
 * The term popovers' short definitions. The file's glossary entries carry them (`data-summary`;
 * the term is the entry's heading), rather than a JSON copy repeating every id and term; the
 * site's popover reads them, as it does in any page that carries them, from a JSON data block.
 * Found by the attribute and the heading's tag, not by class: the script spells no class the
 * file's build could otherwise shorten (short-class-names.ts), and the build checks that each
 * entry's first heading is its term.
 */
function embedSummaries() {
  const summaries: Record<string, { term: string; summary: string }> = {};
  for (const entry of document.querySelectorAll<HTMLElement>('[data-summary]'))
    summaries[entry.id] = { term: entry.querySelector('h1, h2, h3, h4, h5, h6')?.textContent?.trim() ?? '', summary: entry.dataset.summary ?? '' };
  const block = document.createElement('script');
  block.type = 'application/json';
  block.id = 'glossary-summaries-data';
  block.textContent = JSON.stringify(summaries);
  document.body.append(block);
}

const data = readRecords();
embedSummaries();
followTheme();
initThemeToggle();
initNotes();
initTermPopovers();
initSearch(data);
