// 主送机关标点: organs are separated by 、 or ，, never ASCII commas or semicolons.
import { normalizeChineseText } from '../text'
import type { CheckItem, CheckRule } from './types'
import { item } from './units'

export const addressee: CheckRule = {
  id: 'addressee',
  family: 'format',
  name: '主送机关使用半角标点',
  run({ report }) {
    const out: CheckItem[] = []
    const text = report.addressee.replace(/[：:]$/, '')
    const m = /[,;:]/.exec(text)
    if (m) {
      const value = normalizeChineseText(text).replace(/[,;]/g, (c) => (c === ',' ? '，' : '；'))
      out.push(
        item(this, '必须修改', '主送机关', { kind: 'field', field: 'addressee', start: m.index, end: m.index + 1 }, `主送机关中的半角“${m[0]}”应改为顿号“、”或全角逗号“，”`, {
          kind: 'field',
          field: 'addressee',
          value,
          label: '改为全角标点'
        })
      )
    }
    return out
  }
}
