import { create } from 'zustand'
import type { AppError } from '../../../shared/result'
import { api } from '../api'
import { mergeCertificateFiles } from '../lib/certificate-files'
import { readFileAsBase64 } from '../lib/read-file'
import { useCompose } from './compose'
import { useCredentials } from './credentials'

/**
 * The "Add certificate" form. Files are kept as File handles and read only inside submit; the
 * passphrase stays in its password field and is handed to submit directly, never stored here.
 */
interface AddCertificateState {
  open: boolean
  label: string
  files: File[]
  /** Why the last pick or drop was not taken (too many files, far too large). */
  fileProblem: string | null
  submitting: boolean
  error: AppError | null
  /** Bumped on success so the form remounts and the uncontrolled passphrase field is emptied. */
  generation: number

  setOpen: (open: boolean) => void
  setLabel: (value: string) => void
  addFiles: (files: File[]) => void
  removeFile: (index: number) => void
  submit: (passphrase: string) => Promise<void>
}

const blank = { label: '', files: [] as File[], fileProblem: null, error: null }

export const useAddCertificate = create<AddCertificateState>()((set, get) => ({
  open: false,
  ...blank,
  submitting: false,
  generation: 0,

  setOpen: (open) => set({ open, error: null, fileProblem: null }),
  setLabel: (label) => set({ label }),

  addFiles: (added) => {
    const { files, problem } = mergeCertificateFiles(get().files, added)
    set({ files, fileProblem: problem, error: null })
  },

  removeFile: (index) => set((s) => ({ files: s.files.filter((_, i) => i !== index), fileProblem: null })),

  submit: async (passphrase) => {
    const { label, files, submitting } = get()
    if (submitting) return
    if (files.length === 0) {
      set({ error: { code: 'certificate.no-file', message: 'No certificate file chosen.', hint: 'Choose or drop the .p12 exported from Keychain Access, or a certificate .pem/.cer and its key .pem.' } })
      return
    }
    set({ submitting: true, error: null })
    let encoded: { fileName: string; base64: string }[]
    try {
      encoded = await Promise.all(files.map(readFileAsBase64))
    } catch (error) {
      // E.g. the file was moved or deleted after it was picked.
      const detail = error instanceof Error ? error.message : String(error)
      set({ submitting: false, error: { code: 'certificate.unreadable', message: 'A chosen file could not be read.', hint: `${detail} Choose it again.` } })
      return
    }
    // Main reads the files, names any problem (wrong passphrase, no key, not a push certificate…) and that is shown verbatim.
    const result = await api.credentials.addCertificate({ label: label.trim(), files: encoded, passphrase: passphrase === '' ? null : passphrase })
    if (!result.ok) {
      set({ submitting: false, error: result.error })
      return
    }
    set((s) => ({ ...blank, open: false, submitting: false, generation: s.generation + 1 }))
    await useCredentials.getState().refresh()
    useCredentials.getState().select(result.value.id)
    const compose = useCompose.getState()
    if (result.value.kind === 'certificate' && compose.bundleId.trim() === '') compose.setBundleId(result.value.bundleId)
  }
}))
