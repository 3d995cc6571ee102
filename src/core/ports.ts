/**
 * What the core needs from its host. Electron main supplies safeStorage and electron-store;
 * tests supply an AES key and conf on a temp folder. Core itself never imports electron.
 */
export interface SecretBox {
  /** False when the OS offers no encryption; callers must then refuse to store secrets. */
  isAvailable(): boolean
  encrypt(plain: string): string
  decrypt(sealed: string): string
}

/** The subset of electron-store / conf the core uses. */
export interface KeyValueFile {
  get(key: string): unknown
  set(key: string, value: unknown): void
  /** Several keys in one read and write of the file (conf and electron-store read the whole file on every set). */
  set(values: Record<string, unknown>): void
  readonly path: string
}

export interface Logger {
  info(message: string): void
  warn(message: string): void
  error(message: string): void
}

export const silentLogger: Logger = { info: () => {}, warn: () => {}, error: () => {} }

/**
 * Asks where to save a file main writes (a history export), suggesting a name; null when the
 * user cancels. Electron shows its save dialog; tests answer with a folder of their own.
 */
export type ChooseSavePath = (suggestedName: string) => Promise<string | null>
