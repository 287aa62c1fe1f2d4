/**
 * 复制引用 for selected words: selecting text inside a paragraph offers a button that copies
 * the quotation with its source and a link that finds the words again (see quoteLink).
 */
import { quotation, quoteLink } from '../cite/format.ts';
import { COPY_MESSAGES, copyText } from './copy.ts';

/** The selected report text and its paragraph, if the selection lies within one paragraph. */
function selectedQuote(): { text: string; n: number; rect: DOMRect } | undefined {
  const selection = getSelection();
  if (!selection || selection.isCollapsed || selection.rangeCount === 0) return undefined;
  const range = selection.getRangeAt(0);
  const para = (node: Node | null) => (node instanceof Element ? node : node?.parentElement)?.closest<HTMLElement>('.para');
  const start = para(range.startContainer);
  if (!start || start !== para(range.endContainer)) return undefined;
  // The words as the report has them: edition UI inside the selection is left out.
  const fragment = range.cloneContents();
  for (const ui of fragment.querySelectorAll('[data-edition-ui]')) ui.remove();
  const text = (fragment.textContent ?? '').trim();
  if (!text) return undefined;
  return { text, n: Number(start.id.slice(2)), rect: range.getBoundingClientRect() };
}

export function initSelectionCite() {
  if (!document.querySelector('.para')) return;
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'quote-button';
  button.textContent = '复制引用';
  button.setAttribute('data-edition-ui', '');
  button.hidden = true;
  const status = document.createElement('p');
  status.className = 'quote-status';
  status.setAttribute('role', 'status');
  status.setAttribute('aria-live', 'polite');
  status.setAttribute('data-edition-ui', '');
  const shown = document.createElement('span');
  shown.className = 'visually-hidden';
  status.after(shown);
  document.body.append(button, status, shown);
  let current: ReturnType<typeof selectedQuote>;

  const update = () => {
    current = selectedQuote();
    if (!current) {
      button.hidden = true;
      return;
    }
    button.hidden = false;
    const width = button.offsetWidth || 80;
    button.style.left = `${Math.max(8, Math.min(current.rect.right - width, document.documentElement.clientWidth - width - 8)) + window.scrollX}px`;
    button.style.top = `${current.rect.bottom + window.scrollY + 8}px`;
  };
  document.addEventListener('mouseup', () => setTimeout(update));
  document.addEventListener('keyup', (event) => {
    if (event.shiftKey || event.key.startsWith('Arrow')) update();
  });
  button.addEventListener('mousedown', (event) => event.preventDefault()); // keep the selection
  button.addEventListener('click', async () => {
    if (!current) return;
    const link = quoteLink(new URL(location.pathname, location.href).href, current.n, current.text);
    const text = quotation(current.text, current.n, link);
    shown.textContent = text;
    const result = await copyText(text, shown);
    status.textContent = `复制引用：${COPY_MESSAGES[result]}`;
    status.classList.add('is-visible');
    button.dataset.copied = result;
    button.dataset.text = text;
    setTimeout(() => status.classList.remove('is-visible'), 4000);
  });
}
