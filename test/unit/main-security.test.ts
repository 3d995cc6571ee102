import { EventEmitter } from 'node:events'
import { describe, expect, it, vi } from 'vitest'
import { mayOpenExternally } from '../../src/main/security/external-links'
import { guardSession, type GuardableSession } from '../../src/main/security/guard-session'
import { guardWebContents, type GuardableContents } from '../../src/main/security/guard-web-contents'
import { allowsPermission } from '../../src/main/security/permissions'
import { TrustedSenders } from '../../src/main/trusted-sender'
import type { WindowState } from '../../src/main/window-state'

const PAGE = 'file:///Applications/Pushdeck.app/Contents/Resources/app.asar/out/renderer/index.html'
const DEV_PAGE = 'http://localhost:5173/'

describe('links that may open in the browser', () => {
  it.each(['https://developer.apple.com/documentation/usernotifications', 'https://example.com', 'HTTPS://EXAMPLE.COM/a?b#c'])('opens %s', (url) => {
    expect(mayOpenExternally(url)).toBe(true)
  })
  it.each([
    ['plain http', 'http://example.com'],
    ['a local file', 'file:///etc/passwd'],
    ['javascript', 'javascript:alert(1)'],
    ['a data URL', 'data:text/html,<script>alert(1)</script>'],
    ['an SMB share (leaks credentials on Windows)', 'smb://attacker/share'],
    ['a custom scheme that launches an app', 'x-apple.systempreferences:com.apple.preference.security'],
    ['an https URL with credentials in it', 'https://user:pass@example.com'],
    ['a relative path', '/settings'],
    ['garbage', 'not a url'],
    ['an empty string', '']
  ])('refuses %s', (_kind, url) => {
    expect(mayOpenExternally(url)).toBe(false)
  })
})

/** A web contents stand-in: a real emitter plus the window-open handler Electron would call. */
function fakeContents() {
  const emitter = new EventEmitter()
  let openHandler: ((details: { url: string }) => { action: 'deny' }) | null = null
  const contents = Object.assign(emitter, {
    setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }) {
      openHandler = handler
    }
  }) as unknown as GuardableContents & EventEmitter
  const opened: string[] = []
  guardWebContents(contents, (url) => opened.push(url))
  const fire = (name: string, url?: string) => {
    let prevented = false
    const event = { preventDefault: () => (prevented = true), url }
    emitter.emit(name, event, url)
    return prevented
  }
  return { opened, fire, openWindow: (url: string) => openHandler!({ url }) }
}

describe('web contents stay on Pushdeck\'s page', () => {
  it('navigation is refused; an https link the user followed opens in the browser instead', () => {
    const c = fakeContents()
    expect(c.fire('will-navigate', 'https://example.com/docs')).toBe(true)
    expect(c.fire('will-navigate', 'http://example.com')).toBe(true)
    expect(c.fire('will-navigate', 'file:///etc/passwd')).toBe(true)
    expect(c.opened).toEqual(['https://example.com/docs'])
  })

  it('new windows are always denied; only https URLs reach the browser', () => {
    const c = fakeContents()
    for (const url of ['https://example.com/a', 'javascript:alert(1)', 'about:blank', 'file:///tmp/x.html', 'https://example.com/b']) {
      expect(c.openWindow(url)).toEqual({ action: 'deny' })
    }
    expect(c.opened).toEqual(['https://example.com/a', 'https://example.com/b'])
  })

  it('redirects and <webview> attachment are refused', () => {
    const c = fakeContents()
    expect(c.fire('will-redirect', 'https://example.com')).toBe(true)
    expect(c.fire('will-attach-webview')).toBe(true)
    expect(c.opened).toEqual([])
  })
})

