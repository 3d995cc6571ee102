import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseBootedDevices, runtimeLabel } from '../../src/core/simulator/booted-list'
import { parseInstalledApps } from '../../src/core/simulator/installed-apps'
import { parseOldStylePlist } from '../../src/core/simulator/old-style-plist'
import { simulatorPushTypeProblem } from '../../src/shared/simulator'
import { PUSH_TYPES } from '../../src/shared/push-types'

const fixture = (name: string) => readFileSync(join(import.meta.dirname, '../support/simctl-fixtures', name), 'utf8')

describe('xcrun simctl list devices booted -j', () => {
  it('lists each booted simulator with its name, readable runtime and UDID, sorted by name', () => {
    const parsed = parseBootedDevices(fixture('booted-two.json'))
    expect(parsed).toEqual({
      ok: true,
      value: [
        { udid: 'AAAAAAAA-1111-2222-3333-BBBBBBBBBBBB', name: 'iPad Air 11-inch (M2)', runtime: 'iOS 17.5', runtimeId: 'com.apple.CoreSimulator.SimRuntime.iOS-17-5', available: true, availabilityError: null },
        { udid: 'CCCCCCCC-4444-5555-6666-DDDDDDDDDDDD', name: 'iPhone 16 Pro', runtime: 'iOS 18.3', runtimeId: 'com.apple.CoreSimulator.SimRuntime.iOS-18-3', available: true, availabilityError: null }
      ]
    })
  })

  it('lists a UDID once even when malformed output names it under two runtimes', () => {
    const udid = 'AAAAAAAA-1111-2222-3333-BBBBBBBBBBBB'
    const twice = JSON.stringify({ devices: { 'com.apple.CoreSimulator.SimRuntime.iOS-18-3': [{ udid, name: 'iPhone', state: 'Booted' }], 'com.apple.CoreSimulator.SimRuntime.iOS-17-5': [{ udid: udid.toLowerCase(), name: 'iPhone', state: 'Booted' }] } })
    const parsed = parseBootedDevices(twice)
    expect(parsed.ok && parsed.value.map((d) => d.udid)).toEqual([udid])
  })

  it('gives an empty list when every runtime maps to an empty array', () => {
    expect(parseBootedDevices(fixture('booted-none.json'))).toEqual({ ok: true, value: [] })
  })

  it('keeps unavailable simulators with simctl\'s reason, and skips entries that are not simulators', () => {
    const text = JSON.stringify({
      devices: {
        'com.apple.CoreSimulator.SimRuntime.iOS-16-4': [
          { udid: 'cccccccc-4444-5555-6666-dddddddddddd', state: 'Booted', name: 'Old', isAvailable: false, availabilityError: 'runtime profile not found' },
          { udid: 'booted', state: 'Booted', name: 'Not a UDID' },
          { state: 'Booted', name: 'No UDID' },
          { udid: 'EEEEEEEE-1111-2222-3333-FFFFFFFFFFFF', state: 'Shutting Down', name: 'Leaving' },
          null,
          'text'
        ],
        'com.apple.CoreSimulator.SimRuntime.xrOS-2-0': 'not an array'
      }
    })
    const parsed = parseBootedDevices(text)
    expect(parsed.ok && parsed.value).toEqual([{ udid: 'CCCCCCCC-4444-5555-6666-DDDDDDDDDDDD', name: 'Old', runtime: 'iOS 16.4', runtimeId: 'com.apple.CoreSimulator.SimRuntime.iOS-16-4', available: false, availabilityError: 'runtime profile not found' }])
  })

  it.each([
    ['not JSON', 'xcrun: warning: something\n{"devices":{}}', /not JSON/],
    ['truncated', '{"devices": {"com.apple.CoreSimulator.SimRuntime.iOS-18-3": [', /not JSON/],
    ['an array', '[]', /no "devices" object/],
    ['devices as an array', '{"devices": []}', /no "devices" object/],
    ['empty', '', /not JSON/],
    ['null', 'null', /no "devices" object/]
  ])('names the problem when the output is %s', (_label, text, problem) => {
    const parsed = parseBootedDevices(text)
    expect(parsed.ok).toBe(false)
    if (!parsed.ok) expect(parsed.problem).toMatch(problem)
  })

  it('reads runtime identifiers of every platform and leaves unknown ones as given', () => {
    expect(runtimeLabel('com.apple.CoreSimulator.SimRuntime.iOS-26-0')).toBe('iOS 26.0')
    expect(runtimeLabel('com.apple.CoreSimulator.SimRuntime.watchOS-11-2')).toBe('watchOS 11.2')
    expect(runtimeLabel('com.apple.CoreSimulator.SimRuntime.xrOS-2-1')).toBe('visionOS 2.1')
    expect(runtimeLabel('custom-runtime')).toBe('custom-runtime')
  })
})

