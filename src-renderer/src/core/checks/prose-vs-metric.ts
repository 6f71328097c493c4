// 正文数字与指标不符: a figure typed as text right after a metric's name ("日常巡查130次") that
// differs from the value filled in for that metric (120次) — one of the two is out of date.
import { metricTableCellId } from '../metric-tables'
import { valuesById } from '../metrics'
import type { MetricDefinition, ReportTemplate } from '../template'
import type { CheckItem, CheckRule } from './types'
import { figuresIn } from './figures'
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
    const byId = valuesById(values)
    const { re, byStem } = stemsOf(template)
    if (!re) return out
    for (const unit of units) {
      if (unit.kind !== 'body' || !/\d/.test(unit.text)) continue
      // One pass per line over all metric names (an alternation), not one search per metric.
      for (const hit of unit.text.matchAll(re)) {
        const stem = hit[0]
        const from = hit.index + stem.length
        const f = figuresIn(unit, template).find((x) => x.start >= from && x.start - from <= 6)
        if (!f || inChip(unit, f.start, f.end) || /[，。；、,;]/.test(unit.text.slice(from, f.start))) continue
        for (const m of byStem.get(stem) ?? []) {
          const v = byId.get(m.id)?.value
          if (typeof v !== 'number' || f.unit !== m.unit || f.value === v) continue
          out.push(
            unitItem(this, '必须修改', unit, f.start, f.end,
              `正文写“${stem}${unit.text.slice(from, f.end)}”，而指标“${m.label}”填的是${v}${m.unit}；请核对后改为一致（可插入指标，让数字自动一致）`)
          )
          break
        }
      }
    }
    return out
  }
}

const stemCache = new WeakMap<ReportTemplate, { re: RegExp | null; byStem: Map<string, MetricDefinition[]> }>()

function stemsOf(template: ReportTemplate): { re: RegExp | null; byStem: Map<string, MetricDefinition[]> } {
  let cached = stemCache.get(template)
  if (cached) return cached
  const cells = new Set((template.tables ?? []).flatMap((t) => t.rows.flatMap((r) => t.columns.map((c) => metricTableCellId(t.id, r.key, c.key)))))
  const byStem = new Map<string, MetricDefinition[]>()
  for (const m of template.metrics) {
    if (m.type === 'text' || m.formula !== undefined || cells.has(m.id)) continue
    const stem = labelStem(m.label)
    if (stem.length < 3) continue
    byStem.set(stem, [...(byStem.get(stem) ?? []), m])
  }
  const stems = [...byStem.keys()].sort((a, b) => b.length - a.length).map((x) => x.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
  cached = { re: stems.length ? new RegExp(stems.join('|'), 'g') : null, byStem }
  stemCache.set(template, cached)
  return cached
}
