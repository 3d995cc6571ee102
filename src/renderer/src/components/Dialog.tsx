import { useEffect, useId, useLayoutEffect, useRef, type ReactNode } from 'react'

interface Props {
  title: string
  /** Escape, the Close button, or the owner closing it. */
  onClose: () => void
  children: ReactNode
  testId?: string
  wide?: boolean
}

/**
 * A modal <dialog>: the browser traps focus in it, Escape closes it, and focus returns to where
 * it was. It opens with focus in its first field. Mount it to open it; unmount it to close it.
 */
export function Dialog({ title, onClose, children, testId, wide }: Props) {
  const id = useId()
  const ref = useRef<HTMLDialogElement>(null)
  const onCloseRef = useRef(onClose)
  useEffect(() => {
    onCloseRef.current = onClose
  }, [onClose])

  // A layout effect: its cleanup runs while the dialog is still in the document, so closing it
  // there hands focus back to the control that opened it.
  useLayoutEffect(() => {
    const dialog = ref.current
    if (!dialog) return
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null
    if (!dialog.open) dialog.showModal()
    // Start in the first field, not on Close: the dialog is opened to fill it in.
    dialog.querySelector<HTMLElement>('.dialog-body :is(input, textarea, select, button):not([disabled])')?.focus()
    return () => {
      if (dialog.open) dialog.close()
      if (opener?.isConnected) opener.focus()
    }
  }, [])

  return (
    <dialog
      ref={ref}
      className={wide ? 'dialog dialog-wide' : 'dialog'}
      aria-labelledby={`${id}-title`}
      data-testid={testId}
      onCancel={(event) => {
        event.preventDefault()
        onCloseRef.current()
      }}
    >
      <header className="dialog-header">
        <h2 id={`${id}-title`} className="dialog-title">
          {title}
        </h2>
        <button type="button" className="button-quiet button-small" aria-label={`Close ${title}`} onClick={() => onCloseRef.current()}>
          Close
        </button>
      </header>
      <div className="dialog-body">{children}</div>
    </dialog>
  )
}
