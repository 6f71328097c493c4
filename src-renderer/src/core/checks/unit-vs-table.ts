// 单位与表格不符: a money or area figure in prose whose unit contradicts the unit of the table in
// the same section or of the metric named just before it ("0元" next to a table in 万元).
import type { CheckItem, CheckRule } from './types'
import { figuresIn, UNIT_FAMILIES } from './figures'
import { inChip, unitItem } from './units'

function familyOf(unit: string): string[] | undefined {
  return UNIT_FAMILIES.find((f) => f.includes(unit))
}

export const unitVsTable: CheckRule = {
  id: 'unit-table',
  family: 'figures',
  name: '单位与表格不符',
  run({ units, report, template }) {
    const out: CheckItem[] = []
    const tableUnits = new Map<string, string[]>()
    for (const s of report.sections) {
      const found = (s.tables ?? []).flatMap((t) => UNIT_FAMILIES.flat().filter((u) => new RegExp(`单位[：:]\\s*${u}(?![\\u4e00-\\u9fff])`).test(t.unitNote)))
      if (found.length) tableUnits.set(s.id, found)
    }
    const moneyMetrics = template.metrics.filter((m) => familyOf(m.unit) && m.label.length >= 2)
    for (const unit of units) {
      if (unit.kind !== 'body' || !/\d[^元亩米]{0,3}[元亩米]/.test(unit.text)) continue
      const own = unit.sectionId ? tableUnits.get(unit.sectionId) ?? [] : []
      for (const f of figuresIn(unit, template)) {
        const family = familyOf(f.unit)
        if (!family || inChip(unit, f.start, f.end)) continue
        const tableUnit = own.find((u) => family.includes(u) && u !== f.unit)
        if (tableUnit) {
          out.push(unitItem(this, '建议检查', unit, f.start, f.end, `本节表格的单位是“${tableUnit}”，正文写作“${unit.text.slice(f.start, f.end)}”；请统一单位`))
          continue
        }
        const before = unit.text.slice(Math.max(0, f.start - 12), f.start)
        const metric = moneyMetrics.find((m) => before.includes(m.label.replace(/(金额|数额|总额)$/, '')) && m.unit !== f.unit && familyOf(m.unit) === family)
        if (metric) {
          out.push(unitItem(this, '建议检查', unit, f.start, f.end, `指标“${metric.label}”的单位是“${metric.unit}”，正文写作“${unit.text.slice(f.start, f.end)}”；请统一单位`))
        }
      }
    }
    return out
  }
}
