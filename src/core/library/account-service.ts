import { randomUUID } from 'node:crypto'
import type { Account } from '../../shared/domain'
import { fail, ok, type Result } from '../../shared/result'
import type { StoredDocument } from '../persistence/document'

export class AccountService {
  private readonly removedListeners: ((id: string) => void)[] = []

  constructor(
    private readonly document: StoredDocument<Account[]>,
    private readonly now: () => Date = () => new Date()
  ) {}

  list(): Account[] {
    return this.document.read()
  }

  exists(id: string): boolean {
    return this.document.read().some((a) => a.id === id)
  }

  save(input: { name: string; notes?: string }): Result<Account> {
    const name = input.name.trim()
    if (name === '') return fail('account.no-name', 'An account needs a name, such as the user it signs in as.')
    const twin = this.document.read().find((a) => a.name.toLowerCase() === name.toLowerCase())
    if (twin) return fail('account.duplicate', `An account named "${twin.name}" exists already.`)
    const account: Account = { id: randomUUID(), name, notes: (input.notes ?? '').slice(0, 2000), createdAt: this.now().toISOString() }
    this.document.write([...this.document.read(), account])
    return ok(account)
  }

  /** The account with this name (without case), created when there is none: how a registering app names its user. */
  findOrCreate(name: string): Result<Account> {
    const wanted = name.trim().toLowerCase()
    const existing = this.document.read().find((a) => a.name.toLowerCase() === wanted)
    return existing ? ok(existing) : this.save({ name })
  }

  update(id: string, patch: { name?: string; notes?: string }): Result<Account> {
    const all = this.document.read()
    const existing = all.find((a) => a.id === id)
    if (!existing) return fail('account.not-found', 'That account no longer exists.')
    const name = patch.name?.trim() ?? existing.name
    if (name === '') return fail('account.no-name', 'An account needs a name.')
    if (all.some((a) => a.id !== id && a.name.toLowerCase() === name.toLowerCase())) return fail('account.duplicate', `An account named "${name}" exists already.`)
    const updated = { ...existing, name, notes: (patch.notes ?? existing.notes).slice(0, 2000) }
    this.document.write(all.map((a) => (a.id === id ? updated : a)))
    return ok(updated)
  }

  /** Devices of a removed account stay, without an account. */
  remove(id: string): Result<null> {
    const all = this.document.read()
    if (!all.some((a) => a.id === id)) return fail('account.not-found', 'That account no longer exists.')
    this.document.write(all.filter((a) => a.id !== id))
    this.removedListeners.forEach((listener) => listener(id))
    return ok(null)
  }

  onRemoved(listener: (id: string) => void): void {
    this.removedListeners.push(listener)
  }
}
