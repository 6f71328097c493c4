// The report editor as the app assembles it (every plugin), mounted in the test DOM with inert
// chips, guidance and picker: for unit tests that drive the real editor (happy-dom). One editor
// at a time; unmountReportEditor() in afterEach.
import type { Editor } from '@tiptap/core'
import type { BlockJSON } from '@core/report'
import { createReportEditor, destroyReportEditor, type ReportEditorOptions } from '../../../src-renderer/src/components/editor/report-editor'
import { createSuggestionUI } from '../../../src-renderer/src/components/editor/suggestion-ui'

let mounted: Editor | null = null

export function mountReportEditor(blocks: readonly BlockJSON[], options: Partial<Omit<ReportEditorOptions, 'blocks' | 'element'>> = {}): Editor {
  const host = document.createElement('div')
  document.body.appendChild(host)
  mounted = createReportEditor({
    blocks,
    element: host,
    chipDisplay: () => ({ text: '', empty: true, label: '' }),
    guidance: { forSection: () => undefined, preamble: undefined },
    suggestionItems: () => [],
    suggestionUI: createSuggestionUI(),
    onFind: () => {},
    ...options
  })
  return mounted
}

export function unmountReportEditor(): void {
  if (mounted) destroyReportEditor(mounted)
  mounted = null
  document.body.innerHTML = ''
}
