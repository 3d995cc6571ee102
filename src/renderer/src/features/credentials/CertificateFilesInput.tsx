import { useId, useState, type DragEvent } from 'react'
import { useAddCertificate } from '../../stores/add-certificate'

/** Pick or drop a .p12, a .pem holding both parts, or a certificate plus its key (2 files at most). */
export function CertificateFilesInput() {
  const id = useId()
  const files = useAddCertificate((s) => s.files)
  const fileProblem = useAddCertificate((s) => s.fileProblem)
  const addFiles = useAddCertificate((s) => s.addFiles)
  const removeFile = useAddCertificate((s) => s.removeFile)
  // Only the drop highlight lives here; it is pure presentation.
  const [dragging, setDragging] = useState(false)

  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault()
    setDragging(false)
    addFiles([...event.dataTransfer.files])
  }

  return (
    <fieldset className="key-source">
      <legend>Certificate files</legend>
      <div
        className={`drop-zone${dragging ? ' drop-zone-active' : ''}`}
        data-testid="cert-drop"
        onDragOver={(e) => {
          e.preventDefault()
          e.dataTransfer.dropEffect = 'copy'
          setDragging(true)
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        {files.length > 0 ? (
          <ul className="drop-files" aria-label="Chosen files" data-testid="cert-files">
            {files.map((file, index) => (
              <li key={`${file.name}-${index}`} className="drop-file">
                <span className="mono">{file.name}</span>
                <button type="button" className="button-quiet button-small" onClick={() => removeFile(index)} aria-label={`Remove ${file.name}`}>
                  Remove
                </button>
              </li>
            ))}
          </ul>
        ) : (
          <p className="drop-hint">Drop a .p12 here, or a certificate and its key</p>
        )}
        <label className="file-button" htmlFor={`${id}-file`}>
          Choose files…
          <input
            id={`${id}-file`}
            className="visually-hidden"
            type="file"
            multiple
            accept=".p12,.pfx,.pem,.cer,.crt,.der,.key"
            data-testid="cert-file"
            aria-describedby={`${id}-help`}
            onChange={(e) => {
              addFiles([...(e.target.files ?? [])])
              // Allow picking the same file again after removing it.
              e.target.value = ''
            }}
          />
        </label>
      </div>
      <p id={`${id}-help`} className="field-note">
        A .p12 exported from Keychain Access; or a .pem with the certificate and key; or a .cer/.pem certificate plus its key .pem.
      </p>
      {fileProblem ? (
        <p className="field-problem" role="alert">
          {fileProblem}
        </p>
      ) : null}
    </fieldset>
  )
}
