/**
 * Saves a file the page made: a Blob, downloaded through a temporary link. Nothing is sent
 * anywhere; the URL is revoked once the browser has had time to start the download.
 */
export function downloadText(name: string, type: string, text: string) {
  const link = document.createElement('a');
  link.href = URL.createObjectURL(new Blob([text], { type }));
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}
