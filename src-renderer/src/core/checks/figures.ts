// Figures in a line of text for the figure checks: number, qualifier, unit and offsets.
// Dates, ordinals (第3), document numbers (〔2024〕5号), phone numbers and list numbers are not
// figures because none of them is followed by a counting unit.
import type { ReportTemplate } from '../template'
import type { TextUnit } from './types'

export interface Figure {
  start: number
  end: number
  value: number
  /** Digits as written (for decimals in messages). */
  digits: string
  unit: string
  approx: boolean
}

/** Counting units of township reports, longest first so 万元 wins over 元 and 人次 over 人. */
const BASE_UNITS = [
  '个百分点', '平方米', '人次', '户次', '件次', '场次', '万元', '亿元', '公里', '千米', '小时',
  '元', '亩', '米', '吨', '次', '起', '件', '个', '条', '人', '名', '户', '场', '份', '期', '家', '所', '处', '项', '篇', '批', '天', '%', '％'
]

const cache = new WeakMap<ReportTemplate, RegExp>()
const DEFAULT = build([])

function build(extra: string[]): RegExp {
  const units = [...new Set([...BASE_UNITS, ...extra])].sort((a, b) => b.length - a.length)
  const escaped = units.map((u) => u.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')
  return new RegExp(`(约|近|超过)?(\\d+(?:,\\d{3})*(?:\\.\\d+)?)(余|多)?(${escaped})`, 'g')
}

function patternFor(template?: ReportTemplate): RegExp {
  if (!template) return DEFAULT
  let re = cache.get(template)
  if (!re) {
    re = build(template.metrics.map((m) => m.unit).filter((u) => u !== ''))
    cache.set(template, re)
  }
  return re
}

export function findFigures(text: string, template?: ReportTemplate): Figure[] {
  if (!/\d/.test(text)) return []
  const out: Figure[] = []
  for (const m of text.matchAll(patternFor(template))) {
    const prev = text[m.index - 1] ?? ''
    // Part of a larger number, an ordinal, a version, a range end (2—5个) or a code.
    if (/[\d.第〔\[—~～\-]|[A-Za-z]/.test(prev)) continue
    const value = Number(m[2].replace(/,/g, ''))
    if (!Number.isFinite(value)) continue
    const unit = m[4] === '％' ? '%' : m[4]
    out.push({ start: m.index, end: m.index + m[0].length, value, digits: m[2], unit, approx: Boolean(m[1] || m[3]) })
  }
  return out
}

/** Money and area units that contradict each other when one table and the text disagree. */
export const UNIT_FAMILIES: string[][] = [
  ['元', '万元', '亿元'],
  ['平方米', '亩'],
  ['米', '公里', '千米']
]

const perUnit = new WeakMap<TextUnit, Figure[]>()

/** The figures of a line, found once per check run however many rules ask. */
export function figuresIn(unit: TextUnit, template?: ReportTemplate): Figure[] {
  let found = perUnit.get(unit)
  if (!found) {
    found = findFigures(unit.text, template)
    perUnit.set(unit, found)
  }
  return found
}
