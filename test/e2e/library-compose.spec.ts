import { readFileSync } from 'node:fs'
import { expect, test } from './fixtures'
import { seedDevice, value } from './library-helpers'

test('a tag expression as the target previews the matching devices; Send becomes Send to group and refuses a malformed expression', async ({ pushdeck: page, app }) => {
  await page.getByTestId('demo-setup').click()
  await seedDevice(app, { name: 'QA phone', tags: ['qa', 'ios17'] })
  await seedDevice(app, { name: 'QA tablet', tags: ['qa', 'tablet'] })
  await seedDevice(app, { name: 'Dev phone', tags: ['dev'] })

  await page.getByTestId('target-tags').check()
  await expect(page.getByTestId('device-token')).toHaveCount(0)
  // Each device brings its own bundle ID and environment: compose does not ask for them.
  await expect(page.getByTestId('bundle-id')).toHaveCount(0)
  await expect(page.getByTestId('environment-select')).toHaveCount(0)
  const expression = page.getByTestId('target-expression')
  await expression.fill('qa')
  await expect(page.getByTestId('target-expression-count')).toHaveText('2 devices match')
  await expect(page.getByTestId('target-matches')).toContainText('QA phone')
  await expect(page.getByTestId('target-matches')).toContainText('QA tablet')
  await expression.fill('qa AND NOT tablet')
  await expect(page.getByTestId('target-expression-count')).toHaveText('1 device matches')
  await expression.fill('qa AND')
  await expect(page.getByTestId('target-expression-error')).toContainText('Expected a tag after AND, found the end.')
  await expect(page.getByTestId('target-expression-count')).toHaveCount(0)

  const send = page.getByTestId('send-button')
  await expect(send).toHaveText('Send to group')
  await expect(page.getByTestId('send-group-note')).toHaveText('Each device gets the push in its own environment and with its own bundle ID.')
  // A malformed expression is refused with main's reason; nothing goes out.
  await send.focus()
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('fanout-error')).toContainText('Expected a tag after AND, found the end.')
  expect(await app.emulator.requests()).toHaveLength(0)

  // Choosing a device is choosing one token: compose switches back, and Send works again.
  await page.getByRole('button', { name: 'Demo iPhone', exact: true }).click()
  await expect(page.getByTestId('target-token')).toBeChecked()
  await expect(page.getByTestId('device-token')).not.toHaveValue('')
  await expect(page.getByTestId('send-group-note')).toHaveCount(0)
  await send.click()
  await expect(page.getByTestId('result-status')).toHaveText('200')
})

test('a starter template loads into compose; a typed variable goes out rendered, the others with their defaults', async ({ pushdeck: page, app }) => {
  await page.getByTestId('demo-setup').click()
  await page.getByTestId('library-tab-templates').click()
  await page.getByTestId('template-item').filter({ hasText: /^Alert/ }).first().click()
  await expect(page.getByTestId('loaded-template')).toContainText('Alert')
  await expect(page.getByTestId('variable-title')).toHaveValue('Hello')
  await expect(page.getByTestId('variable-body')).toHaveValue('This push came from Pushdeck.')
  await page.getByTestId('variable-title').fill('Order "42" shipped')
  await page.getByTestId('send-button').click()
  await expect(page.getByTestId('result-status')).toHaveText('200')
  const [received] = await app.emulator.requests()
  const body = JSON.parse(received!.body) as { aps: { alert: { title: string; body: string } } }
  expect(body.aps.alert).toEqual({ title: 'Order "42" shipped', body: 'This push came from Pushdeck.' })

  // An emptied value falls back to the template default; a variable with neither blocks the send.
  await page.getByTestId('variable-title').fill('')
  await page.getByTestId('send-button').click()
  await expect(page.getByTestId('emulator-inbox-open')).toContainText('2')
  const second = JSON.parse((await app.emulator.requests()).find((r) => r.id !== received!.id)!.body) as { aps: { alert: { title: string } } }
  expect(second.aps.alert.title).toBe('Hello')

  // The Live Activity starter's {{now}} is unquoted: the editor does not mark it, the push carries a number.
  await page.getByTestId('template-item').filter({ hasText: 'Live Activity: update' }).click()
  await expect(page.getByTestId('push-type-select')).toHaveValue('liveactivity')
  await expect(page.getByTestId('payload-findings').locator('[data-finding-id="payload.syntax"]')).toHaveCount(0)
  await expect(page.getByTestId('variable-staleDate')).toHaveValue('2000000000')
})

test('compose saved as a template is found by search, updated from compose, duplicated and deleted', async ({ pushdeck: page, app }) => {
  await page.getByTestId('library-tab-templates').click()
  await page.getByTestId('push-type-select').selectOption('background')
  await page.getByTestId('template-save-open').click()
  const dialog = page.getByTestId('save-template-dialog')
  await dialog.getByLabel('Name').fill('Nightly sync')
  await dialog.getByLabel('Group').fill('QA')
  await dialog.getByTestId('save-template-submit').click()
  await expect(dialog).toHaveCount(0)
  await expect(page.getByTestId('template-done')).toHaveText('Saved “Nightly sync”.')
  await page.getByTestId('template-search').fill('nightly')
  await expect(page.getByTestId('template-item')).toHaveText([/Nightly sync/])
  await expect(page.getByRole('region', { name: 'QA' })).toBeVisible()
  const saved = value(await app.router['templates:list'](undefined)).find((t) => t.name === 'Nightly sync')!
  expect(saved).toMatchObject({ group: 'QA', pushType: 'background', priority: 5 })

  // A variable typed into the payload is saved with the value shown as its default.
  await page.getByTestId('payload-editor').locator('.cm-content').click()
  await page.keyboard.press('ControlOrMeta+a')
  await page.keyboard.type('{"aps":{"content-available":1},"id":"{{orderId}}')
  await expect(page.getByTestId('variable-orderId')).toBeVisible()
  await page.getByTestId('variable-orderId').fill('A-7')
  await page.getByTestId('template-update').click()
  await expect(page.getByTestId('template-done')).toHaveText('Updated “Nightly sync” from compose.')
  const updated = value(await app.router['templates:list'](undefined)).find((t) => t.id === saved.id)!
  expect(updated.variables).toEqual([{ name: 'orderId', defaultValue: 'A-7' }])

  await page.getByTestId('template-duplicate').click()
  await expect(page.getByTestId('template-item')).toHaveText([/^Nightly sync(?! copy)/, /^Nightly sync copy/])
  await page.getByRole('button', { name: 'Delete template Nightly sync' }).click()
  await page.getByRole('group', { name: /Confirm/ }).getByRole('button', { name: 'Delete template Nightly sync' }).click()
  await expect(page.getByTestId('template-item')).toHaveText([/Nightly sync copy/])
  await expect(page.getByTestId('loaded-template')).toHaveCount(0)
})

