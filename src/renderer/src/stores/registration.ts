import { create } from 'zustand'
import type { RegistrationSettings, RegistrationStatus } from '../../../shared/registration/types'
import type { AppError } from '../../../shared/result'
import { api } from '../api'
import { pairingUrl, portProblem } from '../lib/pairing'
import { qrCodeDataUrl } from '../lib/qr-code'
import { pairingPayload } from '../../../shared/registration/swift-snippet'

/** The pairing panel: a cache of main's endpoint status, the port being typed, and the QR code. */
interface RegistrationState {
  open: boolean
  status: RegistrationStatus | null
  /** The port field as typed; applied on "Use port". */
  portText: string
  busy: boolean
  error: AppError | null
  /** The QR code of the current URL and secret, as an image URL. */
  qrCode: string | null
  /** What the clipboard took last ("secret", "snippet", a URL), for the button's "Copied". */
  copied: string | null

  show: () => Promise<void>
  hide: () => void
  load: () => Promise<void>
  configure: (patch: Partial<RegistrationSettings>) => Promise<void>
  setPortText: (text: string) => void
  applyPort: () => Promise<void>
  regenerateSecret: () => Promise<void>
  copy: (what: string, text: string) => Promise<void>
}

export const useRegistration = create<RegistrationState>()((set, get) => {
  const take = async (call: Promise<{ ok: true; value: RegistrationStatus } | { ok: false; error: AppError }>) => {
    set({ busy: true })
    const result = await call
    if (!result.ok) {
      set({ busy: false, error: result.error })
      return
    }
    const status = result.value
    set({ busy: false, error: null, status, portText: status.settings.port === 0 ? get().portText : String(status.settings.port) })
    const url = pairingUrl(status)
    const qrCode = url && status.secret ? await qrCodeDataUrl(pairingPayload(url, status.secret)).catch(() => null) : null
    set({ qrCode })
  }

  return {
    open: false,
    status: null,
    portText: '',
    busy: false,
    error: null,
    qrCode: null,
    copied: null,

    show: async () => {
      set({ open: true })
      await get().load()
    },
    hide: () => set({ open: false, copied: null }),
    load: () => take(api.registration.status()),
    configure: async (patch) => {
      // The switch moves at once; main's answer then replaces it (or an error puts it back).
      const before = get().status
      if (before) set({ status: { ...before, settings: { ...before.settings, ...patch } } })
      await take(api.registration.configure(patch))
      if (get().error && before) set({ status: before })
    },
    setPortText: (portText) => set({ portText }),
    applyPort: async () => {
      const problem = portProblem(get().portText)
      if (problem) {
        set({ error: { code: 'registration.bad-port', message: problem } })
        return
      }
      await get().configure({ port: Number(get().portText) })
    },
    regenerateSecret: async () => {
      await take(api.registration.regenerateSecret())
      set({ copied: null })
    },
    copy: async (what, text) => {
      try {
        await navigator.clipboard.writeText(text)
        set({ copied: what, error: null })
      } catch {
        set({ copied: null, error: { code: 'clipboard', message: 'The clipboard could not be written.', hint: 'Select the text and copy it with ⌘C.' } })
      }
    }
  }
})
