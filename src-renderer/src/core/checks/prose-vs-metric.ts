// 正文数字与指标不符: a figure typed as text right after a metric's name ("日常巡查130次") that
// differs from the value filled in for that metric (120次) — one of the two is out of date.
import { metricTableCellId } from '../metric-tables'
import { valuesById } from '../metrics'
import type { CheckItem, CheckRule } from './types'
import { findFigures } from './figures'
import { inChip, unitItem } from './units'

/** '日常巡查次数' → '日常巡查': the words a sentence uses before the figure. */
export function labelStem(label: string): string {
  return label.replace(/[（(][^）)]*[）)]$/, '').replace(/(的)?(次数|起数|人数|人次|户次|份数|场次|条数|个数|件数|事项数|案件数|数量|总数|数)$/, '')
}

export const proseVsMetric: CheckRule = {
  id: 'prose-metric',
  family: 'figures',
  name: '正文数字与指标不符',
  run({ units, template, values }) {
    const out: CheckItem[] = []
    const cells = new Set((template.tables ?? []).flatMap((t) => t.rows.flatMap((r) => t.columns.map((c) => metricTableCellId(t.id, r.key, c.key)))))
    const byId = valuesById(values)
    const metrics = template.metrics
      .filter((m) => m.type !== 'text' && m.formula === undefined && !cells.has(m.id))
      .map((m) => ({ m, stem: labelStem(m.label), v: byId.get(m.id)?.value }))
      .filter((x) => x.stem.length >= 3 && typeof x.v === 'number')
    if (metrics.length === 0) return out
    for (const unit of units) {
      if (unit.kind !== 'body' || !/\d/.test(unit.text)) continue
      let figures: ReturnType<typeof findFigures> | null = null
      for (const { m, stem, v } of metrics) {
        let at = unit.text.indexOf(stem)
        while (at >= 0) {
          figures ??= findFigures(unit.text, template)
          const from = at + stem.length
          const f = figures.find((x) => x.start >= from && x.start - from <= 6)
          if (f && f.unit === m.unit && !inChip(unit, f.start, f.end) && !/[，。；、,;]/.test(unit.text.slice(from, f.start)) && f.value !== v) {
            out.push(
              unitItem(this, '必须修改', unit, f.start, f.end,
                `正文写“${stem}${unit.text.slice(from, f.end)}”，而指标“${m.label}”填的是${v}${m.unit}；请核对后改为一致（可插入指标，让数字自动一致）`)
            )
          }
          at = unit.text.indexOf(stem, at + stem.length)
        }
      }
    }
    return out
  }
}
