// 年份与报告年度不符: a title or heading for another year (copied from last year's report), and
// "本年/今年" written with a year that is not the report year ("今年（2023年）" in a 2024 report).
import type { CheckItem, CheckRule } from './types'
import { unitItem } from './units'

const YEAR = /(?<!\d)((?:19|20)\d{2})年(度)?(?![\d月])/g
const THIS_YEAR = /本年度|本年|今年/g
// A year after these words is a comparison or a starting point, not "this year".
const COMPARISON = /(较|比|与|同|自|从|截至|至|上|去|对比|相比|以来|—|-|～)\s*$/

export const yearConsistency: CheckRule = {
  id: 'year',
  family: 'figures',
  name: '年份与报告年度不符',
  run({ units, year }) {
    const out: CheckItem[] = []
    for (const unit of units) {
      if (unit.kind === 'title') {
        const m = YEAR.exec(unit.text)
        YEAR.lastIndex = 0
        if (m && Number(m[1]) !== year && !(Number(m[1]) === year + 1 && /计划|安排|要点/.test(unit.text))) {
          out.push(unitItem(this, '必须修改', unit, m.index, m.index + m[0].length, `标题写的是${m[1]}年，而报告年度是${year}年；请改正标题或在“报告信息”中核对年度`))
        }
      } else if (unit.kind === 'heading' && unit.level === 1) {
        for (const m of unit.text.matchAll(YEAR)) {
          const y = Number(m[1])
          if (m[2] && y !== year && y !== year + 1) {
            out.push(unitItem(this, '必须修改', unit, m.index, m.index + m[0].length, `一级标题写的是“${m[0]}”，而报告年度是${year}年；请改正年份`))
          }
        }
      } else if (unit.kind === 'body' && /本年|今年/.test(unit.text)) {
        for (const t of unit.text.matchAll(THIS_YEAR)) {
          const near = unit.text.slice(t.index + t[0].length, t.index + t[0].length + 6)
          const m = /^[（(]?((?:19|20)\d{2})年/.exec(near)
          if (m && Number(m[1]) !== year) {
            const start = t.index + t[0].length + near.indexOf(m[1])
            out.push(unitItem(this, '必须修改', unit, start, start + m[1].length + 1, `“${t[0]}”写作${m[1]}年，而报告年度是${year}年；请改正年份`))
          }
          const back = unit.text.slice(Math.max(0, t.index - 8), t.index)
          const b = /((?:19|20)\d{2})年(?:度)?[，,]?$/.exec(back)
          if (b && Number(b[1]) !== year && !COMPARISON.test(back.slice(0, back.length - b[0].length))) {
            const start = t.index - b[0].length
            out.push(unitItem(this, '必须修改', unit, start, start + b[1].length + 1, `“${b[1]}年${t[0]}”与报告年度${year}年不符；请改正年份`))
          }
        }
      }
    }
    return out
  }
}
