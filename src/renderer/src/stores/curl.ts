import { create } from 'zustand'
import type { AppError } from '../../../shared/result'
import { api } from '../api'
import { currentRequest } from './diagnosis'

/**
 * "Copy as curl": main builds the command for the push as composed (checked like a send); it
 * goes to the clipboard, or, where the clipboard cannot be written, into a text area to copy.
 */
interface CurlState {
  busy: boolean
  command: string | null
  containsSecret: boolean
  warning: string | null
  /** The clipboard took the command; false shows it in the text area instead. */
  copied: boolean
  error: AppError | null

  copy: () => Promise<void>
  dismiss: () => void
}

export const useCurl = create<CurlState>()((set, get) => ({
  busy: false,
  command: null,
  containsSecret: false,
  warning: null,
  copied: false,
  error: null,

  copy: async () => {
    if (get().busy) return
    set({ busy: true, error: null })
    const result = await api.push.curl(currentRequest())
    if (!result.ok) {
      set({ busy: false, command: null, warning: null, containsSecret: false, error: result.error })
      return
    }
    const { command, containsSecret, warning } = result.value
    let copied = false
    try {
      await navigator.clipboard.writeText(command)
      copied = true
    } catch {
      copied = false
    }
    set({ busy: false, command, containsSecret, warning, copied })
  },

  dismiss: () => set({ command: null, warning: null, containsSecret: false, copied: false, error: null })
}))
