/**
 * Opens a page in the user's browser. The window's open handler in main hands https links to
 * the system browser and refuses everything else; this refuses the rest here too, so a bad URL
 * is said instead of silently dropped. Called from click handlers (it touches the DOM).
 */
export function openExternal(url: string): boolean {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return false
  }
  if (parsed.protocol !== 'https:') return false
  window.open(parsed.href, '_blank', 'noopener')
  return true
}
