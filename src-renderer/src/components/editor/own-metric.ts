// Making a figure in the text a metric of this report: the definition and its value are
// stored first, then the figure becomes a chip in one undoable transaction. If storing fails
// (or the report is locked) the text is untouched.
import type { Editor } from '@tiptap/core'
import { checkFigureConversion, type ProseFigure } from '@core/prose-figures'
import { OWN_METRIC_PREFIX } from '@core/report-metrics'
import type { MetricDefinition } from '@core/template'
import { figureToChipTransaction } from '../../editor/figure-chips'
import type { useMetricsStore } from '../../stores/metrics'

export function newOwnMetricId(): string {
  return OWN_METRIC_PREFIX + crypto.randomUUID().replace(/-/g, '').slice(0, 12)
}

type Metrics = ReturnType<typeof useMetricsStore>
export type Outcome = { ok: true } | { ok: false; message: string }

/** Stores `def` with the figure's value, then turns the figure (at from–to) into its chip. */
export async function createMetricFromFigure(
  editor: Editor,
  metrics: Metrics,
  def: MetricDefinition,
  figure: Pick<ProseFigure, 'text' | 'value' | 'qualifier' | 'unit'>,
  from: number,
  to: number
): Promise<Outcome> {
  const check = checkFigureConversion(def, undefined, figure)
  if (!check.ok) return check
  const saved = await metrics.addOwnMetric(def, check.fill ?? undefined)
  if (!saved.ok) return saved
  const { state } = editor
  if (to > state.doc.content.size || state.doc.textBetween(from, to) !== figure.text) {
    return { ok: false, message: `指标“${def.label}”已建好，但正文已经改动，没有替换“${figure.text}”；可用“插入指标”引用它。` }
  }
  editor.view.dispatch(figureToChipTransaction(state, from, to, def.id))
  return { ok: true }
}
