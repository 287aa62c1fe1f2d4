/**
 * The dialog in which a reader writes or edits a note and picks its colour: a native modal
 * <dialog>, so focus stays inside and Esc cancels. Browsers without <dialog> (Firefox before
 * 98, Safari before 15.4) get the same box shown fixed over the page. If saving fails (storage
 * full) the dialog stays open with the text still in it and says why.
 */
import { LIMITS, COLORS, COLOR_NAMES, type Annotation, type Color } from '../model.ts';
import type { AnnotationStore } from '../store.ts';
import { itemId } from './annotation-view.ts';

export interface EditorOptions {
  quote: string;
  color: Color;
  note: string;
  /** True for a new annotation: no 删除, and 保存 adds it. */
  isNew: boolean;
  /** Saves; returns a message if it could not. */
  save: (value: { color: Color; note: string }) => string | undefined;
  /** Deletes; returns a message if it could not. */
  remove?: () => string | undefined;
}

let dialog: HTMLDialogElement | undefined;

function build(): HTMLDialogElement {
  const d = document.createElement('dialog');
  d.className = 'anno-editor';
  d.setAttribute('aria-labelledby', 'anno-editor-title');
  d.setAttribute('data-edition-ui', '');
  d.setAttribute('data-pagefind-ignore', 'all');
  const swatches = COLORS.map(
    (c) => `<label class="anno-editor__swatch" data-color="${c}"><input type="radio" name="color" value="${c}" /><span>${COLOR_NAMES[c]}</span></label>`,
  ).join('');
  d.innerHTML = `
    <form class="anno-editor__form">
      <h2 class="anno-editor__title" id="anno-editor-title"></h2>
      <blockquote class="anno-editor__quote"></blockquote>
      <label class="anno-editor__label" for="anno-editor-note">批注（纯文本，可以不写，只高亮）</label>
      <textarea id="anno-editor-note" name="note" rows="5" maxlength="${LIMITS.note}"></textarea>
      <fieldset class="anno-editor__colors"><legend>颜色</legend>${swatches}</fieldset>
      <p class="anno-editor__privacy">批注只保存在本浏览器中，不会上传；可在“我的批注”页导出备份。</p>
      <p class="anno-editor__error" role="alert"></p>
      <div class="anno-editor__actions">
        <button type="button" data-editor-action="save" class="anno-editor__save">保存</button>
        <button type="button" data-editor-action="cancel">取消</button>
        <button type="button" data-editor-action="delete" class="anno-editor__delete">删除批注</button>
      </div>
    </form>`;
  document.body.append(d);
  return d;
}

/** Opens the editor; resolves once it closes, however it closes. */
export function openEditor(options: EditorOptions): Promise<'saved' | 'deleted' | 'cancelled'> {
  const d = (dialog ??= build());
  const form = d.querySelector('form')!;
  const note = d.querySelector('textarea')!;
  const error = d.querySelector<HTMLElement>('.anno-editor__error')!;
  d.querySelector('.anno-editor__title')!.textContent = options.isNew ? '添加批注' : '编辑批注';
  d.querySelector('.anno-editor__quote')!.textContent = options.quote;
  note.value = options.note;
  for (const radio of form.querySelectorAll<HTMLInputElement>('input[name="color"]')) radio.checked = radio.value === options.color;
  d.querySelector<HTMLElement>('.anno-editor__delete')!.hidden = options.isNew || !options.remove;
  error.textContent = '';
  type Outcome = 'saved' | 'deleted' | 'cancelled';
  return new Promise<Outcome>((resolve) => {
    let settled = false;
    const finish = (outcome: Outcome) => {
      if (settled) return;
      settled = true;
      form.removeEventListener('click', onClick);
      form.removeEventListener('submit', onSubmit);
      d.removeEventListener('keydown', onKey);
      d.removeEventListener('close', onClose);
      if (d.open && typeof d.close === 'function') d.close();
      d.removeAttribute('open');
      resolve(outcome);
    };
    const act = (action: string | undefined) => {
      if (action === 'cancel') return finish('cancelled');
      const failed =
        action === 'save'
          ? options.save({ color: (new FormData(form).get('color') as Color | null) ?? options.color, note: note.value.trim() })
          : action === 'delete'
            ? options.remove?.()
            : undefined;
      if (failed) error.textContent = failed;
      else if (action === 'save') finish('saved');
      else if (action === 'delete') finish('deleted');
    };
    const onClick = (event: Event) => act((event.target as Element).closest<HTMLElement>('[data-editor-action]')?.dataset.editorAction);
    const onSubmit = (event: Event) => event.preventDefault();
    const onKey = (event: KeyboardEvent) => {
      // Ctrl+Enter (⌘Enter) saves from the text box; Esc cancels, with or without <dialog>.
      if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
        event.preventDefault();
        act('save');
      } else if (event.key === 'Escape') {
        event.preventDefault();
        finish('cancelled');
      }
    };
    const onClose = () => finish('cancelled');
    form.addEventListener('click', onClick);
    form.addEventListener('submit', onSubmit);
    d.addEventListener('keydown', onKey);
    d.addEventListener('close', onClose);
    if (typeof d.showModal === 'function') d.showModal();
    else {
      d.classList.add('anno-editor--fallback');
      d.setAttribute('open', '');
    }
    note.focus();
  });
}

/**
 * Edits a stored annotation in the editor, and puts focus where the reader will look next: on
 * the edited item's 编辑 button, or back on `trigger` if nothing changed. Resolves with the
 * outcome, so the page can offer undo after a deletion.
 */
export async function editStored(store: AnnotationStore, a: Annotation, trigger: HTMLElement) {
  const outcome = await openEditor({
    quote: a.quote.exact,
    color: a.color,
    note: a.note,
    isNew: false,
    save: (value) => store.update(a.id, value),
    remove: () => store.remove(a.id),
  });
  if (outcome === 'saved') document.getElementById(itemId(a))?.querySelector<HTMLElement>('[data-anno-action="edit"]')?.focus();
  else if (outcome === 'cancelled') trigger.focus();
  return outcome;
}
