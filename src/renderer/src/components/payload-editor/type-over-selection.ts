import { EditorSelection } from '@codemirror/state'
import { EditorView } from '@codemirror/view'

/**
 * Typing over a selection is applied as one editor transaction instead of being left to the
 * browser. Chromium's native replace of a multi-line selection writes inline style attributes
 * into the DOM (blocked by the CSP, and logged as a violation) and can leave a stray empty
 * line behind; handled here, the text becomes exactly what was typed.
 *
 * The range is read from the DOM selection, which is what the browser was about to replace: a
 * selection made through the DOM (select-all by a script or assistive tech) may not have reached
 * the editor state yet. Inside a shadow root the event's getTargetRanges() is empty in Chromium.
 */
export const typeOverSelection = EditorView.domEventHandlers({
  beforeinput(event, view) {
    if (event.inputType !== 'insertText' || event.isComposing || event.data === null) return false
    const range = selectedRange(view)
    if (!range) return false // plain typing: CodeMirror's own path (and bracket closing) handles it
    event.preventDefault()
    view.dispatch({
      changes: { from: range.from, to: range.to, insert: event.data },
      selection: EditorSelection.cursor(range.from + event.data.length),
      userEvent: 'input.type',
      scrollIntoView: true
    })
    return true
  }
})

function selectedRange(view: EditorView): { from: number; to: number } | null {
  // Chromium gives a shadow root its own getSelection(); the DOM typings do not declare it.
  const root = view.root as { getSelection?: () => Selection | null }
  const selection = root.getSelection?.() ?? document.getSelection()
  if (selection && selection.rangeCount === 1 && !selection.isCollapsed) {
    const dom = selection.getRangeAt(0)
    if (view.contentDOM.contains(dom.startContainer) && view.contentDOM.contains(dom.endContainer)) {
      return { from: view.posAtDOM(dom.startContainer, dom.startOffset), to: view.posAtDOM(dom.endContainer, dom.endOffset) }
    }
  }
  const main = view.state.selection.main
  return view.state.selection.ranges.length === 1 && !main.empty ? { from: main.from, to: main.to } : null
}
