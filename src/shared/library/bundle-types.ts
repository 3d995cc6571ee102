/** What importing a shared library file would change, shown before anything is written. */
export interface LibraryConflict {
  kind: 'device' | 'account' | 'template'
  /** Stable key to name this conflict in the list of entries to replace. */
  key: string
  label: string
  fields: { field: string; ours: string; theirs: string }[]
}

export interface ImportPreview {
  added: { devices: number; accounts: number; templates: number }
  unchanged: number
  conflicts: LibraryConflict[]
  /** Entries that cannot be imported, with the reason; the rest still can. */
  invalid: string[]
}

export interface ImportOutcome {
  added: { devices: number; accounts: number; templates: number }
  replaced: number
  kept: number
  skipped: string[]
}
