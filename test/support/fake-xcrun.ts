import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/** What the fake answers to one simctl subcommand: recorded output (inline or a fixture file) and an exit code. */
export interface FakeReply {
  stdout?: string
  /** A file in test/support/simctl-fixtures, e.g. "listapps.plist". */
  fixture?: string
  stderr?: string
  code?: number
}

/** Keyed by the simctl subcommand: list, listapps, push. A subcommand left out answers like xcrun without the tool. */
export type FakeScenario = Partial<Record<'list' | 'listapps' | 'push', FakeReply>>

export interface FakeCall {
  argv: string[]
  payloadFile?: string
}

const fixtures = join(import.meta.dirname, 'simctl-fixtures')
const script = join(import.meta.dirname, 'xcrun-replay.mjs')

export const BOOTED_UDID = 'CCCCCCCC-4444-5555-6666-DDDDDDDDDDDD'
export const SECOND_UDID = 'AAAAAAAA-1111-2222-3333-BBBBBBBBBBBB'
export const INSTALLED_APP = 'com.example.pushdemo'

/** A simulator with an app installed, that accepts pushes, as simctl prints it. */
export const HAPPY: FakeScenario = {
  list: { fixture: 'booted-two.json' },
  listapps: { fixture: 'listapps.plist' },
  push: { stdout: `Notification sent to '${INSTALLED_APP}'\n` }
}

const made: string[] = []

/** Removes every fake made so far (call in afterAll). */
export function removeFakeXcruns(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true })
}

/**
 * A fake `xcrun` executable in its own folder (named xcrun, so the folder can go first on PATH).
 * It runs on this Node, whatever PATH holds.
 */
export class FakeXcrun {
  readonly dir: string
  readonly path: string

  constructor(scenario: FakeScenario = HAPPY) {
    this.dir = mkdtempSync(join(tmpdir(), 'pushdeck-fake-xcrun-'))
    this.path = join(this.dir, 'xcrun')
    writeFileSync(this.path, readFileSync(script, 'utf8').replace(/^#!.*\n/, `#!${process.execPath}\n`))
    chmodSync(this.path, 0o755)
    this.replay(scenario)
    made.push(this.dir)
  }

  /** Changes what the next calls answer (a simulator boots, an app is removed). */
  replay(scenario: FakeScenario): void {
    const resolved = Object.fromEntries(Object.entries(scenario).map(([k, r]) => [k, { ...r, stdoutFile: r.fixture ? join(fixtures, r.fixture) : undefined }]))
    writeFileSync(join(this.dir, 'scenario.json'), JSON.stringify(resolved))
  }

  remove(): void {
    rmSync(this.dir, { recursive: true, force: true })
  }

  calls(): FakeCall[] {
    const log = join(this.dir, 'calls.jsonl')
    return existsSync(log) ? readFileSync(log, 'utf8').trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as FakeCall) : []
  }

  pushCalls(): FakeCall[] {
    return this.calls().filter((c) => c.argv[1] === 'push')
  }
}
