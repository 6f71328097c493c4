// Assembles the one TipTap editor that holds the whole report, so undo/redo spans sections.
// It lives with the components: chips follow the metrics store through Vue's watchEffect; the
// plugins it assembles stay Vue-free. The editor is TipTap's core Editor, not its Vue one, whose
// reactive `state` costs two extra frames per keystroke (see EditorMount.vue).
import { Editor, Extension, type AnyExtension } from '@tiptap/core'
import { markRaw, watchEffect } from 'vue'
import { search } from 'prosemirror-search'
import { EditorState } from '@tiptap/pm/state'
import { history } from '@tiptap/pm/history'
import type { BlockJSON } from '@core/report'
import { normalizeChineseText } from '@core/text'
import { schemaExtensions } from '../../editor/schema'
import { docJSONFromBlocks } from '../../editor/doc'
import { numberingPlugin } from '../../editor/numbering-plugin'
import { guidancePlugin, type GuidanceSource } from '../../editor/guidance-plugin'
import { metricTablesPlugin, type MetricTableSource } from '../../editor/metric-tables-plugin'
import { uniqueIdsPlugin } from '../../editor/unique-ids'
import { chaptersPlugin } from '../../editor/chapters'
import { MetricNode, type ChipDisplay } from '../../editor/metric-node'
import { MetricSuggestion, type MetricOption, type SuggestionUIState } from '../../editor/metric-suggestion'
import { pasteAfterHeading, plainTextSlice, sanitizePastedHTML } from '../../editor/paste'
import { ReviewExtension } from '../../editor/review/extension'
import { editorLockPlugin } from '../../editor/lock'
import { caretToDocEnd, caretToDocStart } from '../../editor/doc-ends'
import { caretBlockPlugin } from '../../editor/caret-block'
import { caretScrollPlugin } from '../../editor/scroll-caret'

export interface ReportEditorOptions {
  blocks: readonly BlockJSON[]
  /** Where the editor's DOM goes (appended to it). Without one the editor is not mounted. */
  element?: HTMLElement | null
  chipDisplay: (metricId: string, show?: 'value' | 'yoy') => ChipDisplay
  guidance: GuidanceSource
  suggestionItems: (query: string) => MetricOption[]
  suggestionUI: SuggestionUIState
  onFind: () => void
  /** Suggestion mode refused an edit (e.g. a paragraph split); the message says why. */
  onReviewRefused?: (message: string) => void
  /** A section's metric tables shown read-only after its text (absent: none shown). */
  metricTables?: MetricTableSource
}

export function reportEditorExtensions(options: Omit<ReportEditorOptions, 'blocks' | 'element'>): AnyExtension[] {
  const ReportBehaviour = Extension.create({
    name: 'reportBehaviour',
    addProseMirrorPlugins() {
      return [numberingPlugin(), guidancePlugin(options.guidance), ...(options.metricTables ? [metricTablesPlugin(options.metricTables)] : []), chaptersPlugin(), uniqueIdsPlugin(), search(), editorLockPlugin(), caretBlockPlugin(), caretScrollPlugin()]
    },
    addKeyboardShortcuts() {
      return {
        'Mod-f': () => {
          options.onFind()
          return true
        },
        'Mod-h': () => {
          options.onFind()
          return true
        },
        'Mod-End': ({ editor }) => caretToDocEnd()(editor.state, editor.view.dispatch),
        'Shift-Mod-End': ({ editor }) => caretToDocEnd(true)(editor.state, editor.view.dispatch),
        'Mod-Home': ({ editor }) => caretToDocStart()(editor.state, editor.view.dispatch),
        'Shift-Mod-Home': ({ editor }) => caretToDocStart(true)(editor.state, editor.view.dispatch)
      }
    }
  })
  return [
    ...schemaExtensions(MetricNode.configure({ display: options.chipDisplay, track: (effect) => watchEffect(effect) })),
    MetricSuggestion.configure({ items: options.suggestionItems, ui: () => options.suggestionUI }),
    ReportBehaviour,
    ReviewExtension.configure({ onRefused: options.onReviewRefused })
  ]
}

