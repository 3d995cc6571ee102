import { describe, expect, it } from 'vitest'
import type { CredentialProfile, PushTemplate, SavedDevice } from '../../src/shared/domain'

/* The renderer's pure modules, loaded by path (see device-filter.test.ts for why). */
type Item = { kind: 'device' | 'template' | 'profile'; id: string; label: string; detail: string }
interface SwitcherModule {
  switcherItems(devices: SavedDevice[], templates: PushTemplate[], profiles: CredentialProfile[]): Item[]
  rankSwitcherItems(items: Item[], query: string): Item[]
  MAX_SWITCHER_RESULTS: number
}
interface FuzzyModule {
  fuzzyScore(query: string, text: string): number | null
}
interface ShortcutsModule {
  commandForKey(press: { key: string; metaKey: boolean; ctrlKey: boolean; altKey: boolean; shiftKey: boolean }, mac: boolean): string | null
}
const rendererLib = (name: string) => `../../src/renderer/src/lib/${name}.ts`
const { switcherItems, rankSwitcherItems, MAX_SWITCHER_RESULTS } = (await import(/* @vite-ignore */ rendererLib('switcher-items'))) as SwitcherModule
const { fuzzyScore } = (await import(/* @vite-ignore */ rendererLib('fuzzy-match'))) as FuzzyModule
const { commandForKey } = (await import(/* @vite-ignore */ rendererLib('shortcuts'))) as ShortcutsModule

const item = (kind: Item['kind'], label: string, detail = ''): Item => ({ kind, id: `${kind}:${label}`, label, detail })
const labels = (list: Item[]) => list.map((i) => i.label)

describe('fuzzy matching', () => {
  it('matches the query’s letters in order, ignoring case and spaces', () => {
    expect(fuzzyScore('kiph', 'Kitchen iPhone')).not.toBeNull()
    expect(fuzzyScore('KIT IPH', 'Kitchen iPhone')).not.toBeNull()
    expect(fuzzyScore('hpik', 'Kitchen iPhone')).toBeNull()
    expect(fuzzyScore('x', 'Kitchen iPhone')).toBeNull()
  })

  it('scores word starts and runs of letters above scattered ones', () => {
    expect(fuzzyScore('os', 'Order Shipped')!).toBeGreaterThan(fuzzyScore('os', 'Photos')!)
    expect(fuzzyScore('ship', 'Order Shipped')!).toBeGreaterThan(fuzzyScore('ship', 'Silent push, high priority')!)
  })
})

describe('quick switcher ranking', () => {
  const items = [
    item('device', 'Kitchen iPad', 'com.example.kitchen · Production'),
    item('device', 'Office Mac', 'com.example.office · Sandbox'),
    item('template', 'Order shipped', 'Commerce · alert'),
    item('profile', 'Acme · production', 'com.acme.app · Production')
  ]

  it('lists everything, devices then templates then profiles, for an empty query', () => {
    expect(rankSwitcherItems(items, '').map((i) => i.kind)).toEqual(['device', 'device', 'template', 'profile'])
  })

  it('puts the closest label first', () => {
    expect(labels(rankSwitcherItems(items, 'order'))[0]).toBe('Order shipped')
    expect(labels(rankSwitcherItems(items, 'acme'))).toEqual(['Acme · production'])
  })

  it('also finds an item by its detail (a bundle ID, a group), below label matches', () => {
    expect(labels(rankSwitcherItems(items, 'commerce'))).toEqual(['Order shipped'])
    const office = rankSwitcherItems([...items, item('template', 'Weekly digest', 'Office · alert')], 'office')
    expect(labels(office)).toEqual(['Office Mac', 'Weekly digest'])
    expect(labels(rankSwitcherItems(items, 'com.example.office'))).toEqual(['Office Mac'])
  })

  it('lists nothing when nothing matches', () => {
    expect(rankSwitcherItems(items, 'zzz')).toEqual([])
  })

  it('stays short with thousands of devices', () => {
    const many = Array.from({ length: 5000 }, (_, n) => item('device', `Phone ${n}`))
    expect(rankSwitcherItems(many, 'phone')).toHaveLength(MAX_SWITCHER_RESULTS)
  })

  it('describes devices, templates and profiles by what tells them apart', () => {
    const device = { id: 'd1', name: 'Kitchen iPad', bundleId: 'com.example.kitchen', environment: 'production' } as SavedDevice
    const template = { id: 't1', name: 'Order shipped', group: 'Commerce', pushType: 'alert' } as PushTemplate
    const profile = { id: 'p1', label: 'Acme', bundleId: 'com.acme.app', environment: 'sandbox' } as CredentialProfile
    expect(switcherItems([device], [template], [profile])).toEqual([
      { kind: 'device', id: 'd1', label: 'Kitchen iPad', detail: 'com.example.kitchen · Production' },
      { kind: 'template', id: 't1', label: 'Order shipped', detail: 'Commerce · alert' },
      { kind: 'profile', id: 'p1', label: 'Acme', detail: 'com.acme.app · Sandbox (development)' }
    ])
  })
})

describe('shortcut keys', () => {
  const press = (key: string, mods: Partial<Record<'metaKey' | 'ctrlKey' | 'altKey' | 'shiftKey', boolean>> = {}) => ({ key, metaKey: false, ctrlKey: false, altKey: false, shiftKey: false, ...mods })

  it('use ⌘ on a Mac: ⌘↩ sends, ⌘K opens the quick switcher, ⌘, opens Settings', () => {
    expect(commandForKey(press('Enter', { metaKey: true }), true)).toBe('send')
    expect(commandForKey(press('k', { metaKey: true }), true)).toBe('quick-switcher')
    expect(commandForKey(press('K', { metaKey: true }), true)).toBe('quick-switcher')
    expect(commandForKey(press(',', { metaKey: true }), true)).toBe('settings')
  })

  it('leave Ctrl+K to the text field on a Mac (delete to end of line), and use Ctrl elsewhere', () => {
    expect(commandForKey(press('k', { ctrlKey: true }), true)).toBeNull()
    expect(commandForKey(press('k', { ctrlKey: true }), false)).toBe('quick-switcher')
    expect(commandForKey(press('Enter', { ctrlKey: true }), false)).toBe('send')
    expect(commandForKey(press('Enter', { metaKey: true }), false)).toBeNull()
  })

  it('ignore plain keys and other modifier combinations', () => {
    expect(commandForKey(press('Enter'), true)).toBeNull()
    expect(commandForKey(press('k', { metaKey: true, shiftKey: true }), true)).toBeNull()
    expect(commandForKey(press('Enter', { metaKey: true, altKey: true }), true)).toBeNull()
  })
})
