import { describe, expect, test } from 'vitest'
import type { Finding } from '../../src/shared/diagnosis'

/* The renderer module, loaded by path (tsconfig.node.json does not list src/renderer). */
type Presented = { shown: Finding[]; pending: string[]; errorCount: number }
const rendererLib = (name: string) => `../../src/renderer/src/lib/${name}.ts`
const { groupBlocked, groupChecks } = (await import(/* @vite-ignore */ rendererLib('fanout-gate'))) as {
  groupChecks(presented: Presented): Presented
  groupBlocked(presented: Presented): boolean
}

const finding = (id: string, field: Finding['field'], severity: Finding['severity'] = 'error'): Finding => ({ id, field, severity, message: id, fix: '' })
const presented = (shown: Finding[], pending: string[] = []): Presented => ({ shown, pending, errorCount: shown.filter((f) => f.severity === 'error').length })

describe('the gate before a group send', () => {
  test("what each device brings (token, topic, environment) does not block the group: main checks it per device", () => {
    const checks = presented([finding('token.empty', 'token'), finding('topic.empty', 'topic'), finding('credential.certificate-environment', 'environment')], ['token', 'topic'])
    expect(groupBlocked(checks)).toBe(false)
    expect(groupChecks(checks)).toEqual({ shown: [], pending: [], errorCount: 0 })
  })

  test("the demo key with compose set to Sandbox does not block a group of emulator devices (each device's environment decides)", () => {
    expect(groupBlocked(presented([finding('credential.demo-outside-emulator', 'credential')]))).toBe(false)
  })

  test('what the group shares blocks it: no credential, a broken payload, the credential left empty', () => {
    expect(groupBlocked(presented([finding('credential.missing', 'credential')]))).toBe(true)
    expect(groupBlocked(presented([finding('payload.invalid-json', 'payload')]))).toBe(true)
    expect(groupBlocked(presented([], ['credential']))).toBe(true)
    // A warning is shown but does not block.
    const warned = presented([finding('payload.large', 'payload', 'warning')])
    expect(groupBlocked(warned)).toBe(false)
    expect(groupChecks(warned).shown).toHaveLength(1)
  })
})
