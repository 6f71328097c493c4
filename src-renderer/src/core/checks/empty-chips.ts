// 指标未填: a chip in the text whose metric has no value prints as 【未填：…】.
import type { CheckItem, CheckRule } from './types'
import { unitItem } from './units'

export const emptyChips: CheckRule = {
  id: 'empty-chip',
  family: 'completeness',
  name: '引用的指标未填写',
  run({ units }) {
    const out: CheckItem[] = []
    for (const unit of units) {
      for (const c of unit.chips) {
        if (!c.missing) continue
        const shown = unit.text.slice(c.start, c.end)
        const label = /^【(?:未填|缺去年数据)：(.+)】$/.exec(shown)?.[1] ?? shown
        out.push(unitItem(this, '必须修改', unit, c.start, c.end, `正文引用的指标“${label}”还没有数值，导出后会显示为“${shown}”；请在右侧“指标”中填写`))
      }
    }
    return out
  }
}
