// 标点重复: "，，" "。。" "，。" — two sentence marks in a row (…… and —— are single marks).
import type { CheckItem, CheckRule } from './types'
import { inChip, unitItem } from './units'

const FULL: Record<string, string> = { ',': '，', ';': '；' }
const DOUBLE = /([，。、；：？！,;])(?:[，。、；：,;]|\1)+/g

export const doubled: CheckRule = {
  id: 'doubled-mark',
  family: 'format',
  name: '标点重复',
  run({ units }) {
    const out: CheckItem[] = []
    for (const unit of units) {
      for (const m of unit.text.matchAll(DOUBLE)) {
        if (inChip(unit, m.index, m.index + m[0].length)) continue
        // Keep the stronger mark: "，。" → "。"; "，，" → "，".
        const to = /[。？！]/.test(m[0]) ? (m[0].match(/[。？！]/)?.[0] ?? m[1]) : (FULL[m[1]] ?? m[1])
        out.push(unitItem(this, '必须修改', unit, m.index, m.index + m[0].length, `标点“${m[0]}”重复，请只保留一个`, { to, label: `改为“${to}”` }))
      }
    }
    return out
  }
}
