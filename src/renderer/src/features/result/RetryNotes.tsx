/** Why Pushdeck retried (or why it did not): shown so a retried 200 is never mistaken for a first-try 200. */
export function RetryNotes({ notes, attempts }: { notes: string[]; attempts: number }) {
  if (notes.length === 0) return null
  return (
    <div className="result-block retry-notes" data-testid="result-retry-notes">
      <h3 className="subsection-title">
        {attempts > 1 ? `Retried: ${attempts} attempts` : 'Not retried'}
      </h3>
      <ul>
        {notes.map((note, index) => (
          <li key={index}>{note}</li>
        ))}
      </ul>
    </div>
  )
}