describe('xcrun simctl listapps (an old-style property list)', () => {
  it('lists user apps first with their display names, then system apps', () => {
    const parsed = parseInstalledApps(fixture('listapps.plist'))
    expect(parsed).toEqual({
      ok: true,
      value: [
        { bundleId: 'com.example.pushdemo', name: 'Push Demo "Beta"', type: 'user' },
        { bundleId: 'com.apple.Preferences', name: 'Settings', type: 'system' }
      ]
    })
  })

  it('reads every old-style form: quoted and bare strings, escapes, arrays, data, comments', () => {
    const parsed = parseOldStylePlist(`// a comment
      { a = "x\\"y\\n\\U00e9\\101"; b = ( 1, "two", (), {} , ); /* block */ c = <0fa1 b2>; 'd' = bare.word-1/2:3; }`)
    expect(parsed).toEqual({ ok: true, value: { a: 'x"y\néA', b: ['1', 'two', [], {}], c: '0fa1b2', d: 'bare.word-1/2:3' } })
  })

  it.each([
    ['JSON instead of a plist', '{"com.example.app": {"CFBundleIdentifier": "com.example.app"}}'],
    ['a truncated list', '{ "com.example.app" = { ApplicationType = User;'],
    ['a missing semicolon', '{ a = b }'],
    ['an unclosed string', '{ a = "b; }'],
    ['text after the list', '{ } trailing'],
    ['an error message', 'An error was encountered processing the command (domain=com.apple.CoreSimulator.SimError, code=405)'],
    ['nothing', '']
  ])('reports %s as malformed, with where', (_label, text) => {
    const parsed = parseInstalledApps(text)
    expect(parsed.ok).toBe(false)
    if (!parsed.ok) expect(parsed.problem).toMatch(/not (a property list|a dictionary of apps)/)
  })

  it('refuses nesting deep enough to exhaust the stack, as a message', () => {
    const parsed = parseOldStylePlist('('.repeat(100_000))
    expect(parsed.ok).toBe(false)
  })

  it('falls back to the key and to the bundle ID when names are missing, and skips non-dictionary entries', () => {
    const parsed = parseInstalledApps('{ "com.example.a" = { ApplicationType = User; }; "com.example.b" = "text"; }')
    expect(parsed.ok && parsed.value).toEqual([{ bundleId: 'com.example.a', name: 'com.example.a', type: 'user' }])
  })
})

describe('push types simctl can deliver', () => {
  it('accepts alert and background and refuses every other type with its reason and a way out', () => {
    for (const type of PUSH_TYPES) {
      const problem = simulatorPushTypeProblem(type)
      if (type === 'alert' || type === 'background') expect(problem).toBeNull()
      else {
        expect(problem?.message).toMatch(/simctl push delivers only alert and background/)
        expect(problem?.hint).toMatch(/real device/)
      }
    }
    expect(simulatorPushTypeProblem('voip')?.message).toMatch(/PushKit/)
    expect(simulatorPushTypeProblem('liveactivity')?.message).toMatch(/ActivityKit/)
  })
})
