/**
 * Saves text as a file through a Blob link: Chromium downloads it, Electron asks where to save.
 * Called from click handlers, never from stores (stores do not touch the DOM).
 */
export function downloadText(fileName: string, text: string, type = 'application/json'): void {
  const url = URL.createObjectURL(new Blob([text], { type }))
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  link.rel = 'noopener'
  document.body.appendChild(link)
  link.click()
  link.remove()
  // The download has started by the time the click returns; the URL can go a moment later.
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}
