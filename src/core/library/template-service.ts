import { randomUUID } from 'node:crypto'
import type { PushTemplate } from '../../shared/domain'
import type { Expiration } from '../../shared/expiration'
import { starterPayloadText, STARTER_TEMPLATES } from '../../shared/library/starter-templates'
import { variablesIn, type TemplateVariable } from '../../shared/library/template-variables'
import type { Priority, PushType } from '../../shared/push-types'
import { fail, ok, type Result } from '../../shared/result'
import type { StoredDocument } from '../persistence/document'

export interface TemplateInput {
  name: string
  group: string
  pushType: PushType
  priority: Priority
  expiration: Expiration
  collapseId: string
  payloadText: string
  variables: TemplateVariable[]
}

/**
 * Named payload presets with their headers. A saved template is an immutable snapshot: sends
 * render a copy, so nothing a send does can leak back into it (C-13).
 */
export class TemplateService {
  constructor(
    private readonly document: StoredDocument<PushTemplate[]>,
    private readonly now: () => Date = () => new Date()
  ) {}

  list(): PushTemplate[] {
    return this.document.read()
  }

  find(id: string): PushTemplate | null {
    return this.document.read().find((t) => t.id === id) ?? null
  }

  save(input: TemplateInput): Result<PushTemplate> {
    const problem = this.problem(input, null)
    if (problem) return problem
    const stamp = this.now().toISOString()
    const template: PushTemplate = { ...tidy(input), id: randomUUID(), createdAt: stamp, updatedAt: stamp }
    this.document.write([...this.document.read(), template])
    return ok(template)
  }

  update(id: string, input: TemplateInput): Result<PushTemplate> {
    const all = this.document.read()
    const existing = all.find((t) => t.id === id)
    if (!existing) return fail('template.not-found', 'That template no longer exists.')
    const problem = this.problem(input, id)
    if (problem) return problem
    const updated: PushTemplate = { ...existing, ...tidy(input), updatedAt: this.now().toISOString() }
    this.document.write(all.map((t) => (t.id === id ? updated : t)))
    return ok(updated)
  }

  duplicate(id: string): Result<PushTemplate> {
    const existing = this.find(id)
    if (!existing) return fail('template.not-found', 'That template no longer exists.')
    const names = new Set(this.document.read().filter((t) => t.group === existing.group).map((t) => t.name))
    let name = `${existing.name} copy`
    for (let n = 2; names.has(name); n++) name = `${existing.name} copy ${n}`
    return this.save({ ...existing, name })
  }

  remove(id: string): Result<null> {
    const all = this.document.read()
    if (!all.some((t) => t.id === id)) return fail('template.not-found', 'That template no longer exists.')
    this.document.write(all.filter((t) => t.id !== id))
    return ok(null)
  }

  /** Adds many at once (import, starters) in one write. */
  addAll(inputs: TemplateInput[]): PushTemplate[] {
    const stamp = this.now().toISOString()
    const added = inputs.map((input) => ({ ...tidy(input), id: randomUUID(), createdAt: stamp, updatedAt: stamp }))
    this.document.write([...this.document.read(), ...added])
    return added
  }

  /** Library import: adds new templates and replaces those listed, by group and name, in one write. */
  importMany(inputs: TemplateInput[], replaceKeys: ReadonlySet<string>): { added: number; replaced: number } {
    const stamp = this.now().toISOString()
    const all = [...this.document.read()]
    let added = 0
    let replaced = 0
    for (const input of inputs.map(tidy)) {
      const index = all.findIndex((t) => t.group === input.group && t.name.toLowerCase() === input.name.toLowerCase())
      if (index < 0) {
        all.push({ ...input, id: randomUUID(), createdAt: stamp, updatedAt: stamp })
        added++
      } else if (replaceKeys.has(`template:${input.group}/${input.name}`)) {
        all[index] = { ...all[index]!, ...input, updatedAt: stamp }
        replaced++
      }
    }
    this.document.write(all)
    return { added, replaced }
  }

  seedStarters(): void {
    this.addAll(
      STARTER_TEMPLATES.map((t) => ({
        name: t.name,
        group: t.group,
        pushType: t.pushType,
        priority: t.priority,
        expiration: t.expiration,
        collapseId: t.collapseId,
        payloadText: starterPayloadText(t),
        variables: t.variables
      }))
    )
  }

  private problem(input: TemplateInput, selfId: string | null): Result<never> | null {
    const name = input.name.trim()
    if (name === '') return fail('template.no-name', 'A template needs a name.')
    const group = input.group.trim()
    const twin = this.document.read().find((t) => t.id !== selfId && t.group === group && t.name.toLowerCase() === name.toLowerCase())
    if (twin) return fail('template.duplicate', `"${twin.name}" exists already${group ? ` in ${group}` : ''}.`, 'Pick another name, or edit that template.')
    return null
  }
}

/** Declared variables follow the payload: unused ones are dropped, new ones get an empty default. */
function tidy(input: TemplateInput): TemplateInput {
  const used = variablesIn(input.payloadText)
  const variables = used.map((name) => input.variables.find((v) => v.name === name) ?? { name, defaultValue: '' })
  return { ...input, name: input.name.trim(), group: input.group.trim(), variables }
}
