// 表格平衡: a table's sums and the template's balance rules (e.g. 收到 + 上年结转 = 办结 + 结转下年).
import { checkMetricRules } from '../metric-tables'
import type { CheckItem, CheckRule } from './types'
import { item } from './units'

export const tableRules: CheckRule = {
  id: 'table-rule',
  family: 'figures',
  name: '表格数字不平衡',
  run({ template, values, report }) {
    const out: CheckItem[] = []
    const tables = report.sections.flatMap((s) => s.tables ?? [])
    for (const v of checkMetricRules(template, values)) {
      const table = tables.find((t) => t.rows.some((r) => r.cells.some((c) => v.metricIds.includes(c.metricId))))
      const place = table ? `表格：${table.title}` : '指标'
      const location = table ? { kind: 'table' as const, tableId: table.id, metricIds: v.metricIds } : { kind: 'metric' as const, metricId: v.metricIds[0] ?? '' }
      out.push(item(this, '必须修改', place, location, `${v.message}；请核对表中数字`))
    }
    return out
  }
}
