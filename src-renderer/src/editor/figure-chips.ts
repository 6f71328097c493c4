// Figures typed as text ↔ metric chips, as single undoable transactions: a figure becomes a
// chip (数字检查, 设为指标), and the chips of a deleted metric become text again, so no words
// are ever lost. Pure ProseMirror; the callers decide when (and check the edit policy).
import type { EditorState, Transaction } from '@tiptap/pm/state'
import type { Node as PMNode } from '@tiptap/pm/model'
import { clauseAround, findProseFigures, type ProseFigure } from '@core/prose-figures'
import type { MetricValue, ReportTemplate } from '@core/template'

/** One transaction (one undo step) replacing document range from–to by a chip of `metricId`. */
export function figureToChipTransaction(state: EditorState, from: number, to: number, metricId: string): Transaction {
  const chip = state.schema.nodes.metric.create({ metricId, show: 'value' })
  return state.tr.replaceWith(from, to, chip).setMeta('addToHistory', true).scrollIntoView()
}

/**
 * Every chip of `metricId` replaced by plain text, in one transaction (one undo step). `text`
 * gives what a chip shows ('' drops it); the text keeps the chip's review marks.
 * Null when the metric is not cited.
 */
export function chipsToTextTransaction(state: EditorState, metricId: string, text: (show: 'value' | 'yoy') => string): Transaction | null {
  const found: Array<{ pos: number; node: PMNode }> = []
  state.doc.descendants((node, pos) => {
    if (node.type.name === 'metric' && node.attrs.metricId === metricId) found.push({ pos, node })
    return !node.isInline
  })
  if (found.length === 0) return null
  const tr = state.tr
  // From the end, so earlier positions stay valid.
  for (const { pos, node } of found.reverse()) {
    const content = text(node.attrs.show === 'yoy' ? 'yoy' : 'value')
    if (content === '') tr.delete(pos, pos + node.nodeSize)
    else tr.replaceWith(pos, pos + node.nodeSize, state.schema.text(content, node.marks))
  }
  return tr.setMeta('addToHistory', true)
}

export interface SelectedFigure {
  figure: ProseFigure
  /** Document positions of the figure's text. */
  from: number
  to: number
  /** The words of its clause, for proposing a label. */
  before: string
  after: string
}

/**
 * The figure the selection touches (or the caret sits in), when the selection lies in one
 * text node: '8次' in '全年领导班子会议学法8次。'. A Chinese message otherwise.
 */
export function figureAtSelection(
  state: EditorState,
  template: ReportTemplate | undefined,
  values: readonly MetricValue[] = []
): SelectedFigure | { message: string } {
  const { $from, $to } = state.selection
  if (!$from.sameParent($to) || !$from.parent.isTextblock) return { message: '请在一句话中选中一个数字（例如“8次”），不要跨段落选择。' }
  const parent = $from.parent
  const start = $from.start()
  // The text node around the selection (chips split the paragraph into several text nodes).
  let nodeFrom = -1
  let nodeText = ''
  parent.forEach((child, offset) => {
    const a = start + offset
    const b = a + child.nodeSize
    if (child.isText && a <= $from.pos && $to.pos <= b) {
      nodeFrom = a
      nodeText = child.text ?? ''
    }
  })
  if (nodeFrom < 0) return { message: '所选内容中没有可以设为指标的数字。' }
  const selFrom = $from.pos - nodeFrom
  const selTo = $to.pos - nodeFrom
  const hit = findProseFigures(nodeText, template, values).find((f) => f.start <= selTo && selFrom <= f.end && (selFrom < f.end || selFrom === selTo))
  if (!hit) return { message: '所选文字中没有带单位的数字（例如“8次”“120余人次”“96.5%”），无法设为指标。' }
  const around = clauseAround(nodeText, hit.start, hit.end)
  return { figure: hit, from: nodeFrom + hit.start, to: nodeFrom + hit.end, before: around.before, after: around.after }
}
