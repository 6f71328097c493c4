// 半角标点: , ; : ? ! ( ) . typed in Chinese text (GB/T 15834 wants ，；：？！（）。). Numbers
// (1,200  3.5  8:30), URLs, e-mail addresses and Latin words keep their marks.
import type { CheckItem, CheckRule, TextUnit } from './types'
import { inChip, unitItem } from './units'

const FULL: Record<string, string> = { ',': '，', ';': '；', ':': '：', '?': '？', '!': '！', '(': '（', ')': '）', '.': '。' }
const CJK = /[\u3400-\u9FFF\uF900-\uFAFF\u3000-\u303F\uFF01-\uFF60\u2018\u2019\u201C\u201D\u2014\u2026]/
const LATIN_TOKEN = /(?:https?:\/\/|www\.)[^\s\u3000-\u303F\uFF01-\uFF60\u4E00-\u9FFF]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|[A-Za-z0-9]+(?:[.:/_-][A-Za-z0-9]+)+/g

const isCjk = (ch: string | undefined) => ch !== undefined && CJK.test(ch)

/** Neighbour ignoring spaces. */
function neighbour(text: string, i: number, step: 1 | -1): string | undefined {
  let j = i + step
  while (j >= 0 && j < text.length && text[j] === ' ') j += step
  return text[j]
}

export function halfWidthMarks(unit: TextUnit): Array<{ at: number; mark: string }> {
  const { text } = unit
  if (!/[,;:?!().]/.test(text)) return []
  const tokens: Array<[number, number]> = []
  for (const m of text.matchAll(LATIN_TOKEN)) tokens.push([m.index, m.index + m[0].length])
  const masked = { has: (i: number) => tokens.some(([a, b]) => i >= a && i < b) }
  const out: Array<{ at: number; mark: string }> = []
  for (const hit of text.matchAll(/[,;:?!().]/g)) {
    const i = hit.index
    const mark = hit[0]
    if (masked.has(i) || inChip(unit, i)) continue
    const prev = neighbour(text, i, -1)
    const next = neighbour(text, i, 1)
    if (mark === '(' || mark === ')') {
      // Judge a pair by what it encloses or touches: "(册)" and "(G206国道)" are Chinese.
      const close = mark === '(' ? text.indexOf(')', i) : text.lastIndexOf('(', i)
      const inner = close < 0 ? '' : mark === '(' ? text.slice(i + 1, close) : text.slice(close + 1, i)
      if (isCjk(prev) || isCjk(next) || CJK.test(inner)) out.push({ at: i, mark })
      continue
    }
    if (mark === '.') {
      // A full stop only after Chinese; "1." numbering and "3.5" stay.
      if (isCjk(prev) && (next === undefined || isCjk(next))) out.push({ at: i, mark })
      continue
    }
    if (/\d/.test(prev ?? '') && /\d/.test(next ?? '')) continue // 1,200  8:30
    if (isCjk(prev) || isCjk(next)) out.push({ at: i, mark })
  }
  return out
}

export const halfWidth: CheckRule = {
  id: 'half-width',
  family: 'format',
  name: '中文中使用半角标点',
  run({ units }) {
    const out: CheckItem[] = []
    for (const unit of units) {
      if (unit.kind === 'addressee') continue // the addressee rule covers it
      for (const { at, mark } of halfWidthMarks(unit)) {
        const to = FULL[mark]
        out.push(unitItem(this, '建议检查', unit, at, at + 1, `中文中的半角“${mark}”应为全角“${to}”`, { to, label: `改为“${to}”` }))
      }
    }
    return out
  }
}
