import type { ImportOutcome, ImportPreview } from '../../shared/library/bundle-types'
import { ok, type Result } from '../../shared/result'
import type { AccountService } from './account-service'
import type { DeviceService } from './device-service'
import { exportBundle, parseBundle, previewImport } from './library-bundle'
import type { TemplateService } from './template-service'

/** Sharing the library as one file: export, preview an import, then apply it with the user's choices. */
export class LibraryService {
  constructor(
    private readonly devices: DeviceService,
    private readonly accounts: AccountService,
    private readonly templates: TemplateService
  ) {}

  export(): Result<{ fileName: string; text: string }> {
    return ok({ fileName: 'pushdeck-library.json', text: exportBundle(this.devices.list(), this.accounts.list(), this.templates.list()) })
  }

  preview(text: string): Result<ImportPreview> {
    const bundle = parseBundle(text)
    if (!bundle.ok) return bundle
    return ok(previewImport(bundle.value, this.devices.list(), this.accounts.list(), this.templates.list()))
  }

  /** replace lists the conflict keys whose incoming version wins; every other conflict keeps ours. */
  apply(text: string, replace: string[]): Result<ImportOutcome> {
    const bundle = parseBundle(text)
    if (!bundle.ok) return bundle
    const replaceKeys = new Set(replace)
    const conflicts = previewImport(bundle.value, this.devices.list(), this.accounts.list(), this.templates.list()).conflicts
    const outcome: ImportOutcome = { added: { devices: 0, accounts: 0, templates: 0 }, replaced: 0, kept: conflicts.filter((c) => !replaceKeys.has(c.key)).length, skipped: [] }

    for (const account of bundle.value.accounts) {
      const existing = this.accounts.list().find((a) => a.name.toLowerCase() === account.name.toLowerCase())
      if (!existing) {
        if (this.accounts.save(account).ok) outcome.added.accounts++
      } else if (existing.notes !== account.notes && replaceKeys.has(`account:${account.name.toLowerCase()}`)) {
        if (this.accounts.update(existing.id, { notes: account.notes }).ok) outcome.replaced++
      }
    }
    // Devices name their account; one named only by a device is created with it.
    const accountId = (name: string | null): string | null => {
      if (!name) return null
      const found = this.accounts.list().find((a) => a.name.toLowerCase() === name.toLowerCase())
      if (found) return found.id
      const created = this.accounts.save({ name })
      if (created.ok) outcome.added.accounts++
      return created.ok ? created.value.id : null
    }
    const replaceTokens = new Set([...replaceKeys].filter((k) => k.startsWith('device:')).map((k) => k.slice('device:'.length)))
    const deviceResult = this.devices.importMany(
      bundle.value.devices.map((d) => ({ ...d, accountId: accountId(d.account) })),
      replaceTokens
    )
    outcome.added.devices = deviceResult.added
    outcome.replaced += deviceResult.replaced
    outcome.skipped.push(...deviceResult.skipped)
    const templateResult = this.templates.importMany(bundle.value.templates, replaceKeys)
    outcome.added.templates = templateResult.added
    outcome.replaced += templateResult.replaced
    return ok(outcome)
  }
}
