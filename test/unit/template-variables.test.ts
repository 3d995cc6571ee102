import { describe, expect, it } from 'vitest'
import { parseApnsFile, toApnsFile } from '../../src/shared/library/apns-file'
import { starterPayloadText, STARTER_TEMPLATES } from '../../src/shared/library/starter-templates'
import { renderTemplate, variablesIn } from '../../src/shared/library/template-variables'

const context = { values: {}, defaults: [], nowSeconds: 1_765_000_000, uuid: () => '123e4567-e89b-12d3-a456-4266554400a0' }

describe('template variables', () => {
  it('finds the variables a payload uses, without built-ins', () => {
    expect(variablesIn('{"a":"{{name}}","b":{{count}},"c":"{{ now }}","d":"{{name}} {{uuid}}"}')).toEqual(['name', 'count'])
  })

  it('inside strings values are escaped; outside they are inserted as written (numbers)', () => {
    const rendered = renderTemplate('{"aps":{"alert":"Hi {{name}}","badge":{{count}}},"ts":{{now}},"id":"{{uuid}}"}', { ...context, values: { name: 'Jo "J" \\ O\'Neil', count: '3' } })
    expect(rendered.ok && JSON.parse(rendered.text)).toEqual({ aps: { alert: 'Hi Jo "J" \\ O\'Neil', badge: 3 }, ts: 1_765_000_000, id: '123e4567-e89b-12d3-a456-4266554400a0' })
  })

  it('a per-send value wins over the default; a missing one is named', () => {
    const defaults = [{ name: 'name', defaultValue: 'Alex' }]
    expect(renderTemplate('"{{name}}"', { ...context, defaults })).toEqual({ ok: true, text: '"Alex"' })
    expect(renderTemplate('"{{name}}"', { ...context, defaults, values: { name: 'Sam' } })).toEqual({ ok: true, text: '"Sam"' })
    expect(renderTemplate('"{{name}} {{city}}"', { ...context, defaults })).toEqual({ ok: false, missing: ['city'] })
  })

  it('an escaped quote inside a string does not end the string', () => {
    const rendered = renderTemplate('{"a":"say \\"{{x}}\\""}', { ...context, values: { x: '"' } })
    expect(rendered.ok && JSON.parse(rendered.text)).toEqual({ a: 'say """' })
  })

  it('every starter template renders to valid JSON with its defaults, and Live Activity timestamps are numbers', () => {
    expect(STARTER_TEMPLATES.length).toBeGreaterThanOrEqual(16)
    for (const template of STARTER_TEMPLATES) {
      const rendered = renderTemplate(starterPayloadText(template), { ...context, defaults: template.variables })
      if (!rendered.ok) throw new Error(`${template.name}: missing ${rendered.missing.join(', ')}`)
      const payload = JSON.parse(rendered.text) as { aps: Record<string, unknown> }
      if (template.pushType === 'liveactivity') expect(typeof payload.aps.timestamp).toBe('number')
    }
  })
})

describe('.apns files', () => {
  it('reads the Simulator Target Bundle out of the payload and writes it back first', () => {
    const parsed = parseApnsFile('{"Simulator Target Bundle":"com.example.app","aps":{"alert":"Hi"}}')
    expect(parsed).toEqual({ ok: true, payloadText: '{\n  "aps": {\n    "alert": "Hi"\n  }\n}', bundleId: 'com.example.app' })
    expect(toApnsFile('{"aps":{"alert":"Hi"}}', 'com.example.app')).toBe('{\n  "Simulator Target Bundle": "com.example.app",\n  "aps": {\n    "alert": "Hi"\n  }\n}\n')
    expect(parseApnsFile('[1]')).toMatchObject({ ok: false })
    expect(parseApnsFile('{"aps":{}')).toMatchObject({ ok: false })
  })
})
