import { create } from 'zustand'
import type { PushTemplate } from '../../../shared/domain'
import type { TemplateVariable } from '../../../shared/library/template-variables'
import type { AppError } from '../../../shared/result'
import { api } from '../api'
import { expirationFromInput } from '../lib/expiration-input'
import { variablesToSave } from '../lib/variable-values'
import { useCompose } from './compose'

/**
 * The template library: a cache of main's templates, the search over them, loading one into
 * compose, saving compose as one, and .apns files in and out.
 */
interface TemplatesState {
  list: PushTemplate[]
  loadError: AppError | null
  search: string
  /** The "Save as template" dialog; null while closed. */
  saveDraft: { name: string; group: string; variables: TemplateVariable[] } | null
  busy: boolean
  error: AppError | null
  /** What the last action did, for the panel's status line. */
  done: string | null

  refresh: () => Promise<void>
  setSearch: (value: string) => void
  load: (template: PushTemplate) => void
  openSave: () => void
  setSaveField: (key: 'name' | 'group', value: string) => void
  setSaveDefault: (name: string, value: string) => void
  closeSave: () => void
  saveNew: () => Promise<void>
  updateLoaded: () => Promise<void>
  duplicate: (id: string) => Promise<void>
  remove: (id: string) => Promise<void>
  importFiles: (files: File[]) => Promise<void>
  /** The loaded template as an .apns file for compose's bundle ID; null when refused (the error says why). */
  exportLoaded: () => Promise<{ fileName: string; text: string } | null>
}

/** Compose as a template's fields (variables with the values shown as their defaults). */
function composeAsTemplate(name: string, group: string, variables?: TemplateVariable[]) {
  const c = useCompose.getState()
  return {
    name,
    group,
    pushType: c.pushType,
    priority: c.priority,
    expiration: expirationFromInput(c.expiration),
    collapseId: c.collapseId,
    payloadText: c.payloadText,
    variables: variables ?? variablesToSave(c.payloadText, c.variableValues, c.templateDefaults)
  }
}

export const useTemplates = create<TemplatesState>()((set, get) => ({
  list: [],
  loadError: null,
  search: '',
  saveDraft: null,
  busy: false,
  error: null,
  done: null,

  refresh: async () => {
    const result = await api.templates.list()
    set(result.ok ? { list: result.value, loadError: null } : { loadError: result.error })
  },

  setSearch: (search) => set({ search }),

  load: (template) => {
    useCompose.getState().applyTemplate(template)
    set({ error: null, done: null })
  },

  openSave: () => {
    const c = useCompose.getState()
    const loaded = get().list.find((t) => t.id === c.templateId)
    set({ saveDraft: { name: '', group: loaded?.group ?? '', variables: variablesToSave(c.payloadText, c.variableValues, c.templateDefaults) }, error: null })
  },
  setSaveField: (key, value) => set((s) => (s.saveDraft ? { saveDraft: { ...s.saveDraft, [key]: value }, error: null } : {})),
  setSaveDefault: (name, value) =>
    set((s) => (s.saveDraft ? { saveDraft: { ...s.saveDraft, variables: s.saveDraft.variables.map((v) => (v.name === name ? { ...v, defaultValue: value } : v)) } } : {})),
  closeSave: () => set({ saveDraft: null, error: null }),

  saveNew: async () => {
    const draft = get().saveDraft
    if (!draft || get().busy) return
    set({ busy: true, error: null })
    const result = await api.templates.save(composeAsTemplate(draft.name, draft.group, draft.variables))
    if (!result.ok) {
      set({ busy: false, error: result.error })
      return
    }
    useCompose.getState().markTemplate(result.value)
    set({ busy: false, saveDraft: null, done: `Saved “${result.value.name}”.` })
    await get().refresh()
  },

  updateLoaded: async () => {
    const loaded = get().list.find((t) => t.id === useCompose.getState().templateId)
    if (!loaded || get().busy) return
    set({ busy: true, error: null, done: null })
    const result = await api.templates.update({ id: loaded.id, template: composeAsTemplate(loaded.name, loaded.group) })
    if (!result.ok) {
      set({ busy: false, error: result.error })
      return
    }
    useCompose.getState().markTemplate(result.value)
    set({ busy: false, done: `Updated “${result.value.name}” from compose.` })
    await get().refresh()
  },

  duplicate: async (id) => {
    const result = await api.templates.duplicate({ id })
    if (!result.ok) {
      set({ error: result.error })
      return
    }
    set({ error: null, done: `Duplicated as “${result.value.name}”.` })
    await get().refresh()
  },

  remove: async (id) => {
    const result = await api.templates.remove({ id })
    if (!result.ok) {
      set({ error: result.error })
      return
    }
    useCompose.getState().forgetTemplate(id)
    set({ error: null, done: 'Template deleted.' })
    await get().refresh()
  },

  importFiles: async (files) => {
    if (get().busy) return
    set({ busy: true, error: null, done: null })
    const imported: string[] = []
    for (const file of files) {
      let text: string
      try {
        text = await file.text()
      } catch (error) {
        set({ error: { code: 'apns-file.unreadable', message: `${file.name} could not be read.`, hint: error instanceof Error ? error.message : String(error) } })
        continue
      }
      const result = await api.templates.importApns({ fileName: file.name, text })
      if (!result.ok) {
        set({ error: result.error })
        continue
      }
      imported.push(result.value.template.name)
      get().load(result.value.template)
      // The file names the app it was written for: that is where compose sends it.
      if (result.value.bundleId) useCompose.getState().setBundleId(result.value.bundleId)
    }
    await get().refresh()
    set({ busy: false, done: imported.length > 0 ? `Imported ${imported.map((n) => `“${n}”`).join(', ')} into Imported.` : null })
  },

  exportLoaded: async () => {
    const { templateId, bundleId } = useCompose.getState()
    if (!templateId) return null
    const result = await api.templates.exportApns({ id: templateId, bundleId })
    if (!result.ok) {
      set({ error: result.error, done: null })
      return null
    }
    set({ error: null, done: `Exported ${result.value.fileName}.` })
    return result.value
  }
}))
