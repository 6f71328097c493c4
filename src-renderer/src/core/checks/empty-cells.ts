// 表格空格: typed cells of a statistics table left blank print as empty boxes. When part of the
// table is filled, the rest is almost always 0 (其余填0 offered as the fix).
import type { CheckItem, CheckRule } from './types'
import { item } from './units'

export const emptyCells: CheckRule = {
  id: 'empty-cell',
  family: 'completeness',
  name: '表格有空格',
  run({ report }) {
    const out: CheckItem[] = []
    for (const s of report.sections) {
      for (const t of s.tables ?? []) {
        const typed = t.rows.flatMap((r) => r.cells).filter((c) => !c.computed)
        const empty = typed.filter((c) => c.empty)
        if (empty.length === 0) continue
        const ids = empty.map((c) => c.metricId)
        const location = { kind: 'table' as const, tableId: t.id, metricIds: ids }
        const name = t.title || '统计表'
        if (empty.length === typed.length) {
          out.push(item(this, '必须修改', `表格：${name}`, location, `表格“${name}”还没有填写，请点“填写表格”逐项填写（没有发生的填0）`))
        } else {
          out.push(
            item(this, '必须修改', `表格：${name}`, location, `表格“${name}”还有${empty.length}个空格；没有发生的事项请填0，不要留空`, {
              kind: 'fillZero',
              metricIds: ids,
              label: '其余填0'
            })
          )
        }
      }
    }
    return out
  }
}
