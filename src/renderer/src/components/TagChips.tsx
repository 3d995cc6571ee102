/** Tags as chips; with onRemove each chip has a remove button named after its tag. */
export function TagChips({ tags, onRemove, testId }: { tags: readonly string[]; onRemove?: (tag: string) => void; testId?: string }) {
  if (tags.length === 0) return null
  return (
    <ul className="tag-chips" data-testid={testId} aria-label="Tags">
      {tags.map((tag) => (
        <li key={tag} className="tag-chip" data-testid="tag-chip">
          {tag}
          {onRemove ? (
            <button type="button" className="tag-chip-remove" aria-label={`Remove tag ${tag}`} onClick={() => onRemove(tag)}>
              ×
            </button>
          ) : null}
        </li>
      ))}
    </ul>
  )
}
