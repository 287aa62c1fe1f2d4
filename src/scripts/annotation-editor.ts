/**
 * The dialog in which a reader writes or edits a note and picks its colour: a native modal
 * <dialog>, so focus stays inside, Esc cancels and focus goes back where it was. If saving
 * fails (storage full) the dialog stays open with the text still in it and says why.
 */
import { LIMITS, COLORS, COLOR_NAMES, type Color } from '../annotate/model.ts';

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
    <form method="dialog" class="anno-editor__form">
      <h2 class="anno-editor__title" id="anno-editor-title"></h2>
      <blockquote class="anno-editor__quote"></blockquote>
      <label class="anno-editor__label" for="anno-editor-note">批注（纯文本，可以不写，只高亮）</label>
      <textarea id="anno-editor-note" name="note" rows="5" maxlength="${LIMITS.note}"></textarea>
      <fieldset class="anno-editor__colors"><legend>颜色</legend>${swatches}</fieldset>
      <p class="anno-editor__privacy">批注只保存在本浏览器中，不会上传；可在“我的批注”页导出备份。</p>
      <p class="anno-editor__error" role="alert"></p>
      <div class="anno-editor__actions">
        <button type="submit" value="save" class="anno-editor__save">保存</button>
        <button type="submit" value="cancel" formnovalidate>取消</button>
        <button type="submit" value="delete" class="anno-editor__delete" formnovalidate>删除批注</button>
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
  return new Promise((resolve) => {
    let outcome: 'saved' | 'deleted' | 'cancelled' = 'cancelled';
    const onSubmit = (event: SubmitEvent) => {
      const action = (event.submitter as HTMLButtonElement | null)?.value ?? 'save';
      const failed =
        action === 'save'
          ? options.save({ color: (new FormData(form).get('color') as Color | null) ?? options.color, note: note.value.trim() })
          : action === 'delete'
            ? options.remove?.()
            : undefined;
      if (failed) {
        event.preventDefault();
        error.textContent = failed;
        return;
      }
      if (action === 'save') outcome = 'saved';
      if (action === 'delete') outcome = 'deleted';
    };
    // Ctrl+Enter (⌘Enter) saves from the text box.
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
        event.preventDefault();
        form.requestSubmit(d.querySelector<HTMLButtonElement>('.anno-editor__save'));
      }
    };
    form.addEventListener('submit', onSubmit);
    note.addEventListener('keydown', onKey);
    d.addEventListener(
      'close',
      () => {
        form.removeEventListener('submit', onSubmit);
        note.removeEventListener('keydown', onKey);
        resolve(outcome);
      },
      { once: true },
    );
    d.showModal();
    note.focus();
  });
}
