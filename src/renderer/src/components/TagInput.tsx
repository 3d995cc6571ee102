import { useId, type KeyboardEvent } from 'react'
import { TagChips } from './TagChips'

interface Props {
  label: string
  tags: readonly string[]
  draft: string
  /** Why the draft is not a tag, named by the shared tagProblem. */
  problem: string | null
  onDraftChange: (value: string) => void
  onCommit: () => void
  onRemove: (tag: string) => void
  testId?: string
}

/** Chips with a field after them: Enter or a comma adds the draft, Backspace on an empty field removes the last chip. */
export function TagInput({ label, tags, draft, problem, onDraftChange, onCommit, onRemove, testId }: Props) {
  const id = useId()
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter' || event.key === ',') {
      event.preventDefault()
      onCommit()
    } else if (event.key === 'Backspace' && draft === '' && tags.length > 0) {
      onRemove(tags[tags.length - 1]!)
    }
  }
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <div className="tag-input">
        <TagChips tags={tags} onRemove={onRemove} testId={testId ? `${testId}-chips` : undefined} />
        <input
          id={id}
          data-testid={testId}
          value={draft}
          onChange={(e) => onDraftChange(e.target.value)}
          onKeyDown={onKeyDown}
          onBlur={() => {
            if (draft.trim() !== '') onCommit()
          }}
          placeholder="Type a tag, then Enter"
          autoComplete="off"
          spellCheck={false}
          aria-invalid={problem ? true : undefined}
          aria-describedby={`${id}-problem`}
        />
      </div>
      <p id={`${id}-problem`} className="field-problem" role={problem ? 'alert' : undefined}>
        {problem}
      </p>
    </div>
  )
}
