/**
 * A short message at the foot of the window ("已复制。", "已删除批注。 撤销"), announced to
 * screen readers through one polite live region that exists from the first message on.
 */
import toastCss from './toast.css?url';
import { loadStylesheet } from './stylesheet.ts';

let region: HTMLElement | undefined;
let timer: ReturnType<typeof setTimeout> | undefined;

export interface ToastAction {
  label: string;
  run: () => void;
}

/** The messages' styles, fetched with the first message. */
let styled: Promise<void> | undefined;

export function toast(message: string, action?: ToastAction) {
  styled ??= loadStylesheet(toastCss);
  void styled.then(() => show(message, action));
}

function show(message: string, action?: ToastAction) {
  if (!region) {
    region = document.createElement('div');
    region.className = 'edition-toast';
    region.setAttribute('role', 'status');
    region.setAttribute('aria-live', 'polite');
    region.setAttribute('data-edition-ui', '');
    document.body.append(region);
  }
  const text = document.createElement('span');
  text.textContent = message;
  region.replaceChildren(text);
  if (action) {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'edition-toast__action';
    button.textContent = action.label;
    button.addEventListener('click', () => {
      hide();
      action.run();
    });
    region.append(button);
  }
  region.classList.add('is-visible');
  clearTimeout(timer);
  timer = setTimeout(hide, action ? 8000 : 4000);
}

function hide() {
  region?.classList.remove('is-visible');
}
