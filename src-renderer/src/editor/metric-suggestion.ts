// The typed trigger: "#" (or the full-width "＃" a Chinese IME produces) followed by filter
// text opens a listbox of metrics; Enter or a click inserts a chip in place of "#query".
import { Extension, type Editor, type Range } from '@tiptap/core'
import { PluginKey } from '@tiptap/pm/state'
import { Suggestion, exitSuggestion, findSuggestionMatch, type Trigger } from '@tiptap/suggestion'

export interface MetricOption {
  id: string
  label: string
  unit: string
}

export interface SuggestionUIState {
  open: boolean
  query: string
  items: MetricOption[]
  index: number
  /** Caret rectangle in viewport coordinates, for positioning the listbox. */
  rect: { left: number; top: number; bottom: number } | null
  choose: (item: MetricOption) => void
}

/** A fresh UI state; the view layer makes it reactive (components/editor/suggestion-ui.ts). */
export function blankSuggestionUI(): SuggestionUIState {
  return { open: false, query: '', items: [], index: 0, rect: null, choose: () => {} }
}

export interface MetricSuggestionOptions {
  items: (query: string) => MetricOption[]
  /** A getter, not the object: TipTap deep-copies plain option objects, losing reactivity. */
  ui: () => SuggestionUIState
}

export const TRIGGER_CHARS = ['#', '＃'] as const

export function insertMetricChip(editor: Editor, metricId: string, range?: Range, show: 'value' | 'yoy' = 'value'): boolean {
  const chain = editor.chain().focus()
  const content = [{ type: 'metric', attrs: { metricId, show } }]
  return (range ? chain.insertContentAt(range, content) : chain.insertContent(content)).run()
}

/**
 * TipTap's match, run only when the text before the caret holds the trigger: it builds two
 * regular expressions and scans the whole text run on every transaction, for each of the two
 * triggers (traced: about 0.08 ms of every keystroke). Without the character it cannot match.
 */
export function findTrigger(config: Trigger): ReturnType<typeof findSuggestionMatch> {
  const before = config.$position.nodeBefore
  if (!before?.isText || !before.text?.includes(config.char)) return null
  return findSuggestionMatch(config)
}

export const MetricSuggestion = Extension.create<MetricSuggestionOptions>({
  name: 'metricSuggestion',
  addOptions() {
    const fallback = blankSuggestionUI()
    return { items: () => [], ui: () => fallback }
  },
  addProseMirrorPlugins() {
    const { items } = this.options
    const ui = this.options.ui()
    return TRIGGER_CHARS.map((char, i) => {
      const pluginKey = new PluginKey(`metricSuggestion${i}`)
      return Suggestion<MetricOption, MetricOption>({
        editor: this.editor,
        char,
        pluginKey,
        findSuggestionMatch: findTrigger,
        // Chinese prose has no spaces: "#" may follow any character.
        allowedPrefixes: null,
        items: ({ query }) => items(query),
        command: ({ editor, range, props }) => {
          insertMetricChip(editor, props.id, range)
        },
        render: () => {
          const sync = (props: {
            editor: Editor
            range: Range
            items: MetricOption[]
            query: string
            clientRect?: (() => DOMRect | null) | null
            command: (p: MetricOption) => void
          }) => {
            // The decoration's rect can be missing on the first render; the caret position
            // of the trigger is always available.
            const r = props.clientRect?.() ?? null
            if (r && r.width + r.height > 0) ui.rect = { left: r.left, top: r.top, bottom: r.bottom }
            else {
              const c = props.editor.view.coordsAtPos(props.range.from)
              ui.rect = { left: c.left, top: c.top, bottom: c.bottom }
            }
            ui.items = props.items
            ui.query = props.query
            if (ui.index >= props.items.length) ui.index = 0
            ui.choose = (item) => props.command(item)
          }
          return {
            onStart: (props) => {
              ui.index = 0
              sync(props)
              ui.open = true
            },
            onUpdate: (props) => sync(props),
            onExit: () => {
              ui.open = false
              ui.items = []
              ui.rect = null
            },
            onKeyDown: ({ event, view }) => {
              if (!ui.open) return false
              if (event.isComposing) return false
              const n = ui.items.length
              if (event.key === 'ArrowDown' && n) {
                ui.index = (ui.index + 1) % n
                return true
              }
              if (event.key === 'ArrowUp' && n) {
                ui.index = (ui.index - 1 + n) % n
                return true
              }
              if ((event.key === 'Enter' || event.key === 'Tab') && n) {
                ui.choose(ui.items[ui.index])
                return true
              }
              if (event.key === 'Escape') {
                exitSuggestion(view, pluginKey)
                return true
              }
              return false
            }
          }
        }
      })
    })
  }
})
