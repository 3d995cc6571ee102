import { contextBridge, ipcRenderer } from 'electron'
import { EVENT_NAMES } from '../shared/events'
import { CHANNELS } from '../shared/ipc-channels'

/**
 * window.api: one named method per channel (api.push.send(input)), each bound to its own
 * channel. Nothing generic is exposed, and there is no logic here.
 */
const api: Record<string, Record<string, (input?: unknown) => Promise<unknown>>> = {}
for (const channel of CHANNELS) {
  const [domain, verb] = channel.split(':') as [string, string]
  api[domain] ??= {}
  api[domain][verb] = (input?: unknown) => ipcRenderer.invoke(channel, input)
}
// One named subscription per event main sends; each returns its unsubscribe.
const events: Record<string, (listener: (payload: unknown) => void) => () => void> = {}
for (const name of EVENT_NAMES) {
  events[name] = (listener) => {
    const handler = (_event: unknown, payload: unknown) => listener(payload)
    ipcRenderer.on(name, handler)
    return () => ipcRenderer.removeListener(name, handler)
  }
}
contextBridge.exposeInMainWorld('api', { ...api, events })
