// 公文校对: every check over one report. Pure and fast (a 200-page report well under 100 ms):
// the report is turned into text lines once and each rule scans them.
import type { CheckFamily, CheckInput, CheckItem, CheckRule, Severity } from './types'
import { textUnits } from './units'
import { requiredEmpty } from './required-empty'
import { placeholders } from './placeholders'
import { emptyChips } from './empty-chips'
import { emptyCells } from './empty-cells'
import { signatureDate } from './signature-date'
import { tableRules } from './table-rules'
import { partWhole } from './part-whole'
import { percentage } from './percentage'
import { unitVsTable } from './unit-vs-table'
import { proseVsMetric } from './prose-vs-metric'
import { yearConsistency } from './year-consistency'
import { numbering } from './numbering'
import { headingEnd } from './heading-end'
import { halfWidth } from './halfwidth'
import { pairs } from './pairs'
import { doubled } from './doubled'
import { dateFormat } from './date-format'
import { organOrder } from './organ-order'
import { addressee } from './addressee'
import { controlChars } from './control-chars'
import { rangeMark } from './range-mark'

export type { CheckFamily, CheckFix, CheckInput, CheckItem, CheckLocation, CheckRule, Severity } from './types'

export const CHECK_RULES: readonly CheckRule[] = [
  requiredEmpty,
  placeholders,
  emptyChips,
  emptyCells,
  signatureDate,
  tableRules,
  partWhole,
  percentage,
  unitVsTable,
  proseVsMetric,
  yearConsistency,
  numbering,
  headingEnd,
  halfWidth,
  pairs,
  doubled,
  rangeMark,
  dateFormat,
  organOrder,
  addressee,
  controlChars
]

export const FAMILY_LABELS: Record<CheckFamily, string> = {
  completeness: '完整性',
  figures: '数字',
  format: '格式与文字'
}

const SEVERITY_ORDER: Record<Severity, number> = { 必须修改: 0, 建议检查: 1 }

/** All items, 必须修改 first, then in rule order (completeness, figures, format) and document order. */
export function runChecks(input: CheckInput, rules: readonly CheckRule[] = CHECK_RULES): CheckItem[] {
  const ctx = { ...input, units: textUnits(input.report) }
  const items = rules.flatMap((rule) => rule.run(ctx))
  const seen = new Set<string>()
  return items
    .filter((i) => (seen.has(i.id) ? false : (seen.add(i.id), true)))
    .map((item, order) => ({ item, order }))
    .sort((a, b) => SEVERITY_ORDER[a.item.severity] - SEVERITY_ORDER[b.item.severity] || a.order - b.order)
    .map((x) => x.item)
}

export function mustFix(items: readonly CheckItem[]): CheckItem[] {
  return items.filter((i) => i.severity === '必须修改')
}
