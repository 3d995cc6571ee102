import { webContents } from 'electron'
import type { EventName, EventPayloads } from '../shared/events'
import type { TrustedSenders } from './trusted-sender'

/** Main's events go to Pushdeck's own windows only. */
export function forwardEvent<E extends EventName>(senders: TrustedSenders, name: E, payload: EventPayloads[E]): void {
  for (const id of senders.webContentsIds) {
    const contents = webContents.fromId(id)
    if (contents && !contents.isDestroyed()) contents.send(name, payload)
  }
}
