import { test as base, expect } from './fixtures'
import { createTestApp, type TestApp } from '../support/test-app'
import { BOOTED_UDID, FakeXcrun, HAPPY, INSTALLED_APP, SECOND_UDID } from '../support/fake-xcrun'
import { seedDevice, value } from './library-helpers'

/** The app as on a Mac: platform darwin, and a fake xcrun that replays recorded simctl output. */
const test = base.extend<{ fake: FakeXcrun; app: TestApp }>({
  fake: async ({}, use) => {
    const fake = new FakeXcrun({ ...HAPPY, list: { fixture: 'booted-none.json' } })
    await use(fake)
    fake.remove()
  },
  app: async ({ fake }, use) => {
    const app = createTestApp({ simulator: { platform: 'darwin', xcrunPath: fake.path } })
    await use(app)
    await app.dispose()
  }
})

test('pick a booted simulator and an installed app, send a template, see what simctl said', async ({ pushdeck: page, app, fake }) => {
  fake.replay(HAPPY)
  await page.getByTestId('target-simulator').check()
  const simulators = page.getByTestId('simulator-select')
  await expect(simulators.locator('option')).toHaveText(['iPad Air 11-inch (M2) — iOS 17.5', 'iPhone 16 Pro — iOS 18.3'])
  await simulators.selectOption({ label: 'iPhone 16 Pro — iOS 18.3' })
  await expect(page.getByTestId('simulator-udid')).toHaveText(BOOTED_UDID)
  // The developer's app is picked over the system ones.
  await expect(page.getByTestId('simulator-app-select')).toHaveValue(INSTALLED_APP)
  await expect(page.getByTestId('simulator-app-select').locator('option')).toHaveText(['Push Demo "Beta" (com.example.pushdemo)', 'Settings (com.apple.Preferences) — system'])

  await page.getByTestId('library-tab-templates').click()
  await page.getByTestId('template-item').filter({ hasText: 'Critical sound' }).click()
  await page.getByTestId('send-button').click()

  const result = page.getByTestId('result')
  await expect(result.getByTestId('result-outcome')).toHaveText('Delivered to the simulator by simctl')
  await expect(result.getByTestId('result-explanation')).toContainText(`Notification sent to '${INSTALLED_APP}'`)
  await expect(result.getByTestId('simulator-command')).toContainText(`simctl push ${BOOTED_UDID} ${INSTALLED_APP} `)
  const template = value(await app.router['templates:list'](undefined)).find((t) => t.name === 'Critical sound')!
  const [push] = fake.pushCalls()
  expect(push!.argv.slice(0, 4)).toEqual(['simctl', 'push', BOOTED_UDID, INSTALLED_APP])
  expect(push!.payloadFile).toBe(template.payloadText)
  await expect(result.getByTestId('result-body')).toHaveText(template.payloadText)
  const history = value(await app.router['history:query']({}))
  expect(history.items[0]).toMatchObject({ environment: 'simulator', token: BOOTED_UDID, outcome: 'accepted' })
})

test('the list follows simulators booting and shutting down, and says why it is empty', async ({ pushdeck: page, fake }) => {
  await page.getByTestId('target-simulator').check()
  await expect(page.getByTestId('simulator-unavailable')).toContainText('No simulator is booted.')
  await expect(page.getByTestId('simulator-unavailable')).toContainText('xcrun simctl boot')
  await expect(page.getByTestId('send-button')).toHaveAttribute('aria-disabled', 'true')
  // A simulator boots: the list picks it up by itself.
  fake.replay(HAPPY)
  await expect(page.getByTestId('simulator-select').locator('option')).toHaveCount(2)
  await expect(page.getByTestId('simulator-unavailable')).toHaveCount(0)
  // Xcode goes away: the reason replaces the list.
  fake.replay({})
  await page.getByTestId('simulator-refresh').click()
  await expect(page.getByTestId('simulator-unavailable')).toContainText("Xcode's command-line tools were not found")
  await expect(page.getByTestId('simulator-unavailable')).toContainText('xcode-select')
})

