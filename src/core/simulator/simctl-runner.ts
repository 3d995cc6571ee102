import { execFile } from 'node:child_process'

/** What one `xcrun simctl …` call gave; never throws, so every caller turns each case into a clear message. */
export type SimctlOutcome =
  | { kind: 'ok'; stdout: string; stderr: string }
  /** xcrun is not on this machine (spawn ENOENT). */
  | { kind: 'missing' }
  /** The process ran and exited non-zero (or xcrun itself said `xcrun: error: …`). */
  | { kind: 'exit'; code: number | null; stdout: string; stderr: string }
  | { kind: 'timeout'; seconds: number }
  | { kind: 'too-much-output'; limitBytes: number }
  | { kind: 'spawn-error'; message: string }

export interface SimctlRunnerOptions {
  /** Path or name of xcrun; tests point it at a fake. */
  xcrunPath?: string
  /** A hung simctl (a simulator stuck booting) must not hold a send forever. */
  timeoutMs?: number
  /** listapps on a simulator with many apps is a few hundred KB; more than this is not simctl talking. */
  maxOutputBytes?: number
  env?: NodeJS.ProcessEnv
}

export const SIMCTL_TIMEOUT_MS = 20_000
export const SIMCTL_MAX_OUTPUT_BYTES = 8 * 1024 * 1024

/** Runs `xcrun simctl <args>` with execFile: no shell, so a UDID or bundle ID can never be read as a command. */
export class SimctlRunner {
  readonly xcrunPath: string
  private readonly timeoutMs: number
  private readonly maxOutputBytes: number
  private readonly env: NodeJS.ProcessEnv | undefined

  constructor(options: SimctlRunnerOptions = {}) {
    this.xcrunPath = options.xcrunPath ?? 'xcrun'
    this.timeoutMs = options.timeoutMs ?? SIMCTL_TIMEOUT_MS
    this.maxOutputBytes = options.maxOutputBytes ?? SIMCTL_MAX_OUTPUT_BYTES
    this.env = options.env
  }

  /** The command line as the user would type it, for the result panel and the history. */
  commandLine(args: string[]): string[] {
    return [this.xcrunPath, 'simctl', ...args]
  }

  run(args: string[]): Promise<SimctlOutcome> {
    return new Promise((resolve) => {
      execFile(
        this.xcrunPath,
        ['simctl', ...args],
        { timeout: this.timeoutMs, killSignal: 'SIGKILL', maxBuffer: this.maxOutputBytes, encoding: 'utf8', windowsHide: true, ...(this.env ? { env: this.env } : {}) },
        (error, stdout, stderr) => {
          if (!error) return resolve({ kind: 'ok', stdout, stderr })
          const failure = error as NodeJS.ErrnoException & { killed?: boolean; signal?: string | null; code?: string | number | null }
          if (failure.code === 'ENOENT') return resolve({ kind: 'missing' })
          if (failure.code === 'ERR_CHILD_PROCESS_STDIO_MAXBUFFER') return resolve({ kind: 'too-much-output', limitBytes: this.maxOutputBytes })
          if (failure.killed && failure.signal === 'SIGKILL') return resolve({ kind: 'timeout', seconds: Math.round(this.timeoutMs / 1000) })
          if (typeof failure.code === 'number' || failure.code === null || failure.code === undefined) {
            return resolve({ kind: 'exit', code: typeof failure.code === 'number' ? failure.code : null, stdout, stderr })
          }
          resolve({ kind: 'spawn-error', message: failure.message })
        }
      )
    })
  }
}