describe('permissions', () => {
  it('only clipboard writing (Copy as curl), and only for Pushdeck\'s page', () => {
    expect(allowsPermission('clipboard-sanitized-write', PAGE, PAGE)).toBe(true)
    expect(allowsPermission('clipboard-sanitized-write', `${DEV_PAGE}#x`, DEV_PAGE)).toBe(true)
    expect(allowsPermission('clipboard-sanitized-write', 'https://evil.example/', PAGE)).toBe(false)
    expect(allowsPermission('clipboard-sanitized-write', '', PAGE)).toBe(false)
  })

  it.each(['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen', 'hid', 'usb', 'serial', 'midiSysex', 'display-capture', 'pointerLock', 'unknown', ''])('refuses %s even to Pushdeck\'s page', (permission) => {
    expect(allowsPermission(permission, PAGE, PAGE)).toBe(false)
  })

  it('the session answers requests and checks with that rule', () => {
    let request: Parameters<GuardableSession['setPermissionRequestHandler']>[0] | null = null
    let check: Parameters<GuardableSession['setPermissionCheckHandler']>[0] | null = null
    guardSession({ setPermissionRequestHandler: (h) => (request = h), setPermissionCheckHandler: (h) => (check = h) }, () => PAGE)
    const answers: boolean[] = []
    request!(null, 'media', (granted) => answers.push(granted), { requestingUrl: PAGE })
    request!(null, 'clipboard-sanitized-write', (granted) => answers.push(granted), { requestingUrl: PAGE })
    request!(null, 'clipboard-sanitized-write', (granted) => answers.push(granted), { requestingUrl: 'https://evil.example/' })
    expect(answers).toEqual([false, true, false])
    expect(check!(null, 'geolocation', 'file://', { requestingUrl: PAGE })).toBe(false)
    expect(check!(null, 'clipboard-sanitized-write', 'file://', { requestingUrl: PAGE })).toBe(true)
  })
})

// Only the window module needs Electron; a stand-in BrowserWindow records what it was given.
const created = vi.hoisted(() => [] as { webPreferences: Record<string, unknown> }[])
vi.mock('electron', () => ({
  BrowserWindow: class {
    webContents = { id: 1 }
    constructor(options: { webPreferences: Record<string, unknown> }) {
      created.push(options)
    }
    on() {}
    once() {}
    loadURL() {
      return Promise.resolve()
    }
  }
}))

describe('the main window', () => {
  it('follows Electron\'s security checklist', async () => {
    const { createMainWindow } = await import('../../src/main/main-window')
    createMainWindow(new TrustedSenders(() => PAGE), { placement: () => null, track: () => {} } as unknown as WindowState)
    expect(created[0]!.webPreferences).toMatchObject({
      preload: expect.stringMatching(/preload[/\\]index\.cjs$/),
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      disableBlinkFeatures: 'Auxclick'
    })
  })
})

describe('IPC sender check', () => {
  const senders = new TrustedSenders(() => PAGE)
  senders.add(7)
  const call = (id: number, url: string | null, parent: unknown = null) => senders.allows({ sender: { id }, senderFrame: url === null ? null : { url, parent } })

  it('accepts Pushdeck\'s window on its own page (a hash or query does not matter)', () => {
    expect(call(7, PAGE)).toBe(true)
    expect(call(7, `${PAGE}#settings`)).toBe(true)
  })

  it.each([
    ['a window Pushdeck did not create', 8, PAGE, null],
    ['its window after navigating elsewhere', 7, 'https://evil.example/index.html', null],
    ['another file on disk', 7, 'file:///tmp/index.html', null],
    ['an iframe, even of Pushdeck\'s page', 7, PAGE, { url: PAGE }],
    ['a frame that is gone', 7, null, null],
    ['an unparseable URL', 7, 'not a url', null]
  ])('refuses %s', (_kind, id, url, parent) => {
    expect(call(id as number, url as string | null, parent)).toBe(false)
  })

  it('a closed window loses access', () => {
    const local = new TrustedSenders(() => PAGE)
    local.add(3)
    local.remove(3)
    expect(local.allows({ sender: { id: 3 }, senderFrame: { url: PAGE, parent: null } })).toBe(false)
  })
})
