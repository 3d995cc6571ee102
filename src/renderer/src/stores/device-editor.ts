import { create } from 'zustand'
import { normaliseDeviceToken } from '../../../shared/device-token'
import type { DeviceKind, SavedDevice } from '../../../shared/domain'
import type { Environment } from '../../../shared/environments'
import type { AppError } from '../../../shared/result'
import { api } from '../api'
import { addTagDraft } from '../lib/tag-input'
import { useAccounts } from './accounts'
import { useCompose } from './compose'
import { useDevices } from './devices'

export interface DeviceFields {
  name: string
  token: string
  bundleId: string
  environment: Environment
  kind: DeviceKind
  tags: string[]
  accountId: string | null
  notes: string
}

/**
 * The device editor dialog: add a device, edit one, or duplicate one for another token (a second
 * phone of the same setup). Main checks and normalises again; its refusal is shown verbatim.
 */
interface DeviceEditorState {
  mode: 'closed' | 'add' | 'edit' | 'duplicate'
  /** The device edited or duplicated. */
  deviceId: string | null
  fields: DeviceFields
  tagDraft: string
  tagProblem: string | null
  /** "New account" typed in the editor; null while that field is closed. */
  newAccount: string | null
  saving: boolean
  error: AppError | null

  openAdd: () => void
  openEdit: (device: SavedDevice) => void
  openDuplicate: (device: SavedDevice) => void
  /** From the editor: duplicate the device as saved (not the unsaved edits). */
  duplicateSaved: () => void
  close: () => void
  setField: <K extends keyof DeviceFields>(key: K, value: DeviceFields[K]) => void
  setTagDraft: (value: string) => void
  commitTagDraft: () => void
  removeTag: (tag: string) => void
  setNewAccount: (value: string | null) => void
  createAccount: () => Promise<void>
  save: () => Promise<void>
  remove: () => Promise<void>
}

const blankFields = (): DeviceFields => ({ name: '', token: '', bundleId: '', environment: 'sandbox', kind: 'regular', tags: [], accountId: null, notes: '' })
const fieldsOf = (d: SavedDevice): DeviceFields => ({ name: d.name, token: d.token, bundleId: d.bundleId, environment: d.environment, kind: d.kind, tags: d.tags, accountId: d.accountId, notes: d.notes })
const fresh = { tagDraft: '', tagProblem: null, newAccount: null, saving: false, error: null }

export const useDeviceEditor = create<DeviceEditorState>()((set, get) => ({
  mode: 'closed',
  deviceId: null,
  fields: blankFields(),
  ...fresh,

  openAdd: () => {
    // A new device starts from what compose is about to send to: often the one worth saving.
    const { bundleId, environment } = useCompose.getState()
    set({ mode: 'add', deviceId: null, fields: { ...blankFields(), bundleId, environment }, ...fresh })
  },
  openEdit: (device) => set({ mode: 'edit', deviceId: device.id, fields: fieldsOf(device), ...fresh }),
  openDuplicate: (device) => set({ mode: 'duplicate', deviceId: device.id, fields: { ...fieldsOf(device), name: `${device.name} (copy)`, token: '' }, ...fresh }),
  duplicateSaved: () => {
    const device = useDevices.getState().list.find((d) => d.id === get().deviceId)
    if (device) get().openDuplicate(device)
  },
  close: () => set({ mode: 'closed', ...fresh }),

  setField: (key, value) => set({ fields: { ...get().fields, [key]: value }, error: null }),
  setTagDraft: (tagDraft) => set({ tagDraft, tagProblem: null }),
  commitTagDraft: () => {
    const { tags, problem } = addTagDraft(get().fields.tags, get().tagDraft)
    set(problem ? { tagProblem: problem } : { fields: { ...get().fields, tags }, tagDraft: '', tagProblem: null })
  },
  removeTag: (tag) => set({ fields: { ...get().fields, tags: get().fields.tags.filter((t) => t !== tag) } }),

  setNewAccount: (newAccount) => set({ newAccount }),
  createAccount: async () => {
    const name = get().newAccount ?? ''
    const account = await useAccounts.getState().create(name)
    if (!account) {
      set({ error: useAccounts.getState().error })
      return
    }
    set({ fields: { ...get().fields, accountId: account.id }, newAccount: null, error: null })
  },

  save: async () => {
    const { mode, deviceId, fields, saving, tagDraft } = get()
    if (saving || mode === 'closed') return
    // A tag still in the chip field counts: nobody expects it to be dropped.
    if (tagDraft.trim() !== '') {
      get().commitTagDraft()
      if (get().tagProblem) return
    }
    const current = get().fields
    const normalised = normaliseDeviceToken(current.token)
    const token = normalised.ok ? normalised.token : current.token
    set({ saving: true, error: null })
    const result =
      mode === 'add' ? await api.devices.save({ ...current, token })
      : mode === 'edit' ? await api.devices.update({ id: deviceId!, patch: { ...current, token } })
      : await api.devices.duplicate({ id: deviceId!, token, name: fields.name })
    if (!result.ok) {
      set({ saving: false, error: result.error })
      return
    }
    set({ mode: 'closed', ...fresh })
    await useDevices.getState().refresh()
  },

  remove: async () => {
    const { deviceId } = get()
    if (!deviceId) return
    const result = await api.devices.remove({ id: deviceId })
    if (!result.ok) {
      set({ error: result.error })
      return
    }
    set({ mode: 'closed', ...fresh })
    await useDevices.getState().refresh()
  }
}))
