import { ipcMain } from 'electron'
import { dispatch } from '../core/ipc-dispatch'
import type { Logger } from '../core/ports'
import type { Router } from '../core/router'
import { CHANNELS } from '../shared/ipc-channels'
import { fail } from '../shared/result'
import type { TrustedSenders } from './trusted-sender'

export function registerIpc(router: Router, senders: TrustedSenders, logger: Logger): void {
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, (event, input: unknown) =>
      senders.allows(event) ? dispatch(router, channel, input, logger) : fail('ipc.untrusted-sender', 'This window may not call Pushdeck.')
    )
  }
}
