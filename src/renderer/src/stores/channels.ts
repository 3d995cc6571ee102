import { create } from 'zustand'
import { STORAGE_POLICIES, type BroadcastResult, type ChannelAnswer, type ChannelInfo, type ChannelScope, type StoragePolicy } from '../../../shared/channel-types'
import type { Priority } from '../../../shared/push-types'
import type { AppError } from '../../../shared/result'
import { api } from '../api'
import { broadcastExpiration, type ExpirationChoice } from '../lib/broadcast-expiration'
import { useCompose } from './compose'
import { useCredentials } from './credentials'

/**
 * Broadcast channels of the app compose targets (bundle ID, environment, credential): the list
 * as APNs last reported it, create / delete, and a broadcast on one channel. A cache of what
 * APNs says, refreshed after every change.
 */

export const DEFAULT_BROADCAST_PAYLOAD = JSON.stringify({ aps: { event: 'update', timestamp: '{{now}}', 'content-state': { home: 1, away: 0, clock: "62'" } } }, null, 2).replace('"{{now}}"', '{{now}}')

interface ChannelsState {
  channels: ChannelInfo[]
  unread: number
  /** The scope the list belongs to, so a changed bundle ID or environment is not shown stale. */
  listedFor: string | null
  busy: boolean
  /** The last management answer (list, create, delete), with its request id. */
  answer: { action: string; answer: ChannelAnswer } | null
  error: AppError | null
  newPolicy: StoragePolicy
  channelId: string
  payloadText: string
  priority: Priority
  expiration: ExpirationChoice
  sending: boolean
  broadcastResult: BroadcastResult | null
  broadcastError: AppError | null

  setNewPolicy: (policy: StoragePolicy) => void
  setChannelId: (id: string) => void
  setPayloadText: (text: string) => void
  setPriority: (priority: Priority) => void
  setExpiration: (choice: ExpirationChoice) => void
  refresh: () => Promise<void>
  create: () => Promise<void>
  remove: (id: string) => Promise<void>
  broadcast: () => Promise<void>
}

export function currentScope(): ChannelScope {
  const { bundleId, environment } = useCompose.getState()
  return { credentialId: useCredentials.getState().selectedId ?? '', environment, bundleId: bundleId.trim() }
}

export const scopeKey = (scope: ChannelScope): string => `${scope.credentialId}|${scope.environment}|${scope.bundleId}`

const noCredential: AppError = { code: 'credential.missing', message: 'No credential is selected.', hint: 'Add or pick a .p8 key in the sidebar.' }

export const useChannels = create<ChannelsState>()((set, get) => ({
  channels: [],
  unread: 0,
  listedFor: null,
  busy: false,
  answer: null,
  error: null,
  newPolicy: 1,
  channelId: '',
  payloadText: DEFAULT_BROADCAST_PAYLOAD,
  priority: 10,
  expiration: 'zero',
  sending: false,
  broadcastResult: null,
  broadcastError: null,

  setNewPolicy: (newPolicy) => set({ newPolicy: (STORAGE_POLICIES as readonly number[]).includes(newPolicy) ? newPolicy : 1 }),
  setChannelId: (channelId) => set({ channelId: channelId.trim() }),
  setPayloadText: (payloadText) => set({ payloadText }),
  setPriority: (priority) => set({ priority }),
  setExpiration: (expiration) => set({ expiration }),

  refresh: async () => {
    const scope = currentScope()
    if (!scope.credentialId) return set({ error: noCredential })
    set({ busy: true, error: null })
    const result = await api.channels.list(scope)
    if (!result.ok) return set({ busy: false, error: result.error })
    const { channels, unread, ...answer } = result.value
    set({ busy: false, channels, unread, listedFor: scopeKey(scope), answer: { action: 'List', answer } })
  },

  create: async () => {
    const scope = currentScope()
    if (!scope.credentialId) return set({ error: noCredential })
    set({ busy: true, error: null })
    const result = await api.channels.create({ ...scope, policy: get().newPolicy })
    if (!result.ok) return set({ busy: false, error: result.error })
    const { channel, ...answer } = result.value
    set({ busy: false, answer: { action: 'Create', answer }, ...(channel ? { channelId: channel.id } : {}) })
    if (answer.outcome === 'accepted') await get().refresh().then(() => set({ answer: { action: 'Create', answer } }))
  },

  remove: async (channelId) => {
    const scope = currentScope()
    set({ busy: true, error: null })
    const result = await api.channels.delete({ ...scope, channelId })
    if (!result.ok) return set({ busy: false, error: result.error })
    const answer = result.value
    set({ busy: false, answer: { action: 'Delete', answer }, ...(get().channelId === channelId ? { channelId: '' } : {}) })
    if (answer.outcome === 'accepted') await get().refresh().then(() => set({ answer: { action: 'Delete', answer } }))
  },

  broadcast: async () => {
    if (get().sending) return
    const scope = currentScope()
    if (!scope.credentialId) return set({ broadcastError: noCredential })
    const { channelId, payloadText, priority, expiration, channels } = get()
    const policy = channels.find((c) => c.id === channelId)?.policy ?? null
    set({ sending: true, broadcastError: null, broadcastResult: null })
    const result = await api.channels.broadcast({ ...scope, channelId, payloadText, priority, expirationSeconds: broadcastExpiration(expiration, policy, Date.now()) })
    set(result.ok ? { sending: false, broadcastResult: result.value } : { sending: false, broadcastError: result.error })
  }
}))