test('failures are named with their fix: a push type simctl cannot deliver, an app removed, simctl refusing', async ({ pushdeck: page, fake }) => {
  fake.replay(HAPPY)
  await page.getByTestId('target-simulator').check()
  await expect(page.getByTestId('simulator-app-select')).toHaveValue(INSTALLED_APP)

  await page.getByTestId('push-type-select').selectOption('voip')
  await expect(page.getByTestId('send-simulator-note')).toContainText('VoIP pushes go to PushKit')
  await expect(page.getByTestId('send-button')).toHaveAttribute('aria-disabled', 'true')
  await page.getByTestId('push-type-select').selectOption('alert')
  await expect(page.getByTestId('send-simulator-note')).toHaveCount(0)

  // The app was deleted from the simulator after the list was read: main checks again.
  fake.replay({ ...HAPPY, listapps: { stdout: '{ "com.apple.Preferences" = { ApplicationType = System; CFBundleIdentifier = "com.apple.Preferences"; }; }' } })
  await page.getByTestId('send-button').click()
  await expect(page.getByTestId('result-error')).toContainText(`No app with the bundle ID "${INSTALLED_APP}" is installed`)
  await expect(page.getByTestId('result-error')).toContainText('Run the app on this simulator from Xcode once')
  expect(fake.pushCalls()).toEqual([])

  fake.replay({ ...HAPPY, push: { code: 22, stderr: 'An error was encountered processing the command (domain=NSPOSIXErrorDomain, code=22):\nInvalid argument\n' } })
  await page.getByTestId('simulator-refresh').click()
  await expect(page.getByTestId('simulator-app-select')).toHaveValue(INSTALLED_APP)
  await page.getByTestId('send-button').click()
  await expect(page.getByTestId('result-outcome')).toHaveText('Failed: simctl refused the push')
  await expect(page.getByTestId('result-explanation')).toContainText('exit code 22')
  await expect(page.getByTestId('simulator-output')).toContainText('Invalid argument')
})

test('a simulator saved as a device is tagged like devices; a tag mixing it with a device fans out with a result per target', async ({ pushdeck: page, app, fake }) => {
  fake.replay(HAPPY)
  await page.getByTestId('target-simulator').check()
  await page.getByTestId('simulator-select').selectOption(SECOND_UDID)
  await expect(page.getByTestId('simulator-app-select')).toHaveValue(INSTALLED_APP)
  await page.getByTestId('simulator-save-name').fill('QA iPad sim')
  await page.getByTestId('simulator-save').click()
  await expect(page.getByTestId('simulator-saved')).toHaveText('Saved as “QA iPad sim”.')
  const row = page.getByTestId('device-row').filter({ hasText: 'QA iPad sim' })
  await expect(row).toContainText('Simulator')
  await expect(row.locator('.token-cell')).toHaveText(SECOND_UDID)

  // Choosing it in the list shows it as the simulator target.
  await page.getByTestId('target-token').check()
  await row.getByRole('button', { name: 'QA iPad sim' }).first().click()
  await expect(page.getByTestId('target-simulator')).toBeChecked()
  await expect(page.getByTestId('simulator-select')).toHaveValue(SECOND_UDID)

  const setup = value(await app.router['demo:setup'](undefined))
  const sim = value(await app.router['devices:list'](undefined)).find((d) => d.name === 'QA iPad sim')!
  const phone = await seedDevice(app, { name: 'Phone', environment: 'emulator', bundleId: 'dev.pushdeck.demo' })
  value(await app.router['devices:bulk']({ ids: [sim.id, phone.id], action: { kind: 'addTags', tags: ['release'] } }))
  const started = value(await app.router['fanout:start']({ target: { kind: 'tags', expression: 'release' }, push: { credentialId: setup.credential.id, pushType: 'alert', priority: 10, payloadText: '{"aps":{"alert":"Both"}}', topicOverride: null, expiration: { mode: 'none' }, collapseId: '', variables: {}, templateName: null } }))
  const snapshot = (await app.fanout.finished(started.runId))!
  expect(snapshot.results.map((r) => [r.deviceName, r.environment, r.outcome]).sort()).toEqual([
    ['Phone', 'emulator', 'accepted'],
    ['QA iPad sim', 'simulator', 'accepted']
  ])
  expect(fake.pushCalls().map((c) => c.argv[2])).toEqual([SECOND_UDID])
})
