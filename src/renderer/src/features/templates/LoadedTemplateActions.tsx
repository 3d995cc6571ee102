import { ConfirmButton } from '../../components/ConfirmButton'
import { downloadText } from '../../lib/download'
import { useCompose } from '../../stores/compose'
import { useTemplates } from '../../stores/templates'

/** What can be done with the template compose holds: update it from compose, duplicate, export as .apns, delete. */
export function LoadedTemplateActions() {
  const loadedId = useCompose((s) => s.templateId)
  const loaded = useTemplates((s) => s.list.find((t) => t.id === loadedId) ?? null)
  const busy = useTemplates((s) => s.busy)
  const { updateLoaded, duplicate, remove, exportLoaded } = useTemplates.getState()
  if (!loaded) return null

  const onExport = async () => {
    const file = await exportLoaded()
    if (file) downloadText(file.fileName, file.text, 'application/json')
  }

  return (
    <div className="loaded-template" role="group" aria-label={`Loaded template ${loaded.name}`} data-testid="loaded-template">
      <p className="loaded-template-name">
        In compose: <strong>{loaded.name}</strong> <span className="dim">({loaded.group || 'Ungrouped'})</span>
      </p>
      <div className="button-row">
        <button type="button" className="button-small" data-testid="template-update" aria-disabled={busy ? true : undefined} onClick={() => void updateLoaded()}>
          Update from compose
        </button>
        <button type="button" className="button-small" data-testid="template-duplicate" onClick={() => void duplicate(loaded.id)}>
          Duplicate
        </button>
        <button type="button" className="button-small" data-testid="template-export" onClick={() => void onExport()}>
          Export .apns
        </button>
        <ConfirmButton
          label="Delete"
          accessibleName={`Delete template ${loaded.name}`}
          className="button-quiet button-small"
          question="Delete this template?"
          confirmLabel="Delete"
          onConfirm={() => void remove(loaded.id)}
        />
      </div>
    </div>
  )
}
