// 引号、括号不成对: “ without ”, （ without ）, 《 without 》 in one paragraph or heading;
// ASCII double quotes in Chinese text.
import type { CheckItem, CheckRule } from './types'
import { inChip, unitItem } from './units'

const OPEN: Record<string, string> = { '“': '”', '‘': '’', '（': '）', '《': '》', '【': '】', '〔': '〕', '〈': '〉', '「': '」' }
const CLOSE = new Map(Object.entries(OPEN).map(([o, c]) => [c, o]))
const BRACKETS = /[“”‘’（）《》【】〔〕〈〉「」]/g

export const pairs: CheckRule = {
  id: 'unpaired',
  family: 'format',
  name: '引号括号不成对',
  run({ units }) {
    const out: CheckItem[] = []
    for (const unit of units) {
      const { text } = unit
      const stack: Array<{ ch: string; at: number }> = []
      const bad: Array<{ at: number; ch: string }> = []
      // Only the bracket characters are visited: one regex pass over the line.
      for (const m of text.matchAll(BRACKETS)) {
        const ch = m[0]
        const i = m.index
        if (unit.chips.length && inChip(unit, i)) continue
        if (ch in OPEN) stack.push({ ch, at: i })
        else {
          const opener = CLOSE.get(ch)!
          let j = stack.length - 1
          while (j >= 0 && stack[j].ch !== opener) j--
          if (j < 0) bad.push({ at: i, ch })
          // Openers left inside the matched pair were never closed.
          else for (const s of stack.splice(j).slice(1)) bad.push({ at: s.at, ch: s.ch })
        }
      }
      bad.push(...stack.map((s) => ({ at: s.at, ch: s.ch })))
      for (const b of bad.sort((a, c) => a.at - c.at)) {
        const partner = OPEN[b.ch] ?? CLOSE.get(b.ch)!
        out.push(unitItem(this, '必须修改', unit, b.at, b.at + 1, `“${b.ch}”没有对应的“${partner}”，请补全或删去`))
      }
      if (text.includes('"') && /[\u4e00-\u9fff]/.test(text)) {
        for (const m of text.matchAll(/"/g)) {
          if (inChip(unit, m.index)) continue
          out.push(unitItem(this, '建议检查', unit, m.index, m.index + 1, '中文中应使用中文引号“”，不用英文引号"'))
        }
      }
    }
    return out
  }
}
