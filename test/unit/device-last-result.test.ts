import { describe, expect, it } from 'vitest'
import { DeviceService } from '../../src/core/library/device-service'
import { deviceMigrations, savedDevicesSchema } from '../../src/core/library/stored-device'
import { StoredDocument } from '../../src/core/persistence/document'
import { MemoryKeyValueFile } from '../../src/core/persistence/memory-file'
import type { LastResult } from '../../src/shared/domain'

const token = 'ab'.repeat(32)
const saved = (lastResult: LastResult | null) => {
  const file = new MemoryKeyValueFile('devices.json')
  const document = new StoredDocument(file, 'devices', { schema: savedDevicesSchema, empty: () => [], migrations: deviceMigrations })
  document.write([{ id: 'd1', name: 'Phone', token, bundleId: 'com.example.app', environment: 'sandbox', kind: 'regular', tags: [], accountId: null, notes: '', createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z', unregisteredAt: null, lastResult }])
  return document
}
const older: LastResult = { at: '2026-11-01T10:00:00.000Z', outcome: 'accepted', status: 200, reason: null }
const newer: LastResult = { at: '2026-12-01T10:00:00.000Z', outcome: 'rejected', status: 400, reason: 'BadDeviceToken' }

describe("a saved device's last answer", () => {
  it('is the newer of the history\'s and the one a device saved by an older Pushdeck holds', () => {
    expect(new DeviceService(saved(older), undefined, undefined, () => newer).list()[0]!.lastResult).toEqual(newer)
    expect(new DeviceService(saved(newer), undefined, undefined, () => older).list()[0]!.lastResult).toEqual(newer)
    expect(new DeviceService(saved(older), undefined, undefined, () => null).list()[0]!.lastResult).toEqual(older)
    expect(new DeviceService(saved(null), undefined, undefined, (t) => (t === token ? newer : null)).list()[0]!.lastResult).toEqual(newer)
  })

  it('410s mark only the saved devices they name, in one write, and nothing is written when none is saved', () => {
    const document = saved(null)
    const devices = new DeviceService(document)
    devices.markUnregistered(new Map([['cd'.repeat(32), '2026-12-01T00:00:00.000Z']]))
    expect(devices.list()[0]!.unregisteredAt).toBeNull()
    devices.markUnregistered(new Map([[token, '2026-12-02T00:00:00.000Z']]))
    expect(devices.list()[0]!.unregisteredAt).toBe('2026-12-02T00:00:00.000Z')
  })
})
