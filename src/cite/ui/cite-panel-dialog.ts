/**
 * The 引用 panel itself, loaded on the first click of a ¶ number (see cite-panel.ts): the
 * paragraph's permalink, the chapter link, a GB/T 7714-2015 reference and a short in-text form,
 * each with a copy button; and the reference as files for reference managers (RIS, BibTeX,
 * CSL-JSON, see src/cite/files.ts), each to download or copy. Shift-click on another ¶ number
 * extends it to a range. The panel takes focus; Esc or 关闭 closes it and focus returns to the
 * ¶ number.
 */
import panelsCss from '../../reader/panels.css?url';
import { loadStylesheet } from '../../reader/stylesheet.ts';
import edition from 'virtual:edition';
import { citationFiles, citationKey } from '../files.ts';
import { gbt7714, rangeAnchor, rangeLabel, shortForm, type Range } from '../format.ts';
import { url } from '../../site/urls.ts';
import { paragraphOf } from './cite-panel.ts';
import { downloadText } from '../../reader/download.ts';
import { COPY_MESSAGES, copyText } from '../../reader/copy.ts';
import { placeBelow } from '../../reader/place-below.ts';

/** The panel's styles, loading as this module does; wait for them before showing it. */
export const styled = loadStylesheet(panelsCss);

function build(): HTMLElement {
  const panel = document.createElement('div');
  panel.id = 'cite-panel';
  panel.className = 'cite-panel';
  panel.setAttribute('role', 'dialog');
  panel.setAttribute('aria-modal', 'false');
  panel.setAttribute('aria-labelledby', 'cite-panel-title');
  panel.setAttribute('data-edition-ui', '');
  panel.tabIndex = -1;
  panel.hidden = true;
  panel.innerHTML = `
    <p class="cite-panel__title" id="cite-panel-title">引用</p>
    <dl class="cite-panel__list"></dl>
    <p class="cite-panel__hint">按住 Shift 再点另一个段落编号，可引用连续几段。</p>
    <p class="cite-panel__status" role="status" aria-live="polite"></p>
    <button type="button" class="cite-panel__close" aria-label="关闭引用">×</button>`;
  document.body.append(panel);
  return panel;
}

let panel: HTMLElement | undefined;
let range: Range | undefined;
let trigger: HTMLAnchorElement | undefined;

function mark() {
  for (const p of document.querySelectorAll('.para.is-highlighted')) p.classList.remove('is-highlighted');
  if (!range) return;
  for (let n = range.from; n <= range.to; n++) document.getElementById(`p-${n}`)?.classList.add('is-highlighted');
}

function close(restoreFocus: boolean) {
  if (!panel || panel.hidden) return;
  panel.hidden = true;
  trigger?.setAttribute('aria-expanded', 'false');
  range = undefined;
  mark();
  if (restoreFocus) trigger?.focus();
}

function button(label: string, describedBy: string, action: () => void | Promise<void>) {
  const b = document.createElement('button');
  b.type = 'button';
  b.className = 'cite-panel__copy';
  b.textContent = label;
  b.setAttribute('aria-describedby', describedBy);
  b.addEventListener('click', () => void action());
  return b;
}

/** The files for reference managers: each named, to download or copy. */
function fileRows(list: Element, status: Element, r: Range, permalink: string) {
  const part = { edition: edition.id, range: r, url: permalink, accessed: new Date(), language: document.documentElement.lang };
  const dt = document.createElement('dt');
  dt.textContent = '引用文件（导入 Zotero、EndNote、NoteExpress 等文献管理软件）';
  list.append(dt);
  for (const file of citationFiles(edition.citation, part)) {
    const dd = document.createElement('dd');
    dd.className = 'cite-panel__file';
    const name = `${citationKey(part)}.${file.ext}`;
    const label = document.createElement('span');
    label.className = 'cite-panel__value';
    label.id = `cite-file-${file.ext}`;
    label.textContent = `${file.label}（${name}）`;
    // What copying selects where the browser allows nothing else: the file's text, shown then.
    const shown = document.createElement('pre');
    shown.className = 'cite-panel__value cite-panel__file-text';
    shown.textContent = file.text;
    shown.hidden = true;
    dd.append(
      label,
      button('下载', label.id, () => {
        downloadText(name, `${file.type};charset=utf-8`, file.text);
        status.textContent = `${file.label}：已下载 ${name}。`;
      }),
      button('复制', label.id, async () => {
        const result = await copyText(file.text, shown);
        if (result === 'selected') shown.hidden = false;
        status.textContent = `${file.label}：${COPY_MESSAGES[result]}`;
        panel!.dataset.copied = result;
      }),
      shown,
    );
    list.append(dd);
  }
}