test('an .apns file comes in through the picker and by drag and drop, fills the bundle ID, and goes out again as .apns', async ({ pushdeck: page }) => {
  await page.getByTestId('library-tab-templates').click()
  const apns = JSON.stringify({ 'Simulator Target Bundle': 'com.example.sim', aps: { alert: { title: 'From Xcode', body: 'Simulator payload' }, badge: 3 } }, null, 2)
  await page.getByTestId('apns-file').setInputFiles({ name: 'Welcome.apns', mimeType: 'application/json', buffer: Buffer.from(apns) })
  await expect(page.getByTestId('template-done')).toHaveText('Imported “Welcome” into Imported.')
  await expect(page.getByTestId('loaded-template')).toContainText('Welcome')
  await expect(page.getByTestId('bundle-id')).toHaveValue('com.example.sim')
  await expect(page.getByTestId('payload-editor')).toContainText('From Xcode')

  // Dropped on the panel: same import.
  await page.getByTestId('templates-view').evaluate((zone) => {
    const transfer = new DataTransfer()
    transfer.items.add(new File([JSON.stringify({ aps: { 'content-available': 1 } })], 'Silent.apns', { type: 'application/json' }))
    zone.dispatchEvent(new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: transfer }))
  })
  await expect(page.getByTestId('template-done')).toHaveText('Imported “Silent” into Imported.')
  await expect(page.getByTestId('push-type-select')).toHaveValue('background')

  // Export the loaded one for compose's bundle ID.
  await page.getByTestId('template-item').filter({ hasText: 'Welcome' }).click()
  await page.getByTestId('bundle-id').fill('com.example.app')
  const download = page.waitForEvent('download')
  await page.getByTestId('template-export').click()
  const file = await download
  expect(file.suggestedFilename()).toBe('Welcome.apns')
  const exported = JSON.parse(readFileSync((await file.path())!, 'utf8')) as Record<string, unknown>
  expect(Object.keys(exported)[0]).toBe('Simulator Target Bundle')
  expect(exported).toEqual({ 'Simulator Target Bundle': 'com.example.app', aps: { alert: { title: 'From Xcode', body: 'Simulator payload' }, badge: 3 } })

  // A broken file is named, and nothing is imported.
  await page.getByTestId('apns-file').setInputFiles({ name: 'Broken.apns', mimeType: 'application/json', buffer: Buffer.from('{"aps": ') })
  await expect(page.getByTestId('template-error')).toContainText('Broken.apns: The .apns file is not valid JSON')
})

test('the payload editor completes aps keys and their values, and types only straight quotes', async ({ pushdeck: page }) => {
  const editor = page.getByTestId('payload-editor')
  await editor.locator('.cm-content').click()
  await page.keyboard.press('ControlOrMeta+a')
  await page.keyboard.press('Delete')
  await page.keyboard.type('{"aps": {"')
  const options = editor.locator('.cm-tooltip-autocomplete li')
  await expect(options.filter({ hasText: 'interruption-level' })).toBeVisible()
  await expect(options.filter({ hasText: 'mutable-content' })).toContainText('notification service extension')
  await page.keyboard.type('interr')
  await expect(options).toHaveText([/^interruption-level/])
  await page.waitForTimeout(200)
  await page.keyboard.press('Enter')
  await page.keyboard.type('": "')
  await expect(options.filter({ hasText: 'time-sensitive' })).toContainText('Breaks through Focus')
  await expect(options).toHaveCount(4)
  await page.keyboard.type('time')
  await expect(options).toHaveText([/^time-sensitive/])
  // CodeMirror ignores Enter for 75 ms after the list changes (interactionDelay): a person's pause.
  await page.waitForTimeout(200)
  await page.keyboard.press('Enter')
  const text = await editor.locator('.cm-content').innerText()
  expect(text.replace(/\s+/g, ' ')).toBe('{"aps": {"interruption-level": "time-sensitive"}}')
  // Every quote typed went in as U+0022, never as a typographic quote.
  expect(text).not.toMatch(/[\u201C\u201D\u2018\u2019]/)
  expect([...text].filter((c) => c === '\u0022')).toHaveLength(6)

  // Inside aps.alert the alert keys are offered.
  await page.keyboard.press('ControlOrMeta+a')
  await page.keyboard.type('{"aps": {"alert": {"sub')
  await expect(options.filter({ hasText: /^subtitle-loc-key/ })).toBeVisible()
  await expect(options.filter({ hasText: /^badge/ })).toHaveCount(0)
})
