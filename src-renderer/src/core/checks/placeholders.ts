// 模板占位符: ×× left from the template's suggested addressee or title, "（请改为…）" headings,
// 【请填写…】 notes and ○○ left anywhere in the title, addressee, signature, headings or body.
import type { CheckItem, CheckRule } from './types'
import { inChip, quote, unitItem } from './units'

const CJK = /[\u3400-\u9FFF]/
// ×× and its look-alikes; Latin XX only when it sits against Chinese (not in "XXL" or a code).
const PATTERNS: RegExp[] = [
  /[×✕╳]{2,}|[Ｘｘ]{2,}|○{2,}|〇{2,}(?=[县乡镇村市区局办委府])/g,
  /(?<![A-Za-z])[Xx]{2,}(?![A-Za-z])/g,
  /[（(]\s*(?:请|此处|在此)[^（）()]{0,40}[）)]/g,
  /【\s*(?:请|待|此处|填写)[^】]{0,40}】/g,
  /[（(][^（）()]{0,10}待(?:定|补充|填写?|核实)[^（）()]{0,6}[）)]/g
]

/** Lines without any of these characters cannot hold a placeholder (most lines: skip fast). */
const QUICK = /[×✕╳ＸｘXx○〇（(【]/

export const placeholders: CheckRule = {
  id: 'placeholder',
  family: 'completeness',
  name: '模板占位符未替换',
  run({ units }) {
    const out: CheckItem[] = []
    for (const unit of units) {
      if (!QUICK.test(unit.text)) continue
      for (const [n, re] of PATTERNS.entries()) {
        for (const m of unit.text.matchAll(re)) {
          const start = m.index
          const end = start + m[0].length
          if (inChip(unit, start, end)) continue
          if (n === 1 && !(CJK.test(unit.text[start - 1] ?? '') || CJK.test(unit.text[end] ?? ''))) continue
          out.push(
            unitItem(this, '必须修改', unit, start, end, `“${quote(unit.text, start, end)}”中的“${m[0]}”是模板占位内容，请改为实际的名称或内容`)
          )
        }
      }
    }
    return out
  }
}
