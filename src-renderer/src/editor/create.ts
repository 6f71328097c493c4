// Assembles the one TipTap editor that holds the whole report, so undo/redo spans sections.
import { Extension, type AnyExtension } from '@tiptap/core'
import { Editor } from '@tiptap/vue-3'
import { search } from 'prosemirror-search'
import type { BlockJSON } from '@core/report'
import { normalizeChineseText } from '@core/text'
import { schemaExtensions } from './schema'
import { docJSONFromBlocks } from './doc'
import { numberingPlugin } from './numbering-plugin'
import { guidancePlugin, type GuidanceSource } from './guidance-plugin'
import { metricTablesPlugin, type MetricTableSource } from './metric-tables-plugin'
import { uniqueIdsPlugin } from './unique-ids'
import { MetricNode, type ChipDisplay } from './metric-node'
import { MetricSuggestion, type MetricOption, type SuggestionUIState } from './metric-suggestion'
import { plainTextSlice, sanitizePastedHTML } from './paste'
import { ReviewExtension } from './review/extension'
import { editorLockPlugin } from './lock'

export interface ReportEditorOptions {
  blocks: readonly BlockJSON[]
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

export function reportEditorExtensions(options: Omit<ReportEditorOptions, 'blocks'>): AnyExtension[] {
  const ReportBehaviour = Extension.create({
    name: 'reportBehaviour',
    addProseMirrorPlugins() {
      return [numberingPlugin(), guidancePlugin(options.guidance), ...(options.metricTables ? [metricTablesPlugin(options.metricTables)] : []), uniqueIdsPlugin(), search(), editorLockPlugin()]
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
        }
      }
    }
  })
  return [
    ...schemaExtensions(MetricNode.configure({ display: options.chipDisplay })),
    MetricSuggestion.configure({ items: options.suggestionItems, ui: () => options.suggestionUI }),
    ReportBehaviour,
    ReviewExtension.configure({ onRefused: options.onReviewRefused })
  ]
}

export function createReportEditor(options: ReportEditorOptions): Editor {
  return new Editor({
    extensions: reportEditorExtensions(options),
    content: docJSONFromBlocks(options.blocks),
    editorProps: {
      attributes: {
        role: 'textbox',
        'aria-label': '报告正文',
        'aria-multiline': 'true',
        spellcheck: 'false',
        class: 'report-body'
      },
      transformPastedHTML: (html) => sanitizePastedHTML(html, normalizeChineseText),
      clipboardTextParser: (text, _context, _plain, view) => plainTextSlice(view.state.schema, text, normalizeChineseText)
    }
  })
}
