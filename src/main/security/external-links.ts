/**
 * Which links may leave Pushdeck for the user's browser: https only, to a real host. Anything
 * else (http, file, javascript:, custom schemes that launch other apps, smb shares) stays shut,
 * because a page that could open them could run programs or leak NTLM hashes.
 */
export function mayOpenExternally(url: string): boolean {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return false
  }
  return parsed.protocol === 'https:' && parsed.hostname.length > 0 && parsed.username === '' && parsed.password === ''
}
