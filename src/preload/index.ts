import { contextBridge, ipcRenderer } from 'electron'
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
contextBridge.exposeInMainWorld('api', api)
