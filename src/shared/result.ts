/** Expected failures travel as values so IPC never has to serialise a thrown Error. */
export interface AppError {
  code: string
  message: string
  hint?: string
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError }

export function ok<T>(value: T): Result<T> {
  return { ok: true, value }
}

export function fail<T = never>(code: string, message: string, hint?: string): Result<T> {
  return { ok: false, error: hint === undefined ? { code, message } : { code, message, hint } }
}
