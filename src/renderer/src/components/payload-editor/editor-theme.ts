import { syntaxHighlighting } from '@codemirror/language'
import { EditorView } from '@codemirror/view'
import { classHighlighter } from '@lezer/highlight'

/**
 * Colours come from the app's CSS variables (custom properties inherit into the editor's shadow
 * root), so the editor follows light and dark mode with the rest of the window. Tokens get
 * stable tok-* classes coloured here, because CodeMirror's default highlight colours are
 * unreadable on a dark background.
 */
const chrome = EditorView.theme({
  '&': {
    backgroundColor: 'var(--field-bg)',
    color: 'var(--text)',
    fontSize: '12px',
    border: '1px solid var(--border-strong)',
    borderRadius: 'var(--radius)',
    minHeight: '180px',
    maxHeight: '52vh'
  },
  // The scroller fills the box and the content is at least as tall, so a click anywhere in the
  // box, also below the last line, lands in the editor and puts the cursor there.
  '.cm-scroller': { fontFamily: 'var(--font-mono)', lineHeight: '1.55', overflow: 'auto', flex: '1 1 auto', minHeight: '178px' },
  '.cm-content, .cm-gutter': { minHeight: '178px' },
  '&.cm-focused': { outline: '2px solid var(--focus-ring)', outlineOffset: '1px' },
  '.cm-content': { caretColor: 'var(--text)' },
  '.cm-cursor, .cm-dropCursor': { borderLeftColor: 'var(--text)' },
  '.cm-gutters': { backgroundColor: 'var(--field-bg-alt)', color: 'var(--text-faint)', borderRight: '1px solid var(--border)', borderRadius: 'var(--radius) 0 0 var(--radius)' },
  '.cm-activeLine': { backgroundColor: 'var(--active-line)' },
  '.cm-activeLineGutter': { backgroundColor: 'var(--active-line)', color: 'var(--text-dim)' },
  '&.cm-focused > .cm-scroller > .cm-selectionLayer .cm-selectionBackground, .cm-selectionBackground, .cm-content ::selection': { backgroundColor: 'var(--selection)' },
  '.cm-matchingBracket, &.cm-focused .cm-matchingBracket': { backgroundColor: 'var(--bracket-match)', outline: 'none' },
  '.cm-tooltip': { backgroundColor: 'var(--panel)', color: 'var(--text)', border: '1px solid var(--border-strong)', borderRadius: 'var(--radius)' },
  '.cm-tooltip.cm-tooltip-autocomplete > ul': { fontFamily: 'var(--font-ui)', fontSize: '12px', maxWidth: '520px' },
  '.cm-tooltip.cm-tooltip-autocomplete > ul > li': { padding: '2px 8px' },
  '.cm-tooltip.cm-tooltip-autocomplete > ul > li[aria-selected]': { backgroundColor: 'var(--accent-fill)', color: 'var(--accent-text)' },
  '.cm-completionLabel': { fontFamily: 'var(--font-mono)' },
  '.cm-completionDetail': { fontStyle: 'normal', marginLeft: '10px', color: 'inherit', opacity: '0.8', whiteSpace: 'normal' },
  '.cm-diagnostic': { fontFamily: 'var(--font-ui)', fontSize: '12px' },
  '.cm-panels': { backgroundColor: 'var(--field-bg-alt)', color: 'var(--text)' },
  '.cm-foldPlaceholder': { backgroundColor: 'var(--field-bg-alt)', border: '1px solid var(--border)', color: 'var(--text-dim)' },
  '.tok-propertyName': { color: 'var(--syntax-property)' },
  '.tok-string': { color: 'var(--syntax-string)' },
  '.tok-number': { color: 'var(--syntax-number)' },
  '.tok-bool, .tok-literal, .tok-atom': { color: 'var(--syntax-literal)' },
  '.tok-punctuation': { color: 'var(--syntax-punctuation)' }
})

export const editorTheme = [chrome, syntaxHighlighting(classHighlighter)]
