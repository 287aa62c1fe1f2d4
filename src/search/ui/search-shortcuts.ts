/**
 * `/` and Ctrl+K (⌘K on macOS) put the cursor in the header's search box, as readers expect
 * from documentation sites; never while the reader is typing somewhere else.
 */
export function initSearchShortcuts() {
  const input = document.querySelector<HTMLInputElement>('#site-search-q');
  if (!input) return;
  addEventListener('keydown', (event) => {
    const typing = event.target instanceof HTMLElement && event.target.closest('input, textarea, select, [contenteditable="true"]');
    const isSlash = event.key === '/' && !typing && !event.ctrlKey && !event.metaKey && !event.altKey;
    const isCtrlK = event.key.toLowerCase() === 'k' && (event.ctrlKey || event.metaKey) && !event.altKey;
    if (!isSlash && !isCtrlK) return;
    event.preventDefault();
    input.focus();
    input.select();
  });
}
