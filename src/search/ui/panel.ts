/**
 * The header's search box as a combobox: results appear under it as the reader types; arrows
 * move through them, Enter opens one (or, with none chosen, the search page), Esc closes.
 * Loaded only when the reader starts a search.
 */
import resultsCss from './results.css?url';
import panelCss from './search-panel.css?url';
import { loadStylesheet } from '../../reader/stylesheet.ts';
import { placePanel } from '../../reader/place-panel.ts';
import { loadSearch } from './load-pagefind.ts';
import { glossaryItem, paragraphItem, searchPageHref, statusText } from './render.ts';

/** The panel's styles and its results', loading as this module does; wait for them before showing it. */
export const styled = Promise.all([loadStylesheet(resultsCss), loadStylesheet(panelCss)]);

const MAX_PARAGRAPHS = 8;
const MAX_GLOSSARY = 3;
const DEBOUNCE_MS = 120;

/**
 * Makes the box a combobox and adds its results panel to the form: a live status line, the
 * list, and a link to the search page. Made here, when the reader starts a search, rather than
 * in every page's HTML: without this script the box is a plain field of a GET form, and
 * `role="combobox"` would promise a list that never comes.
 */
function buildPanel(input: HTMLInputElement, form: HTMLFormElement) {
  const part = <K extends keyof HTMLElementTagNameMap>(tag: K, className: string) => {
    const el = document.createElement(tag);
    el.className = className;
    return el;
  };
  const panel = part('div', 'search-panel');
  panel.hidden = true;
  const status = part('p', 'search-panel__status');
  status.setAttribute('role', 'status');
  status.setAttribute('aria-live', 'polite');
  const list = part('ul', 'search-panel__list');
  list.id = `${input.id}-list`;
  list.setAttribute('role', 'listbox');
  list.setAttribute('aria-label', '搜索结果');
  const all = part('a', 'search-panel__all');
  all.href = form.action;
  all.textContent = '在搜索页查看全部结果';
  panel.append(status, list, all);
  form.append(panel);
  const attributes: [string, string][] = [['role', 'combobox'], ['aria-expanded', 'false'], ['aria-autocomplete', 'list'], ['aria-controls', list.id]];
  for (const [name, value] of attributes) input.setAttribute(name, value);
  return { panel, status, list, all };
}

export function initPanel(input: HTMLInputElement) {
  if (!input.form) return;
  const { panel, status, list, all } = buildPanel(input, input.form);
  let sequence = 0;
  let timer = 0;
  let active = -1;

  const options = () => [...list.querySelectorAll<HTMLAnchorElement>('[role="option"]')];
  /** Marks option `index` as chosen; wraps around at both ends; `null` chooses none. */
  const setActive = (index: number | null) => {
    const items = options();
    active = index === null || items.length === 0 ? -1 : (index + items.length) % items.length;
    items.forEach((item, i) => item.setAttribute('aria-selected', String(i === active)));
    const current = items[active];
    if (current) {
      input.setAttribute('aria-activedescendant', current.id);
      current.scrollIntoView({ block: 'nearest' });
    } else input.removeAttribute('aria-activedescendant');
  };
  const open = (value: boolean) => {
    const opening = value && panel.hidden;
    panel.hidden = !value;
    // Under the box, right-aligned, inside the window, at most 34 × 36 rem (at the default
    // size); shorter, scrolling inside, where the window is short. It follows the box while
    // shown, as results come and go.
    if (opening) void placePanel(panel, input.form ?? input, { placement: 'bottom-end', maxWidth: 544, maxHeight: 576, belowHeader: false });
    input.setAttribute('aria-expanded', String(value));
    if (!value) setActive(null);
  };

  const run = async () => {
    const query = input.value;
    const mine = ++sequence;
    if (!query.trim()) {
      open(false);
      return;
    }
    status.textContent = '正在搜索……';
    open(true);
    try {
      const search = await loadSearch();
      const outcome = await search(query);
      if (mine !== sequence) return;
      list.replaceChildren();
      const items = [
        ...outcome.glossary.slice(0, MAX_GLOSSARY).map(glossaryItem),
        ...outcome.paragraphs.slice(0, MAX_PARAGRAPHS).map((hit) => paragraphItem(hit, outcome.terms, 60)),
      ];
      items.forEach((a, i) => {
        a.id = `site-search-option-${i}`;
        a.setAttribute('role', 'option');
        a.setAttribute('aria-selected', 'false');
        a.tabIndex = -1;
        const li = document.createElement('li');
        li.setAttribute('role', 'presentation');
        li.append(a);
        list.append(li);
      });
      active = -1;
      input.removeAttribute('aria-activedescendant');
      status.textContent =
        statusText(outcome) + (outcome.paragraphs.length > MAX_PARAGRAPHS ? ` 这里列出前 ${MAX_PARAGRAPHS} 个。` : '');
      all.href = searchPageHref(query);
      all.textContent = outcome.paragraphs.length || outcome.glossary.length ? '在搜索页查看全部结果' : '在搜索页查看搜索建议';
    } catch (error) {
      if (mine !== sequence) return;
      status.textContent = '搜索功能加载失败，请稍后重试，或在搜索页中搜索。';
      console.warn(error);
    }
  };

  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = window.setTimeout(run, DEBOUNCE_MS);
  });
  input.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (panel.hidden) {
        if (input.value.trim()) void run();
        return;
      }
      event.preventDefault();
      setActive(active === -1 && event.key === 'ArrowUp' ? -1 : active + (event.key === 'ArrowDown' ? 1 : -1));
    } else if (event.key === 'Enter') {
      const current = options()[active];
      event.preventDefault();
      location.href = current ? current.href : searchPageHref(input.value);
    } else if (event.key === 'Escape') {
      if (!panel.hidden) {
        event.preventDefault();
        open(false);
      } else if (input.value) {
        input.value = '';
      } else input.blur();
    }
  });
  document.addEventListener('pointerdown', (event) => {
    if (!panel.contains(event.target as Node) && event.target !== input) open(false);
  });
  input.addEventListener('focus', () => {
    if (input.value.trim() && list.children.length) open(true);
  });
  if (input.value.trim()) void run();
}