function render() {
  const p = panel!;
  const r = range!;
  const chapter = new URL(location.pathname, location.href).href;
  const permalink = r.from === r.to ? new URL(url(`p/${r.from}/`), location.href).href : `${chapter}#${rangeAnchor(r)}`;
  const rows: [string, string][] = [
    [r.from === r.to ? '段落固定链接' : '段落范围链接', permalink],
    ['章节中的位置', `${chapter}#${rangeAnchor(r)}`],
    ['参考文献（GB/T 7714—2015）', gbt7714(edition.citation, permalink, new Date())],
    ['文中简注', shortForm(edition.citation, r)],
  ];
  p.querySelector('#cite-panel-title')!.textContent = `引用 ${rangeLabel(r)}`;
  const list = p.querySelector('.cite-panel__list')!;
  list.replaceChildren();
  rows.forEach(([label, value], i) => {
    const dt = document.createElement('dt');
    dt.textContent = label;
    const dd = document.createElement('dd');
    const text = document.createElement('span');
    text.className = 'cite-panel__value';
    text.id = `cite-value-${i}`;
    text.append(...withBreaks(value));
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'cite-panel__copy';
    button.textContent = '复制';
    button.setAttribute('aria-describedby', `cite-value-${i}`);
    button.addEventListener('click', async () => {
      const result = await copyText(value, text);
      p.querySelector('.cite-panel__status')!.textContent = `${label}：${COPY_MESSAGES[result]}`;
      p.dataset.copied = result;
    });
    dd.append(text, button);
    list.append(dt, dd);
  });
  fileRows(list, p.querySelector('.cite-panel__status')!, r, permalink);
  p.querySelector('.cite-panel__status')!.textContent = '';
}

/**
 * `value` as text that wraps between an address's parts: a line-break opportunity (`<wbr>`) after
 * each `/` (not inside `//`), and its fragment (`#p-12`) kept whole, so a long address wraps as
 * “…/part-1/” and “#p-12” rather than wherever the line runs out (“…#p-” and “12”: browsers
 * break after a hyphen). The text is unchanged: what is selected or copied is the address as it is.
 */
function withBreaks(value: string): Node[] {
  const hash = value.search(/#[^\s#]*$/);
  const path = hash < 0 ? value : value.slice(0, hash);
  const nodes: Node[] = [];
  let from = 0;
  for (let i = 1; i < path.length; i++) {
    if (path[i - 1] !== '/' || path[i] === '/') continue;
    nodes.push(document.createTextNode(path.slice(from, i)), document.createElement('wbr'));
    from = i;
  }
  nodes.push(document.createTextNode(path.slice(from)));
  if (hash >= 0) {
    const fragment = document.createElement('span');
    fragment.className = 'cite-panel__fragment';
    fragment.textContent = value.slice(hash);
    nodes.push(document.createElement('wbr'), fragment);
  }
  return nodes;
}

/** Opens the panel for a ¶ number, or extends the open one to a range. */
export function openCitePanel(pnum: HTMLAnchorElement, extend: boolean) {
  panel ??= build();
  const n = paragraphOf(pnum);
  if (extend && range && !panel.hidden) range = { from: Math.min(range.from, n), to: Math.max(range.to, n) };
  else {
    range = { from: n, to: n };
    trigger?.setAttribute('aria-expanded', 'false');
    trigger = pnum;
    // The address bar shows the paragraph, as following the link would, without a jump.
    history.replaceState(history.state, '', `#p-${n}`);
  }
  trigger!.setAttribute('aria-expanded', 'true');
  render();
  mark();
  panel.hidden = false;
  placeBelow(panel, trigger!, 480);
  panel.focus({ preventScroll: true });
}

document.addEventListener('click', (event) => {
  const target = event.target as Element;
  if (panel && !panel.hidden && target.closest('.cite-panel__close')) close(true);
});
document.addEventListener('keydown', (event) => {
  if (event.key === 'Escape' && panel && !panel.hidden) {
    event.preventDefault();
    close(true);
  }
});
document.addEventListener('pointerdown', (event) => {
  const target = event.target as Element;
  if (panel && !panel.hidden && !panel.contains(target) && !target.closest('.pnum')) close(false);
});
