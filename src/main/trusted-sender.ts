import type { IpcMainInvokeEvent } from 'electron'

/**
 * Only windows Pushdeck created, showing Pushdeck's own page, may call main. A frame that
 * navigated elsewhere (or an injected iframe) is refused.
 */
export class TrustedSenders {
  private readonly ids = new Set<number>()

  constructor(private readonly rendererUrl: () => string) {}

  add(webContentsId: number): void {
    this.ids.add(webContentsId)
  }

  remove(webContentsId: number): void {
    this.ids.delete(webContentsId)
  }

  /** The windows that may hear main's events. */
  get webContentsIds(): number[] {
    return [...this.ids]
  }

  allows(event: IpcMainInvokeEvent): boolean {
    if (!this.ids.has(event.sender.id)) return false
    const frameUrl = event.senderFrame?.url ?? ''
    return isSamePage(frameUrl, this.rendererUrl())
  }
}

function isSamePage(frameUrl: string, rendererUrl: string): boolean {
  try {
    const frame = new URL(frameUrl)
    const ours = new URL(rendererUrl)
    return frame.protocol === ours.protocol && frame.host === ours.host && frame.pathname === ours.pathname
  } catch {
    return false
  }
}
