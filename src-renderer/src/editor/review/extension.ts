// The review behaviour of the report editor: suggestion mode (the marks themselves are part of
// the schema, see schema.ts).
import { Extension } from '@tiptap/core'
import type { EditorState } from '@tiptap/pm/state'
import { suggestJoin, suggestModePlugin, suggestSplit } from './suggest'

export interface ReviewExtensionOptions {
  onRefused?: (message: string) => void
}

/** True while a metric '#' listbox is open: Enter there chooses a metric, never splits. */
function metricListOpen(state: EditorState): boolean {
  return state.plugins.some((p) => {
    const key = (p as unknown as { key?: string }).key ?? ''
    return key.startsWith('metricSuggestion') && Boolean((p.getState(state) as { active?: boolean } | undefined)?.active)
  })
}

/** Enter/Backspace/Delete in suggestion mode; ahead of the defaults, which would split or join outright. */
const ReviewKeys = Extension.create({
  name: 'reviewKeys',
  priority: 1000,
  addKeyboardShortcuts() {
    const run = (cmd: typeof suggestSplit) => () => this.editor.isEditable && !metricListOpen(this.editor.state) && cmd(this.editor.state, this.editor.view.dispatch)
    return {
      Enter: run(suggestSplit),
      Backspace: run(suggestJoin('backward')),
      Delete: run(suggestJoin('forward'))
    }
  }
})

export const ReviewExtension = Extension.create<ReviewExtensionOptions>({
  name: 'review',
  addExtensions() {
    return [ReviewKeys]
  },
  addOptions() {
    return { onRefused: undefined }
  },
  addProseMirrorPlugins() {
    return [suggestModePlugin({ onRefused: this.options.onRefused })]
  }
})
