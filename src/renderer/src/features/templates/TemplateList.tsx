import { useMemo } from 'react'
import { groupedTemplates } from '../../lib/template-groups'
import { useCompose } from '../../stores/compose'
import { useTemplates } from '../../stores/templates'

/** The templates matching the search, under their group headings; the loaded one is marked. */
export function TemplateList() {
  const list = useTemplates((s) => s.list)
  const search = useTemplates((s) => s.search)
  const load = useTemplates((s) => s.load)
  const loadedId = useCompose((s) => s.templateId)
  const groups = useMemo(() => groupedTemplates(list, search), [list, search])

  if (groups.length === 0) return <p className="empty">{list.length === 0 ? 'No templates yet.' : 'No template matches the search.'}</p>
  return (
    <div className="template-groups" data-testid="template-list">
      {groups.map(({ group, templates }) => (
        <section key={group} className="template-group" aria-label={group}>
          <h3 className="template-group-title">{group}</h3>
          <ul>
            {templates.map((t) => (
              <li key={t.id}>
                <button type="button" className="template-item" data-testid="template-item" aria-pressed={t.id === loadedId} onClick={() => load(t)} title="Load into compose">
                  <span className="template-name">{t.name}</span>
                  <span className="template-type">{t.pushType}</span>
                </button>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  )
}
