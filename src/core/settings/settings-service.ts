import { ok, type Result } from '../../shared/result'
import type { AppSettings, SettingsPatch } from '../../shared/settings'
import type { StoredDocument } from '../persistence/document'

type Listener = (settings: AppSettings) => void

/** The app's preferences, kept in the settings store; whoever applies one listens for changes. */
export class SettingsService {
  private readonly listeners = new Set<Listener>()

  constructor(private readonly document: StoredDocument<AppSettings>) {}

  get(): AppSettings {
    return this.document.read()
  }

  update(patch: SettingsPatch): Result<AppSettings> {
    const next = { ...this.document.read(), ...patch }
    this.document.write(next)
    for (const listener of this.listeners) listener(next)
    return ok(next)
  }

  /** Calls the listener now with the current settings, then on every change. */
  apply(listener: Listener): () => void {
    this.listeners.add(listener)
    listener(this.get())
    return () => this.listeners.delete(listener)
  }
}
