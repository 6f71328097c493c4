// 控制字符与方向字符: invisible control characters (Word refuses C0 controls) and bidi
// overrides (they reorder what is printed) anywhere, including names from imported templates.
import type { CheckItem, CheckRule } from './types'
import { unitItem, item } from './units'

export const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\u061C\uFEFF\uFFFE\uFFFF]/g

function describe(ch: string): string {
  return `U+${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`
}

export const controlChars: CheckRule = {
  id: 'control-char',
  family: 'format',
  name: '控制字符',
  run({ units, report }) {
    const out: CheckItem[] = []
    for (const unit of units) {
      for (const m of unit.text.matchAll(CONTROL)) {
        out.push(unitItem(this, '必须修改', unit, m.index, m.index + 1, `这里有不可见的控制字符（${describe(m[0])}），会让导出的文件出错或文字顺序颠倒；请删除`, { to: '', label: '删除控制字符' }))
      }
    }
    for (const s of report.sections) {
      for (const t of s.tables ?? []) {
        if (new RegExp(CONTROL.source).test(t.title)) out.push(item(this, '必须修改', `表格：${t.title}`, { kind: 'table', tableId: t.id, metricIds: [] }, '表格标题中有不可见的控制字符；请在模板管理中修改该模板'))
      }
    }
    return out
  }
}
