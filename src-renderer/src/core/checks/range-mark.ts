// 范围号: a span of values takes "～" (150～200人) and a span of years or dates "—" (2021—2025年);
// "-" and "~" do not belong in Chinese text. Phone numbers (0375-1234567) and codes (HB-2024-001)
// are not ranges, nor
// standards' numbers (GB/T 9704-2012).
import type { CheckItem, CheckRule } from './types'
import { inChip, unitItem } from './units'

const RANGE = /(?<![\w.-])(\d+(?:\.\d+)?)\s*([-~])\s*(\d+(?:\.\d+)?)(?![\w.-])(?=\s*[\u4e00-\u9fff%％])/g

const STANDARD = /[A-Z]{1,4}\d{0,3}(?:\/[A-Z])?\s*$/

export const rangeMark: CheckRule = {
  id: 'range-mark',
  family: 'format',
  name: '范围号写法',
  run({ units }) {
    const out: CheckItem[] = []
    for (const unit of units) {
      if (!/\d\s*[-~]\s*\d/.test(unit.text)) continue
      for (const m of unit.text.matchAll(RANGE)) {
        const [, a, mark, b] = m
        if (a.startsWith('0')) continue // an area code
        // A standard's number and year (GB/T 9704-2012, DB41/T 1234-2020) are not a range.
        if (STANDARD.test(unit.text.slice(Math.max(0, m.index - 12), m.index))) continue
        const start = m.index + m[0].indexOf(mark, a.length)
        if (inChip(unit, start)) continue
        const after = unit.text[m.index + m[0].length]
        const years = /^(19|20)\d{2}$/.test(a) && /^(19|20)\d{2}$/.test(b) && after === '年'
        // 1—11月, 15—20日: a span of time takes the dash, like years (GB/T 15834).
        const time = years || (/^[月日]$/.test(after) && !a.includes('.') && !b.includes('.'))
        const to = time ? '—' : '～'
        out.push(unitItem(this, '建议检查', unit, start, start + 1, `“${a}${mark}${b}”中的“${mark}”在中文中应写作“${to}”（${time ? '时间范围用“—”' : '数值范围用“～”'}）`, { to, label: `改为“${to}”` }))
      }
    }
    return out
  }
}
