/** True when a frame shows Pushdeck's own page (same scheme, host and path; query and hash may differ). */
export function isPushdeckPage(frameUrl: string, rendererUrl: string): boolean {
  try {
    const frame = new URL(frameUrl)
    const ours = new URL(rendererUrl)
    return frame.protocol === ours.protocol && frame.host === ours.host && frame.pathname === ours.pathname
  } catch {
    return false
  }
}
