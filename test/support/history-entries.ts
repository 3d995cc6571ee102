import { randomUUID } from 'node:crypto'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { HistoryEntry } from '../../src/shared/history-types'

/**
 * History entries as a send records them, for tests and benchmarks that need a history of a
 * given size without sending that many pushes. Entry n is n seconds after a fixed start, so
 * the newest is the one with the highest n.
 */
export function historyEntry(n: number, overrides: Partial<Omit<HistoryEntry, 'response'>> & { response?: Partial<HistoryEntry['response']> } = {}): HistoryEntry {
  const token = n.toString(16).padStart(64, '0')
  const rejected = n % 10 === 5
  const { response, ...rest } = overrides
  return {
    id: randomUUID(),
    at: new Date(1_764_000_000_000 + n * 1000).toISOString(),
    runId: null,
    credentialLabel: 'Team key',
    environment: 'sandbox',
    host: 'api.sandbox.push.apple.com',
    pushType: 'alert',
    templateName: 'Alert',
    device: { id: null, name: `Phone ${n}`, token, tags: ['qa'] },
    request: {
      host: 'api.sandbox.push.apple.com',
      path: `/3/device/${token}`,
      headers: { 'apns-topic': 'com.example.app', 'apns-push-type': 'alert', 'apns-priority': '10', 'apns-id': randomUUID() },
      body: '{"aps":{"alert":{"title":"Hello","body":"A push from Pushdeck"}}}',
      bytes: 60
    },
    response: {
      outcome: rejected ? 'rejected' : 'accepted',
      status: rejected ? 400 : 200,
      reason: rejected ? 'BadDeviceToken' : null,
      apnsId: randomUUID(),
      apnsUniqueId: rejected ? null : randomUUID(),
      unregisteredAt: null,
      latencyMs: 20 + (n % 200),
      attempts: 1,
      explanation: rejected ? 'The token is not valid for this environment.' : 'APNs stores the push and forwards it when the device is reachable.',
      ...response
    },
    ...rest
  }
}

/** Writes entries 0..count-1 (or the ones given) as the history file of a data folder, before the app opens it. */
export function writeHistory(dataDir: string, entries: HistoryEntry[]): void {
  const dir = join(dataDir, 'history')
  mkdirSync(dir, { recursive: true })
  writeFileSync(join(dir, 'history.jsonl'), entries.map((e) => JSON.stringify(e)).join('\n') + (entries.length > 0 ? '\n' : ''))
}
