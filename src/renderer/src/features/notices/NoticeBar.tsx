import { useNotices } from '../../stores/notices'

/** What main reported at start-up (e.g. a damaged store file moved aside), until dismissed. */
export function NoticeBar() {
  const { notices, dismiss, dismissAll } = useNotices()
  if (notices.length === 0) return null
  return (
    <div className="banner banner-notice" data-testid="notices" role="status">
      <ul className="notice-list">
        {notices.map((notice, index) => (
          <li key={index} className="notice">
            <span>{notice}</span>
            <button type="button" className="button-quiet button-small" onClick={() => dismiss(index)} aria-label={`Dismiss notice: ${notice}`}>
              Dismiss
            </button>
          </li>
        ))}
      </ul>
      {notices.length > 1 ? (
        <button type="button" className="button-quiet button-small" onClick={dismissAll}>
          Dismiss all
        </button>
      ) : null}
    </div>
  )
}
