import { randomUUID } from 'node:crypto'
import { bundleIdProblem } from '../../shared/diagnosis'
import type { PushTemplate } from '../../shared/domain'
import { renderTemplate } from '../../shared/library/template-variables'
import { parseApnsFile, toApnsFile } from '../../shared/library/apns-file'
import { fail, ok, type Result } from '../../shared/result'
import type { TemplateService } from './template-service'

/** Xcode .apns files in and out of the template library, so simulator payloads and device payloads are one set. */
export class ApnsFiles {
  constructor(
    private readonly templates: TemplateService,
    private readonly now: () => Date = () => new Date()
  ) {}

  import(fileName: string, text: string): Result<{ template: PushTemplate; bundleId: string | null }> {
    const parsed = parseApnsFile(text)
    if (!parsed.ok) return fail('apns-file.invalid', `${fileName}: ${parsed.message}`, 'Use an .apns file as Xcode writes it: a JSON object with an "aps" dictionary.')
    const aps = (JSON.parse(parsed.payloadText) as { aps?: Record<string, unknown> }).aps ?? {}
    const silent = aps['content-available'] === 1 && !('alert' in aps) && !('sound' in aps) && !('badge' in aps)
    const base = fileName.replace(/\.apns$/i, '').trim() || 'Imported payload'
    const names = new Set(this.templates.list().filter((t) => t.group === 'Imported').map((t) => t.name.toLowerCase()))
    let name = base
    for (let n = 2; names.has(name.toLowerCase()); n++) name = `${base} ${n}`
    const saved = this.templates.save({ name, group: 'Imported', pushType: silent ? 'background' : 'alert', priority: silent ? 5 : 10, expiration: { mode: 'none' }, collapseId: '', payloadText: parsed.payloadText, variables: [] })
    return saved.ok ? ok({ template: saved.value, bundleId: parsed.bundleId }) : saved
  }

  export(id: string, bundleId: string): Result<{ fileName: string; text: string }> {
    const template = this.templates.find(id)
    if (!template) return fail('template.not-found', 'That template no longer exists.')
    if (bundleId.trim() === '') return fail('apns-file.no-bundle', 'An .apns file names the app it is for.', 'Enter the bundle ID first.')
    const bundleProblem = bundleIdProblem(bundleId.trim())
    if (bundleProblem) return fail('apns-file.bad-bundle', bundleProblem, "Enter the app's bundle ID, e.g. com.example.app: simctl delivers the file to it.")
    // Xcode and simctl send the file as it is: {{variables}} are filled with the template's defaults.
    // An empty default is no value: the file would carry an empty string the user never chose.
    const rendered = renderTemplate(template.payloadText, { values: {}, defaults: template.variables.filter((v) => v.defaultValue !== ''), nowSeconds: Math.floor(this.now().getTime() / 1000), uuid: randomUUID })
    if (!rendered.ok) {
      return fail('apns-file.variable-without-default', `"${template.name}" uses ${rendered.missing.map((n) => `{{${n}}}`).join(', ')} with no default value, and an .apns file cannot ask for one.`, 'Give each variable a default in the template, then export.')
    }
    try {
      return ok({ fileName: `${template.name.replace(/[^A-Za-z0-9 ._-]/g, '_')}.apns`, text: toApnsFile(rendered.text, bundleId.trim()) })
    } catch {
      return fail('apns-file.template-not-json', `"${template.name}" is not valid JSON once its variables are filled with their defaults, so it cannot be an .apns file.`, 'Fix the payload (or the defaults) in the template, then export.')
    }
  }
}
