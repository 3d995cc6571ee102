import { create } from 'zustand'
import { appleIdProblem, keyIdFromFileName, normaliseAppleId } from '../../../shared/credential-ids'
import { MAX_KEY_FILE_BYTES } from '../../../shared/ipc'
import type { AppError } from '../../../shared/result'
import { api } from '../api'
import { readFileAsBase64 } from '../lib/read-file'
import { useCredentials } from './credentials'

/**
 * The "Add token key (.p8)" form. It deliberately never holds key text: a picked or dropped
 * file is kept as its File handle and read only inside submit, and pasted text stays in the
 * textarea's DOM and is handed to submit directly. So nothing secret outlives a submit here.
 */
interface AddKeyState {
  open: boolean
  label: string
  keyId: string
  teamId: string
  file: File | null
  /** Key ID taken from a file named AuthKey_<KEYID>.p8, to prefill and to cross-check. */
  fileKeyId: string | null
  submitting: boolean
  error: AppError | null
  /** Bumped on success so the form remounts and the uncontrolled key textarea is emptied. */
  generation: number

  setOpen: (open: boolean) => void
  setLabel: (value: string) => void
  setKeyId: (value: string) => void
  setTeamId: (value: string) => void
  chooseFile: (file: File | null) => void
  /** Typing key text means the text is the key now, not an earlier file. */
  textEdited: () => void
  submit: (pastedText: string) => Promise<void>
}

const blank = { label: '', keyId: '', teamId: '', file: null, fileKeyId: null, error: null }

export const useAddKey = create<AddKeyState>()((set, get) => ({
  open: false,
  ...blank,
  submitting: false,
  generation: 0,

  setOpen: (open) => set({ open, error: null }),
  setLabel: (label) => set({ label }),
  // IDs are ten upper-case letters or digits; tidy them as typed rather than complain later.
  setKeyId: (value) => set({ keyId: normaliseAppleId(value) }),
  setTeamId: (value) => set({ teamId: normaliseAppleId(value) }),

  chooseFile: (file) => {
    const fileKeyId = file ? keyIdFromFileName(file.name) : null
    const keyId = get().keyId === '' && fileKeyId ? fileKeyId : get().keyId
    set({ file, fileKeyId, keyId, error: null })
  },

  textEdited: () => {
    if (get().file) set({ file: null, fileKeyId: null })
  },

  submit: async (pastedText) => {
    const { label, keyId, teamId, file, submitting } = get()
    if (submitting) return
    if (file && file.size > MAX_KEY_FILE_BYTES) {
      set({ error: { code: 'key.too-large', message: `${file.name} is ${Math.ceil(file.size / 1024)} KB; a .p8 key is well under 1 KB, so this is probably another file.`, hint: 'Choose the AuthKey_<Key ID>.p8 file you downloaded from Apple.' } })
      return
    }
    set({ submitting: true, error: null })
    let key: { text: string } | { fileName: string; base64: string }
    try {
      key = file ? await readFileAsBase64(file) : { text: pastedText }
    } catch (error) {
      set({ submitting: false, error: { code: 'key.unreadable', message: error instanceof Error ? error.message : String(error) } })
      return
    }
    if ('text' in key && key.text.trim() === '') {
      set({ submitting: false, error: { code: 'key.missing', message: 'No key given.', hint: 'Choose the .p8 file, drop it on the box, or paste its text.' } })
      return
    }
    // Main checks the IDs and the key and names the problem; its message is shown verbatim.
    const result = await api.credentials.addTokenKey({ label: label.trim(), keyId, teamId, key })
    if (!result.ok) {
      set({ submitting: false, error: result.error })
      return
    }
    set((s) => ({ ...blank, open: false, submitting: false, generation: s.generation + 1 }))
    await useCredentials.getState().refresh()
    useCredentials.getState().select(result.value.id)
  }
}))

/** Inline hints for the ID fields; empty fields stay quiet until something was typed. */
export function idProblems(state: Pick<AddKeyState, 'keyId' | 'teamId' | 'fileKeyId'>): {
  keyId: string | null
  teamId: string | null
  fileMismatch: string | null
} {
  return {
    keyId: state.keyId === '' ? null : appleIdProblem('Key ID', state.keyId),
    teamId: state.teamId === '' ? null : appleIdProblem('Team ID', state.teamId),
    fileMismatch:
      state.fileKeyId && state.keyId !== '' && state.keyId !== state.fileKeyId
        ? `The file name says Key ID ${state.fileKeyId}, but ${state.keyId} is typed. Apple names each key AuthKey_<Key ID>.p8.`
        : null
  }
}
