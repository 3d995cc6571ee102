import { useId, useState, type DragEvent } from 'react'
import { useAddKey } from '../../stores/add-key'

/** Three ways to hand over the .p8: pick the file, drop it on the box, or paste its text. */
export function KeySourceInput() {
  const id = useId()
  const file = useAddKey((s) => s.file)
  const chooseFile = useAddKey((s) => s.chooseFile)
  const textEdited = useAddKey((s) => s.textEdited)
  // Only the drop highlight lives here; it is pure presentation.
  const [dragging, setDragging] = useState(false)

  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault()
    setDragging(false)
    const dropped = event.dataTransfer.files[0]
    if (dropped) chooseFile(dropped)
  }

  return (
    <fieldset className="key-source">
      <legend>Key</legend>
      <div
        className={`drop-zone${dragging ? ' drop-zone-active' : ''}`}
        data-testid="key-drop"
        onDragOver={(e) => {
          e.preventDefault()
          e.dataTransfer.dropEffect = 'copy'
          setDragging(true)
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        {file ? (
          <p className="drop-file">
            <span className="mono">{file.name}</span>
            <button type="button" className="button-quiet button-small" onClick={() => chooseFile(null)}>
              Clear
            </button>
          </p>
        ) : (
          <p className="drop-hint">Drop AuthKey_XXXXXXXXXX.p8 here</p>
        )}
        <label className="file-button" htmlFor={`${id}-file`}>
          Choose .p8 file…
          <input
            id={`${id}-file`}
            className="visually-hidden"
            type="file"
            accept=".p8"
            data-testid="key-file"
            onChange={(e) => {
              chooseFile(e.target.files?.[0] ?? null)
              // Allow picking the same file again after clearing it.
              e.target.value = ''
            }}
          />
        </label>
      </div>
      <div className="field">
        <label htmlFor={`${id}-text`}>…or paste the key text</label>
        <textarea
          id={`${id}-text`}
          name="keyText"
          data-testid="key-text"
          className="mono key-text"
          rows={4}
          spellCheck={false}
          autoComplete="off"
          placeholder={'-----BEGIN PRIVATE KEY-----\n…\n-----END PRIVATE KEY-----'}
          onInput={textEdited}
          aria-describedby={file ? `${id}-text-note` : undefined}
        />
        {file ? (
          <p id={`${id}-text-note`} className="field-note">
            Pushdeck uses the file {file.name}; typing here uses the text instead.
          </p>
        ) : null}
      </div>
    </fieldset>
  )
}
