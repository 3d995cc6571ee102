import { isPushdeckPage } from './security/same-page'

/** The parts of an IpcMainInvokeEvent the check reads; tests pass plain objects. */
export interface SenderDetails {
  sender: { id: number }
  senderFrame: { url: string; parent: unknown } | null
}

/**
 * Only windows Pushdeck created, in their top frame, showing Pushdeck's own page, may call main.
 * A window that navigated elsewhere, an injected iframe (even one loading Pushdeck's page) and a
 * frame already gone are refused.
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

  allows(event: SenderDetails): boolean {
    if (!this.ids.has(event.sender.id)) return false
    const frame = event.senderFrame
    if (!frame || frame.parent) return false
    return isPushdeckPage(frame.url, this.rendererUrl())
  }
}
