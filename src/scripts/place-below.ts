/** Positions a floating panel under the element that opened it, kept inside the viewport. */
export function placeBelow(panel: HTMLElement, anchor: HTMLElement, maxWidth: number) {
  const box = anchor.getBoundingClientRect();
  const viewport = document.documentElement.clientWidth;
  const width = Math.min(maxWidth, viewport - 24);
  panel.style.width = `${width}px`;
  panel.style.left = `${Math.min(Math.max(12, box.left), viewport - width - 12) + window.scrollX}px`;
  panel.style.top = `${box.bottom + window.scrollY + 8}px`;
}
