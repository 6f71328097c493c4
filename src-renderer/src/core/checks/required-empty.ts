// 必写章节为空: a section the template requires has no body text, nor has any of its sub-sections.
import type { CheckItem, CheckRule } from './types'
import { item, sectionPlace } from './units'

export const requiredEmpty: CheckRule = {
  id: 'required-empty',
  family: 'completeness',
  name: '必写章节为空',
  run({ report }) {
    const out: CheckItem[] = []
    const hasText = (s: (typeof report.sections)[number]) => s.paragraphs.some((p) => p.runs.some((r) => r.text.trim() !== ''))
    report.sections.forEach((s, i) => {
      if (!s.required) return
      let filled = hasText(s)
      for (let j = i + 1; !filled && j < report.sections.length && report.sections[j].level > s.level; j++) filled = hasText(report.sections[j])
      if (filled) return
      const title = s.title.map((r) => r.text).join('')
      out.push(
        item(this, '必须修改', sectionPlace(s.number, title), { kind: 'text', sectionId: s.id, part: 'title', paragraph: 0, start: 0, end: title.length },
          `必写章节“${s.number}${title}”还没有正文，请补写本节内容后再送审或导出`)
      )
    })
    return out
  }
}
