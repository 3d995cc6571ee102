import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { TapStore, type TapRecord } from '../../src/core/history/tap-store'

const dirs: string[] = []
afterEach(() => {
  while (dirs.length) rmSync(dirs.pop()!, { recursive: true, force: true })
})
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'pushdeck-taps-'))
  dirs.push(dir)
  return dir
}
const tap = (n: number): TapRecord => ({ at: new Date(Date.UTC(2026, 0, 1, 0, 0, n)).toISOString(), action: `A${n}`, historyId: `h${n}`, apnsId: `ID-${n}`, deviceId: null, token: 'ab'.repeat(32) })

describe('tap log', () => {
  it('keeps taps across a reopen and finds them by history id and by apns-id in any case', () => {
    const dir = tempDir()
    new TapStore(dir).record(tap(1))
    const reopened = new TapStore(dir)
    expect(reopened.forHistoryId('h1')).toEqual({ at: tap(1).at, action: 'A1' })
    expect(reopened.forApnsIds(['id-1'])).toEqual({ 'id-1': { at: tap(1).at, action: 'A1' } })
  })

  it('stays bounded: past its cap it keeps the newest half, on disk and in what it answers', () => {
    const dir = tempDir()
    const store = new TapStore(dir, { maxTaps: 10 })
    for (let n = 1; n <= 11; n++) store.record(tap(n))
    const lines = readFileSync(join(dir, 'taps.jsonl'), 'utf8').trim().split('\n')
    expect(lines.map((l) => (JSON.parse(l) as TapRecord).historyId)).toEqual(['h7', 'h8', 'h9', 'h10', 'h11'])
    expect(store.forHistoryId('h6')).toBeNull()
    expect(store.forHistoryId('h11')?.action).toBe('A11')
    const reopened = new TapStore(dir, { maxTaps: 10 })
    expect(reopened.forHistoryId('h7')?.action).toBe('A7')
    expect(reopened.forHistoryId('h1')).toBeNull()
  })

  it('skips a line a crash tore, says so, and the next tap starts on a fresh line', () => {
    const dir = tempDir()
    writeFileSync(join(dir, 'taps.jsonl'), JSON.stringify(tap(1)) + '\n' + JSON.stringify(tap(2)).slice(0, 30), 'utf8')
    const store = new TapStore(dir)
    expect(store.notices[0]).toContain('1 damaged tap record')
    expect(store.forHistoryId('h1')?.action).toBe('A1')
    store.record(tap(3))
    const reopened = new TapStore(dir)
    expect(reopened.forHistoryId('h3')?.action).toBe('A3')
    expect(reopened.notices).toHaveLength(1)
  })
})
