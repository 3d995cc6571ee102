import { json } from '@codemirror/lang-json'
import { lintGutter } from '@codemirror/lint'
import { basicSetup, EditorView } from 'codemirror'
import { useEffect, useRef } from 'react'
import { apsCompletion } from './aps-completion'
import { editorTheme } from './editor-theme'
import { payloadLinter } from './payload-lint'
import { typeOverSelection } from './type-over-selection'

interface Props {
  value: string
  onChange: (value: string) => void
  /** An aria-label, not aria-labelledby: ID references cannot reach into the shadow root. */
  label: string
  testId?: string
}

/**
 * CodeMirror 6 for the JSON payload. It only ever inserts what was typed or pasted: no smart
 * quotes, autocorrect or capitalisation, so the text sent is the text seen. Completion offers
 * the aps and alert keys (and their fixed values) with one line of meaning each.
 *
 * The editor lives in a shadow root because of the Content-Security-Policy: in a document,
 * CodeMirror (style-mod) writes its styles into a <style> element, which style-src 'self'
 * blocks; in a shadow root it uses a constructed stylesheet (adoptedStyleSheets), which CSP
 * allows. So the editor is fully styled without 'unsafe-inline' or a nonce.
 */
export function PayloadEditor({ value, onChange, label, testId }: Props) {
  const host = useRef<HTMLDivElement>(null)
  const view = useRef<EditorView | null>(null)
  // The editor is built once; it reads the latest callback through this ref.
  const onChangeRef = useRef(onChange)
  useEffect(() => {
    onChangeRef.current = onChange
  }, [onChange])

  useEffect(() => {
    const element = host.current
    if (!element) return
    // React's development double mount runs this twice on one element; a shadow root cannot be attached twice.
    const shadow = element.shadowRoot ?? element.attachShadow({ mode: 'open' })
    const parent = document.createElement('div')
    shadow.appendChild(parent)
    const editor = new EditorView({
      root: shadow,
      parent,
      doc: value,
      extensions: [
        basicSetup,
        json(),
        apsCompletion,
        lintGutter(),
        payloadLinter,
        editorTheme,
        typeOverSelection,
        EditorView.contentAttributes.of({
          spellcheck: 'false',
          autocorrect: 'off',
          autocapitalize: 'off',
          translate: 'no',
          'aria-label': label
        }),
        EditorView.updateListener.of((update) => {
          if (update.docChanged) onChangeRef.current(update.state.doc.toString())
        })
      ]
    })
    view.current = editor
    return () => {
      editor.destroy()
      parent.remove()
      view.current = null
    }
    // Built once per mount; later value changes arrive through the effect below.
  }, [])

  // Changes made outside the editor (replace smart quotes, a push-type sample swap) flow in here.
  useEffect(() => {
    const editor = view.current
    if (!editor) return
    const current = editor.state.doc.toString()
    if (current !== value) editor.dispatch({ changes: { from: 0, to: current.length, insert: value } })
  }, [value])

  return <div ref={host} className="payload-editor" data-testid={testId} />
}
