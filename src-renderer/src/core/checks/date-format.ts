// 日期写法: "20241月1日" (年 left out), impossible dates ("2月30日", "13月"), zero-padded
// "01月05日" and dotted "2025.1.5" in Chinese text (GB/T 15835: 2025年1月5日).
import type { CheckItem, CheckRule } from './types'
import { inChip, unitItem } from './units'

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate()
}

export const dateFormat: CheckRule = {
  id: 'date-format',
  family: 'format',
  name: '日期写法有误',
  run({ units, year }) {
    const out: CheckItem[] = []
    for (const unit of units) {
      const { text } = unit
      if (!/\d[年月日.．/-]/.test(text)) continue
      for (const m of text.matchAll(/(?<![\d.])((?:19|20)\d{2})(\d{1,2})月/g)) {
        if (inChip(unit, m.index)) continue
        const to = `${m[1]}年${m[2]}月`
        out.push(unitItem(this, '必须修改', unit, m.index, m.index + m[0].length, `“${m[0]}”漏了“年”字，应为“${to}”`, { to, label: `改为“${to}”` }))
      }
      for (const m of text.matchAll(/(?<![\d.])(?:((?:19|20)\d{2})年)?(\d{1,2})月(?:(\d{1,2})日)?/g)) {
        if (inChip(unit, m.index)) continue
        const y = m[1] ? Number(m[1]) : year
        const mo = Number(m[2])
        const d = m[3] ? Number(m[3]) : null
        const end = m.index + m[0].length
        if (mo < 1 || mo > 12 || (d !== null && (d < 1 || d > (m[1] ? daysIn(y, mo) : Math.max(daysIn(y, mo), mo === 2 ? 29 : 0))))) {
          out.push(unitItem(this, '必须修改', unit, m.index, end, `“${m[0]}”不是有效的日期，请核对月份和日期`))
          continue
        }
        if (/^0\d/.test(m[2]) || (m[3] && /^0\d/.test(m[3]))) {
          const to = `${m[1] ? `${m[1]}年` : ''}${mo}月${d !== null ? `${d}日` : ''}`
          out.push(unitItem(this, '建议检查', unit, m.index, end, `日期中的月、日不加“0”，“${m[0]}”应为“${to}”`, { to, label: `改为“${to}”` }))
        }
      }
      for (const m of text.matchAll(/(?<![\d.])((?:19|20)\d{2})[.．/](\d{1,2})[.．/](\d{1,2})(?![\d.])/g)) {
        if (inChip(unit, m.index)) continue
        const to = `${m[1]}年${Number(m[2])}月${Number(m[3])}日`
        out.push(unitItem(this, '建议检查', unit, m.index, m.index + m[0].length, `中文公文中日期应写作“${to}”，不写“${m[0]}”`, { to, label: `改为“${to}”` }))
      }
    }
    return out
  }
}
