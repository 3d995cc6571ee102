import { create } from 'zustand'
import { splitTags } from '../lib/tag-input'
import type { AppError } from '../../../shared/result'
import { api } from '../api'
import { useDevices } from './devices'
import { useDeviceView } from './device-view'

type BulkAction = Parameters<typeof api.devices.bulk>[0]['action']

/** Bulk actions on the ticked devices: add or remove tags, set the account, delete. */
interface DeviceBulkState {
  tagsText: string
  /** Why the tags typed cannot be used (the first bad one, named). */
  tagsProblem: string | null
  busy: boolean
  error: AppError | null
  /** What the last action did ("Added qa to 2 devices."). */
  done: string | null

  setTagsText: (text: string) => void
  addTags: () => Promise<void>
  removeTags: () => Promise<void>
  setAccount: (accountId: string | null, accountName: string) => Promise<void>
  deleteSelected: () => Promise<void>
}

export const useDeviceBulk = create<DeviceBulkState>()((set, get) => {
  const run = async (action: BulkAction, describe: (changed: number) => string): Promise<boolean> => {
    const ids = [...useDeviceView.getState().selected]
    if (ids.length === 0 || get().busy) return false
    set({ busy: true, error: null, done: null })
    const result = await api.devices.bulk({ ids, action })
    if (!result.ok) {
      set({ busy: false, error: result.error })
      return false
    }
    await useDevices.getState().refresh()
    set({ busy: false, done: describe(result.value.changed) })
    return true
  }
  const devices = (n: number) => `${n} ${n === 1 ? 'device' : 'devices'}`
  const tagsOrProblem = (): string[] | null => {
    const { tags, problem } = splitTags(get().tagsText)
    if (problem || tags.length === 0) {
      set({ tagsProblem: problem ?? 'Type one or more tags first, separated by commas or spaces.' })
      return null
    }
    return tags
  }

  return {
    tagsText: '',
    tagsProblem: null,
    busy: false,
    error: null,
    done: null,

    setTagsText: (tagsText) => set({ tagsText, tagsProblem: null }),

    addTags: async () => {
      const tags = tagsOrProblem()
      if (tags && (await run({ kind: 'addTags', tags }, (n) => `Added ${tags.join(', ')} to ${devices(n)}.`))) set({ tagsText: '' })
    },
    removeTags: async () => {
      const tags = tagsOrProblem()
      if (tags && (await run({ kind: 'removeTags', tags }, (n) => `Removed ${tags.join(', ')} from ${devices(n)}.`))) set({ tagsText: '' })
    },
    setAccount: async (accountId, accountName) => {
      await run({ kind: 'setAccount', accountId }, (n) => (accountId ? `${devices(n)} now belong to ${accountName}.` : `${devices(n)} now have no account.`))
    },
    deleteSelected: async () => {
      if (await run({ kind: 'delete' }, (n) => `Deleted ${devices(n)}.`)) useDeviceView.getState().clearSelection()
    }
  }
})
