// 部分大于整体: "共办理162件……其中293件" — a part introduced by 其中 larger than the total before
// it (same unit, same paragraph); the parts listed after one 其中 adding up to more than it.
import type { CheckItem, CheckRule, TextUnit } from './types'
import { figuresIn, type Figure } from './figures'
import { sentences, unitItem } from './units'

const WHOLE = /(共|合计|总计|累计|总数|总量|总额)[^，。；、！？]{0,10}$/
const PART = /其中[^，。；！？]{0,14}$/
// A clause that compares or adds (同比增加20件) is not one of the parts.
const NOT_A_PART = /同比|增加|增长|减少|下降|比|较|上年|去年|共|合计|累计/

/** The text of the clause before `at` (from the last ，。；！？). */
function clauseBefore(text: string, at: number): string {
  let i = at
  while (i > 0 && !/[，,。；;！？]/.test(text[i - 1])) i--
  return text.slice(i, at)
}

/** A figure written as a total: 共/合计/累计… in its clause before it. */
export function isWhole(text: string, f: Figure): boolean {
  return WHOLE.test(clauseBefore(text, f.start))
}

export function wholeAndParts(text: string, figures: Figure[]): Array<{ whole: Figure; part: Figure }> {
  const pairs: Array<{ whole: Figure; part: Figure }> = []
  const wholes: Figure[] = []
  let previous: Figure | null = null
  for (const f of figures) {
    if (f.unit === '%' || f.unit === '个百分点') continue
    const before = clauseBefore(text, f.start)
    if (PART.test(before)) {
      let whole = [...wholes].reverse().find((w) => w.unit === f.unit)
      // "发放资料3300份，其中…": the figure that ends the clause right before 其中 is the whole.
      if (!whole && previous && previous.unit === f.unit && /^[，,]\s*其中/.test(text.slice(previous.end, f.start).replace(/^[^，,。；]*/, ''))) whole = previous
      if (whole) pairs.push({ whole: withEnumeration(text, whole, figures, f), part: f })
    } else if (WHOLE.test(before)) wholes.push(f)
    previous = f
  }
  return pairs
}

// "行政村18个、社区2个，其中…20个": the whole is every figure of the enumeration (18 + 2).
const ENUMERATED = /^[、和及与][^，,。；;！？\d]{0,8}$/

function withEnumeration(text: string, whole: Figure, figures: Figure[], part: Figure): Figure {
  let sum = whole
  for (const f of figures) {
    if (f.start <= sum.end || f.start >= part.start) continue
    if (f.unit !== whole.unit || !ENUMERATED.test(text.slice(sum.end, f.start))) break
    sum = { ...sum, end: f.end, value: sum.value + f.value, approx: sum.approx || f.approx }
  }
  return sum
}

/** Upper bound of a figure: 3300多 is below 3400, 约120 below 132. */
function ceiling(f: Figure): number {
  if (!f.approx) return f.value
  const zeros = /0*$/.exec(f.digits.split('.')[0])![0].length
  return Math.max(f.value + 10 ** Math.max(0, zeros - 1), f.value * 1.1)
}

// "18个村中有20个村": the part counted out of a set larger than the set.
const OUT_OF = /(\d+)(个|家|名|户|所|处|条)([^，。；\d]{1,8}?)中(?:有|共有|已有)?(\d+)\2/g

export const partWhole: CheckRule = {
  id: 'part-whole',
  family: 'figures',
  name: '部分大于整体',
  run({ units, template }) {
    const out: CheckItem[] = []
    for (const unit of units) {
      if (unit.kind !== 'body') continue
      for (const m of unit.text.matchAll(OUT_OF)) {
        if (Number(m[4]) > Number(m[1])) {
          const start = m.index + m[0].lastIndexOf(m[4])
          out.push(unitItem(this, '必须修改', unit, start, start + m[4].length + 1, `“${m[0]}”：部分（${m[4]}${m[2]}）多于总数（${m[1]}${m[2]}）；请核对这两个数字`))
        }
      }
      if (!unit.text.includes('其中')) continue
      const figures = figuresIn(unit, template)
      for (const { whole, part } of wholeAndParts(unit.text, figures)) {
        if (part.approx) continue
        if (part.value > ceiling(whole)) {
          out.push(
            unitItem(this, '必须修改', unit, part.start, part.end,
              `“其中${unit.text.slice(part.start, part.end)}”大于前面的总数“${unit.text.slice(whole.start, whole.end)}”，部分不能大于整体；请核对这两个数字`)
          )
        }
      }
      out.push(...partsAboveWhole(this, unit, figures))
    }
    return out
  }
}

/** Parts after one 其中 in the same sentence that add up to more than the whole. */
function partsAboveWhole(rule: CheckRule, unit: TextUnit, figures: Figure[]): CheckItem[] {
  const out: CheckItem[] = []
  for (const s of sentences(unit.text)) {
    const at = s.text.indexOf('其中')
    if (at < 0) continue
    const from = s.start + at
    const inSentence = figures.filter((f) => f.start >= s.start && f.end <= s.start + s.text.length)
    const pairs = wholeAndParts(unit.text, figures).filter((p) => p.part.start >= from && p.part.end <= s.start + s.text.length)
    if (pairs.length === 0) continue
    const { whole, part } = pairs[0]
    if (part.value > whole.value || whole.approx) continue
    const parts = inSentence.filter((f) => f.start >= part.start && f.unit === part.unit && !f.approx && (f === part || !NOT_A_PART.test(clauseBefore(unit.text, f.start))))
    if (parts.length < 2) continue
    const sum = parts.reduce((a, f) => a + f.value, 0)
    if (sum > whole.value + 1e-9) {
      const last = parts[parts.length - 1]
      out.push(
        unitItem(rule, '建议检查', unit, part.start, last.end,
          `“其中”后列出的各项合计${Number(sum.toFixed(4))}${part.unit}，超过总数${unit.text.slice(whole.start, whole.end)}；如果各项有交叉请写明，否则请核对数字`)
      )
    }
  }
  return out
}
