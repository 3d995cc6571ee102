import type { HistorySummary } from '../../shared/history-types'

/**
 * Loading parses every line into fresh strings, so 100,000 summaries of the same few runs,
 * devices and answers would each hold their own copy of the same run id, device name, token,
 * tags and reason. One shared copy of each keeps the loaded history about a third smaller,
 * which is less for every garbage collection to walk while the app runs.
 * (Appended summaries already share these strings with the saved devices and the run.)
 */
export class SummaryInterner {
  private readonly strings = new Map<string, string>()
  private readonly tagLists = new Map<string, string[]>()

  /** The summary with its repeated values replaced by shared copies (changed in place). */
  share(summary: HistorySummary): HistorySummary {
    summary.runId = this.string(summary.runId)
    summary.templateName = this.string(summary.templateName)
    summary.deviceName = this.string(summary.deviceName)
    summary.token = this.string(summary.token)!
    summary.reason = this.string(summary.reason)
    summary.environment = this.string(summary.environment) as HistorySummary['environment']
    summary.pushType = this.string(summary.pushType) as HistorySummary['pushType']
    summary.outcome = this.string(summary.outcome) as HistorySummary['outcome']
    summary.tags = this.tags(summary.tags)
    return summary
  }

  private string(value: string | null): string | null {
    if (value === null) return null
    const shared = this.strings.get(value)
    if (shared !== undefined) return shared
    this.strings.set(value, value)
    return value
  }

  private tags(tags: string[]): string[] {
    if (tags.length === 0) return EMPTY_TAGS
    // JSON, not a join: a hand-edited tag may hold any separator.
    const key = JSON.stringify(tags)
    const shared = this.tagLists.get(key)
    if (shared) return shared
    this.tagLists.set(key, tags)
    return tags
  }
}

const EMPTY_TAGS: string[] = []
