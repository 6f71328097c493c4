// 百分比与计数不符: "共受理80件，其中1件…，占1.1%" — 1/80 is 1.25%, so the percentage does not
// follow from the counts in the same sentence (checked to the precision it is written with).
import type { CheckItem, CheckRule, TextUnit } from './types'
import { figuresIn, type Figure } from './figures'
import { sentences, unitItem } from './units'
import { isWhole, wholeAndParts } from './part-whole'

const SHARE_BEFORE = /(占(?:比|总数的|全部的|[^，。；\d%]{0,8}的)?|(?:办结|结案|调解成功|化解|公开|满意|完成)率(?:为|达到|达)?)$/

export const percentage: CheckRule = {
  id: 'percentage',
  family: 'figures',
  name: '百分比与计数不符',
  run({ units, template }) {
    const out: CheckItem[] = []
    for (const unit of units) {
      if (unit.kind !== 'body' || !unit.text.includes('%') && !unit.text.includes('％')) continue
      const figures = figuresIn(unit, template)
      const pairs = wholeAndParts(unit.text, figures)
      // A share cannot pass 100% (增长率 can, so only rates of a whole).
      for (const p of figures) {
        if (p.unit === '%' && p.value > 100 && /(办结|结案|答复|调解成功|化解|公开|满意|完成|合格|参考|覆盖|持证上岗|到位|知晓|参与)率(?:为|达到|达)?$/.test(unit.text.slice(Math.max(0, p.start - 10), p.start))) {
          out.push(unitItem(this, '必须修改', unit, p.start, p.end, `比率“${p.digits}%”超过了100%，请核对计算`))
        }
      }
      for (const s of sentences(unit.text)) {
        const end = s.start + s.text.length
        for (const p of figures) {
          if (p.unit !== '%' || p.start < s.start || p.end > end || p.approx) continue
          if (!SHARE_BEFORE.test(unit.text.slice(Math.max(s.start, p.start - 12), p.start))) continue
          // The count it is a share of: the nearest 其中-part before it in the sentence, with its whole.
          const pair = [...pairs].reverse().find((x) => x.part.end <= p.start && x.part.start >= s.start)
          if (!pair) {
            const item = rateWithoutQizhong(this, unit, figures, s.start, p)
            if (item) out.push(item)
            continue
          }
          if (pair.whole.approx || pair.part.approx || pair.whole.value <= 0) continue
          const actual = (pair.part.value / pair.whole.value) * 100
          const places = (p.digits.split('.')[1] ?? '').length
          if (Math.abs(actual - p.value) < 10 ** -places + 1e-9) continue
          const shown = Number(actual.toFixed(Math.max(places, 1)))
          out.push(
            unitItem(this, '必须修改', unit, p.start, p.end,
              `${quoteFig(unit.text, pair.part)}÷${quoteFig(unit.text, pair.whole)}约为${shown}%，与写的“${p.digits}%”不符；请核对百分比或计数`)
          )
        }
      }
    }
    return out
  }
}

/**
 * "共调解纠纷86起，成功84起，调解成功率96.7%": no 其中, so which count is the share is a guess —
 * flagged (建议检查) only when no count of the total's unit between it and the rate gives it.
 */
function rateWithoutQizhong(rule: CheckRule, unit: TextUnit, figures: Figure[], from: number, p: Figure): CheckItem | null {
  const before = figures.filter((f) => f.start >= from && f.end <= p.start && f.unit !== '%' && f.unit !== '个百分点')
  const whole = before.find((f) => isWhole(unit.text, f))
  if (!whole || whole.approx || whole.value <= 0) return null
  const parts = before.filter((f) => f.start > whole.start && f.unit === whole.unit && !f.approx && f.value <= whole.value)
  if (parts.length === 0 || before.some((f) => f.approx && f.start > whole.start)) return null
  const places = (p.digits.split('.')[1] ?? '').length
  // Any one count, or all of them together (维持6件、撤销1件、确认违法1件 of 8: 办结率100%).
  const counts = [...parts.map((f) => f.value), parts.reduce((a, f) => a + f.value, 0)]
  if (counts.some((c) => Math.abs((c / whole.value) * 100 - p.value) < 10 ** -places + 1e-9)) return null
  const part = parts[parts.length - 1]
  const shown = Number(((part.value / whole.value) * 100).toFixed(Math.max(places, 1)))
  return unitItem(rule, '建议检查', unit, p.start, p.end,
    `${quoteFig(unit.text, part)}÷${quoteFig(unit.text, whole)}约为${shown}%，与写的“${p.digits}%”不符；如果这个比率不是由这两个数算出，可忽略，否则请核对`)
}

function quoteFig(text: string, f: Figure): string {
  return text.slice(f.start, f.end)
}
