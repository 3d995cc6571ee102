import { describe, expect, test } from 'vitest'
import type { SavedDevice } from '../../src/shared/domain'
import type { ParsedTagExpression } from '../../src/shared/library/tag-expression'

/*
 * The renderer's pure modules, loaded by path: tsconfig.node.json (a composite project) does not
 * list src/renderer, so a static import would not typecheck there. The shapes below are what
 * this test relies on; the modules themselves are typechecked by tsconfig.web.json.
 */
type DeviceCriteria = { search: string; environment: string; kind: string; account: string; tagExpression: string }
interface DeviceFilterModule {
  NO_CRITERIA: DeviceCriteria
  NO_ACCOUNT: string
  indexDevices(devices: readonly SavedDevice[]): unknown[]
  filterDevices(index: readonly unknown[], criteria: DeviceCriteria): { devices: SavedDevice[]; tagExpression: ParsedTagExpression | null }
  rangeBetween(devices: readonly SavedDevice[], anchorId: string, targetId: string): string[]
  activeFilterCount(criteria: DeviceCriteria): number
}
type WindowInput = { count: number; rowHeight: number; scrollTop: number; viewportHeight: number; overscan: number; expandedIndex: number; expandedExtra: number }
interface WindowingModule {
  visibleRange(input: WindowInput): { start: number; end: number; totalHeight: number }
  rowOffset(index: number, input: Pick<WindowInput, 'rowHeight' | 'expandedIndex' | 'expandedExtra'>): number
  rowAt(y: number, input: WindowInput): number
}
const rendererLib = (name: string) => `../../src/renderer/src/lib/${name}.ts`
const { activeFilterCount, filterDevices, indexDevices, NO_ACCOUNT, NO_CRITERIA, rangeBetween } = (await import(/* @vite-ignore */ rendererLib('device-filter'))) as DeviceFilterModule
const { rowAt, rowOffset, visibleRange } = (await import(/* @vite-ignore */ rendererLib('windowing'))) as WindowingModule

let next = 0
function device(fields: Partial<SavedDevice> & { name: string }): SavedDevice {
  next++
  return {
    id: `d${next}`,
    token: next.toString(16).padStart(64, '0'),
    bundleId: 'com.example.pushdemo',
    environment: 'sandbox',
    kind: 'regular',
    tags: [],
    accountId: null,
    notes: '',
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    unregisteredAt: null,
    lastResult: null,
    ...fields
  }
}

const phone = device({ name: 'iPhone 15 QA', tags: ['ios17', 'qa'], accountId: 'acct-1' })
const tablet = device({ name: 'iPad Air', tags: ['ios18', 'qa', 'tablet'], environment: 'production', notes: 'Lives in the DRAWER' })
const voip = device({ name: 'CallKit phone', tags: ['ios17'], kind: 'voip', bundleId: 'com.example.calls' })
const bare = device({ name: 'Watch', token: 'abcdef'.padEnd(64, '1') })
const all = [phone, tablet, voip, bare]
const index = indexDevices(all)
const names = (criteria: Partial<DeviceCriteria>) => filterDevices(index, { ...NO_CRITERIA, ...criteria }).devices.map((d) => d.name)

