// 序号: numbers typed into headings (the app numbers them, so "一、一、" is printed), outline
// levels that skip inconsistently (一、→1. in one place, 一、→（一） in another), and 一是/二是
// or body "1." sequences that skip or repeat.
import type { CheckItem, CheckRule } from './types'
import { item, unitItem } from './units'

const MANUAL = /^\s*(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[）)]|\d+[.．、](?!\d))\s*/
const CN = '一二三四五六七八九十'
const LEAD = /(?:^|[。；;，])\s*([一二三四五六七八九十])是/g

function cnValue(ch: string): number {
  return CN.indexOf(ch) + 1
}

export const numbering: CheckRule = {
  id: 'numbering',
  family: 'format',
  name: '序号跳级或重复',
  run({ units, report }) {
    const out: CheckItem[] = []
    for (const unit of units) {
      if (unit.kind !== 'heading') continue
      const m = MANUAL.exec(unit.text)
      if (m) {
        out.push(unitItem(this, '必须修改', unit, 0, m[0].length, `标题前的“${m[0].trim()}”是手写的序号，系统会自动编号，导出后会重复；请删去`, { to: '', label: '删去手写序号' }))
      }
    }

    // Outline: which parents skip a level (一、 straight to 1.).
    const skips: number[] = []
    const steps: number[] = []
    report.sections.forEach((s, i) => {
      const prev = report.sections[i - 1]
      if (!prev || s.level <= prev.level) return
      if (s.level > prev.level + 1) skips.push(i)
      else steps.push(i)
    })
    for (const i of skips) {
      const s = report.sections[i]
      const prev = report.sections[i - 1]
      const jump = s.level - prev.level
      if (jump === 1 || (jump === 2 && steps.length === 0 && prev.level === 1)) continue
      const title = s.title.map((r) => r.text).join('')
      out.push(
        item(this, '建议检查', `${s.number}${title.slice(0, 14)}（标题）`, { kind: 'text', sectionId: s.id, part: 'title', paragraph: 0, start: 0, end: title.length },
          `“${prev.number}”下直接是“${s.number}”，跳过了中间一级；全文应统一层级（一、→（一）→1.→（1）），请调整本节层级`)
      )
    }

    // 一是、二是… within a section: a skip or repeat means a lost or doubled item.
    const bySection = new Map<string, typeof units>()
    for (const u of units) if (u.kind === 'body' && u.sectionId) bySection.set(u.sectionId, [...(bySection.get(u.sectionId) ?? []), u])
    for (const list of bySection.values()) {
      let last = 0
      for (const u of list) {
        if (!u.text.includes('是')) continue
        for (const m of u.text.matchAll(LEAD)) {
          const n = cnValue(m[1])
          const at = m.index + m[0].indexOf(m[1])
          if (n !== 1 && n !== last + 1) {
            out.push(unitItem(this, '建议检查', u, at, at + 2, last === 0 ? `“${m[1]}是”前面没有“一是”，请核对序号` : `“${CN[last - 1]}是”之后是“${m[1]}是”，序号${n > last + 1 ? '跳号' : '重复'}；请核对`))
          }
          last = n
        }
      }
    }
    return out
  }
}
