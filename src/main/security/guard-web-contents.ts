import { mayOpenExternally } from './external-links'

type NavigationEvent = { preventDefault(): void; url?: string }

/** The parts of Electron's WebContents the guard uses; tests pass a plain emitter. */
export interface GuardableContents {
  on(event: 'will-navigate', listener: (event: NavigationEvent, url: string) => void): unknown
  on(event: 'will-redirect', listener: (event: NavigationEvent) => void): unknown
  on(event: 'will-attach-webview', listener: (event: { preventDefault(): void }) => void): unknown
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void
}

/**
 * Every web contents Pushdeck creates only ever shows Pushdeck's page: it may not navigate,
 * redirect, open windows or attach a <webview>. A link the user follows (a click, or one that
 * asked for a new window) opens in the browser instead, when it is https.
 */
export function guardWebContents(contents: GuardableContents, openExternal: (url: string) => void): void {
  const sendOut = (url: unknown) => {
    if (typeof url === 'string' && mayOpenExternally(url)) openExternal(url)
  }
  contents.setWindowOpenHandler(({ url }) => {
    sendOut(url)
    return { action: 'deny' }
  })
  contents.on('will-navigate', (event, url) => {
    event.preventDefault()
    // Electron 45 puts the URL on the event; the second argument is its deprecated twin.
    sendOut(event.url ?? url)
  })
  contents.on('will-redirect', (event) => event.preventDefault())
  contents.on('will-attach-webview', (event) => event.preventDefault())
}
