/**
 * The search page: reads `?q=` on load and shows every result; typing updates the results and
 * the URL (replaceState, so Back leaves the page rather than stepping through keystrokes).
 * Arrow keys move between results. A search that finds nothing suggests shorter queries and
 * glossary terms that do find something.
 */
import type { SearchOutcome } from '../engine.ts';
import { loadSearch } from './load-pagefind.ts';
import { glossaryItem, paragraphItem, searchPageHref, statusText, suggestions } from './render.ts';

const DEBOUNCE_MS = 150;

/** The glossary's terms, for suggestions; none where the edition has no glossary. */
async function glossaryTerms(root: HTMLElement): Promise<string[]> {
  if (!root.dataset.glossaryTerms) return [];
  try {
    const response = await fetch(root.dataset.glossaryTerms);
    return response.ok ? ((await response.json()) as string[]) : [];
  } catch {
    return [];
  }
}

export function initSearchPage() {
  const root = document.querySelector<HTMLElement>('.search-page');
  const input = document.querySelector<HTMLInputElement>('#search-q');
  const form = root?.querySelector('form');
  if (!root || !input || !form) return;
  const status = root.querySelector<HTMLElement>('.search-page__status')!;
  const group = (name: string) => root.querySelector<HTMLElement>(`[data-group="${name}"]`)!;
  let sequence = 0;
  let timer = 0;

  const show = (name: string, items: HTMLElement[]) => {
    const section = group(name);
    const list = section.querySelector('ul, ol')!;
    list.replaceChildren(
      ...items.map((item) => {
        const li = document.createElement('li');
        li.append(item);
        return li;
      }),
    );
    section.hidden = items.length === 0;
  };

  const suggest = async (outcome: SearchOutcome, search: (q: string) => Promise<SearchOutcome>, mine: number) => {
    const candidates = suggestions(outcome, await glossaryTerms(root));
    const found: { query: string; count: number }[] = [];
    for (const query of candidates) {
      const result = await search(query);
      const count = result.paragraphs.length + result.glossary.length;
      if (count) found.push({ query, count });
    }
    if (mine !== sequence) return;
    show(
      'suggestions',
      found.map(({ query, count }) => {
        const a = document.createElement('a');
        a.href = searchPageHref(query);
        a.textContent = query;
        const n = document.createElement('span');
        n.className = 'search-page__count';
        n.textContent = `${count} 条`;
        a.append(n);
        return a;
      }),
    );
    if (found.length === 0)
      status.textContent += ' 可以换一个说法，或减少几个字再试。';
  };

  const run = async (updateUrl: boolean) => {
    const query = input.value;
    const mine = ++sequence;
    if (updateUrl) {
      const url = new URL(location.href);
      if (query.trim()) url.searchParams.set('q', query);
      else url.searchParams.delete('q');
      history.replaceState(null, '', url);
    }
    document.title = query.trim() ? `“${query.trim()}”的搜索结果 | 政府工作报告 · 阅读注释版` : '搜索 | 政府工作报告 · 阅读注释版';
    if (!query.trim()) {
      status.textContent = '';
      for (const name of ['glossary', 'paragraphs', 'suggestions']) show(name, []);
      return;
    }
    status.textContent = '正在搜索……';
    try {
      const search = await loadSearch();
      const outcome = await search(query);
      if (mine !== sequence) return;
      show('glossary', outcome.glossary.map(glossaryItem));
      show('paragraphs', outcome.paragraphs.map((hit) => paragraphItem(hit, outcome.terms, 120)));
      show('suggestions', []);
      status.textContent = statusText(outcome);
      if (outcome.paragraphs.length === 0 && outcome.glossary.length === 0) await suggest(outcome, search, mine);
    } catch (error) {
      if (mine !== sequence) return;
      status.textContent = '搜索功能加载失败。请确认网站文件完整（包括 pagefind 文件夹），然后刷新页面重试。';
      console.warn(error);
    }
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearTimeout(timer);
    void run(true);
  });
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = window.setTimeout(() => void run(true), DEBOUNCE_MS);
  });
  // Arrow keys move from the box through the results and back.
  root.addEventListener('keydown', (event) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const links = [...root.querySelectorAll<HTMLAnchorElement>('.search-page__group:not([hidden]) a')];
    if (links.length === 0) return;
    const at = links.indexOf(document.activeElement as HTMLAnchorElement);
    if (document.activeElement !== input && at === -1) return;
    event.preventDefault();
    const next = event.key === 'ArrowDown' ? at + 1 : at - 1;
    if (next < 0) input.focus();
    else links[Math.min(next, links.length - 1)]!.focus();
  });

  const initial = new URLSearchParams(location.search).get('q') ?? '';
  input.value = initial;
  if (initial.trim()) void run(false);
  else input.focus();
}