/** The stored document does not fit the editor's schema: the report is not opened, nothing is written. */
export class ReportContentError extends Error {
  override name = 'ReportContentError'
  constructor(detail: string) {
    super(`这份报告保存的正文无法读取（${detail}），报告没有打开，数据未作任何改动。可在“版本与比较”中恢复较早的版本，或从备份恢复。`)
  }
}

/**
 * The editor for a stored report, drawn once. Handed the document as `content`, TipTap would
 * build a state without the plugins, draw all of it, then reconfigure with the plugins and draw
 * it again (numbers, guidance, tables). Instead the state is made here from the stored JSON
 * (`schema.nodeFromJSON`) with the plugins in it, and the reconfigure that follows keeps every
 * plugin's state (all are keyed), so the document and its chips are drawn once. The view is
 * built off the page (TipTap's own detached element): the reconfigure resets the scroll
 * position, which on the page would force a layout of the whole report mid-build. Its DOM then
 * moves into the page (EditorMount.vue, or `element`), laid out once with the rest of the page
 * (tests/unit/editor/report-editor.test.ts).
 * Content the schema refuses throws (the view says the report cannot be opened) rather than
 * opening as an empty document, as TipTap would.
 */
export function createReportEditor(options: ReportEditorOptions): Editor {
  const { element = null, blocks } = options
  const editor = new Editor({
    extensions: reportEditorExtensions(options),
    // TipTap's 'delete' events (a pass over every transaction's steps, in a timer) have no listener here.
    enableCoreExtensions: { delete: false },
    // Bold's Markdown shortcuts (**字** typed or pasted turns bold) are not what a clerk expects
    // of a report, and checking them read the paragraph before the caret on every key (≈ 30 µs).
    enableInputRules: false,
    enablePasteRules: false,
    onBeforeCreate: ({ editor }) => {
      let doc
      try {
        doc = editor.schema.nodeFromJSON(docJSONFromBlocks(blocks))
      } catch (error) {
        throw new ReportContentError(error instanceof Error ? error.message : String(error))
      }
      // Before the view exists, editor.view.updateState sets the state TipTap then mounts.
      editor.view.updateState(EditorState.create({ schema: editor.schema, doc, plugins: editor.extensionManager.plugins }))
    },
    editorProps: {
      attributes: {
        role: 'textbox',
        'aria-label': '报告正文',
        'aria-multiline': 'true',
        spellcheck: 'false',
        class: 'report-body'
      },
      transformPastedHTML: (html) => sanitizePastedHTML(html, normalizeChineseText),
      clipboardTextParser: (text, _context, _plain, view) => plainTextSlice(view.state.schema, text, normalizeChineseText),
      handlePaste: (view, _event, slice) => {
        const tr = pasteAfterHeading(view.state, slice)
        if (!tr) return false
        view.dispatch(tr.setMeta('paste', true).setMeta('uiEvent', 'paste'))
        return true
      }
    }
  })
  // Tests hand an element; the editor view puts the DOM in place with EditorMount.
  element?.appendChild(editor.view.dom)
  // Held in refs and passed as props: never made reactive.
  return markRaw(editor)
}

/**
 * Destroys the editor and lets its DOM go. prosemirror-history keeps the plugin list of the
 * last state it saw in a module variable; through TipTap's paste-rule plugin (which keeps the
 * last paste event, whose target is the editor's DOM) that would hold the whole closed editor
 * until the next one opens. One throw-away transaction with a fresh history plugin replaces it.
 */
export function destroyReportEditor(editor: Editor): void {
  const schema = editor.schema
  editor.destroy()
  // After the rest of the page's teardown, which may still apply a transaction to the old state.
  setTimeout(() => {
    const scratch = EditorState.create({ schema, plugins: [history()] })
    scratch.apply(scratch.tr.insertText(' ', 2))
  }, 0)
}