describe('filterDevices', () => {
  test('no criteria keeps every device, in order', () => {
    expect(names({})).toEqual(['iPhone 15 QA', 'iPad Air', 'CallKit phone', 'Watch'])
  })

  test('search matches name, token, bundle ID and notes, without case, every word', () => {
    expect(names({ search: 'IPHONE' })).toEqual(['iPhone 15 QA'])
    expect(names({ search: 'drawer' })).toEqual(['iPad Air'])
    expect(names({ search: 'com.example.calls' })).toEqual(['CallKit phone'])
    expect(names({ search: 'ABCDEF' })).toEqual(['Watch'])
    expect(names({ search: '  phone   callkit ' })).toEqual(['CallKit phone'])
    expect(names({ search: 'phone tablet' })).toEqual([])
  })

  test('environment, kind and account filters', () => {
    expect(names({ environment: 'production' })).toEqual(['iPad Air'])
    expect(names({ kind: 'voip' })).toEqual(['CallKit phone'])
    expect(names({ account: 'acct-1' })).toEqual(['iPhone 15 QA'])
    expect(names({ account: NO_ACCOUNT })).toEqual(['iPad Air', 'CallKit phone', 'Watch'])
    expect(names({ environment: 'sandbox', kind: 'regular' })).toEqual(['iPhone 15 QA', 'Watch'])
  })

  test('a tag expression keeps the devices it matches and is returned parsed', () => {
    expect(names({ tagExpression: 'qa AND NOT tablet' })).toEqual(['iPhone 15 QA'])
    expect(names({ tagExpression: 'ios17 | ios18' })).toEqual(['iPhone 15 QA', 'iPad Air', 'CallKit phone'])
    expect(names({ tagExpression: 'QA and (ios18 or tablet)' })).toEqual(['iPad Air'])
    const outcome = filterDevices(index, { ...NO_CRITERIA, tagExpression: 'qa' })
    expect(outcome.tagExpression).toMatchObject({ ok: true, tags: ['qa'] })
  })

  test('a malformed expression is reported with its position and not applied', () => {
    const outcome = filterDevices(index, { ...NO_CRITERIA, tagExpression: 'qa AND (ios17' })
    expect(outcome.tagExpression).toEqual({ ok: false, message: 'The "(" at 8 is never closed.', position: 13 })
    expect(outcome.devices).toHaveLength(4)
  })

  test('an empty or blank expression is no filter at all', () => {
    expect(filterDevices(index, { ...NO_CRITERIA, tagExpression: '   ' }).tagExpression).toBeNull()
  })

  test('every criterion at once', () => {
    expect(names({ search: 'phone', tagExpression: 'ios17', kind: 'voip', environment: 'sandbox', account: NO_ACCOUNT })).toEqual(['CallKit phone'])
  })

  test('10,000 devices filter in well under a frame', () => {
    const many = indexDevices(Array.from({ length: 10_000 }, (_, i) => device({ name: `Device ${i}`, tags: i % 3 ? ['qa'] : ['dev'] })))
    const start = performance.now()
    const kept = filterDevices(many, { ...NO_CRITERIA, search: 'device 99', tagExpression: 'qa' }).devices
    expect(kept.length).toBeGreaterThan(0)
    // Generous: this is a smoke check for an accidental quadratic, not a benchmark.
    expect(performance.now() - start).toBeLessThan(200)
  })
})

describe('selection helpers', () => {
  test('rangeBetween takes the rows between anchor and target, either direction', () => {
    expect(rangeBetween(all, phone.id, voip.id)).toEqual([phone.id, tablet.id, voip.id])
    expect(rangeBetween(all, bare.id, tablet.id)).toEqual([tablet.id, voip.id, bare.id])
    expect(rangeBetween(all, 'gone', voip.id)).toEqual([voip.id])
  })

  test('activeFilterCount counts the filters behind the Filters button', () => {
    expect(activeFilterCount(NO_CRITERIA)).toBe(0)
    expect(activeFilterCount({ ...NO_CRITERIA, search: 'x', tagExpression: 'qa' })).toBe(0)
    expect(activeFilterCount({ ...NO_CRITERIA, environment: 'sandbox', account: NO_ACCOUNT })).toBe(2)
  })
})

describe('the device list windowing', () => {
  const base = { count: 10_000, rowHeight: 100, viewportHeight: 450, overscan: 2, expandedIndex: -1, expandedExtra: 40 }

  test('only the rows in view, plus the overscan, are rendered', () => {
    expect(visibleRange({ ...base, scrollTop: 0 })).toEqual({ start: 0, end: 7, totalHeight: 1_000_000 })
    expect(visibleRange({ ...base, scrollTop: 5_050 })).toEqual({ start: 48, end: 57, totalHeight: 1_000_000 })
    expect(visibleRange({ ...base, scrollTop: 999_550 })).toMatchObject({ start: 9_993, end: 10_000 })
  })

  test('one expanded row pushes the rows after it down', () => {
    const input = { ...base, expandedIndex: 3 }
    expect(rowOffset(3, input)).toBe(300)
    expect(rowOffset(4, input)).toBe(440)
    expect(rowAt(439, { ...input, scrollTop: 0 })).toBe(3)
    expect(rowAt(440, { ...input, scrollTop: 0 })).toBe(4)
    expect(visibleRange({ ...input, scrollTop: 0 }).totalHeight).toBe(1_000_040)
  })

  test('an empty list renders nothing', () => {
    expect(visibleRange({ ...base, count: 0, scrollTop: 0 })).toEqual({ start: 0, end: 0, totalHeight: 0 })
  })
})
