// Year-on-year phrases computed from this year's and last year's values, never typed:
// '同比增长15.4%' (relative change), '同比减少3起' (absolute change), '与上年持平'.
import { formatMetricValue } from './metrics'
import type { MetricDefinition, MetricValue } from './template'

/** 'percent': relative change (增长/下降 x%); 'difference': the change in the metric's unit (增加/减少 n起). */
export type YoyMode = 'percent' | 'difference'

export type YoyResult =
  | { state: 'ok'; phrase: string; direction: 'up' | 'down' | 'same'; change: number }
  /** One of the two values is missing: the chip shows a placeholder. */
  | { state: 'missing'; which: 'current' | 'previous' | 'both' }
  /** Not a number (text metric). */
  | { state: 'notNumeric' }

function numberOf(v: MetricValue | undefined | null): number | null {
  if (!v || v.value === null || v.value === '') return null
  const n = typeof v.value === 'number' ? v.value : Number(v.value)
  return Number.isFinite(n) ? n : null
}

function trim(n: number, places: number): string {
  const s = n.toFixed(places)
  return s.includes('.') ? s.replace(/\.?0+$/, '') : s
}

/**
 * `n` (> 0) with `places` decimals, or — when that would round a real change away ("0%" for
 * 10000 → 10004) — with as many decimals as two significant digits need ("0.04%").
 */
function significant(n: number, places: number): string {
  const a = Math.abs(n)
  if (a === 0 || a >= 10 ** -places) return trim(a, places)
  const needed = Math.min(12, Math.max(places, 1 - Math.floor(Math.log10(a))))
  return trim(a, needed)
}

/**
 * The phrase for a metric's change since last year. Percent-type metrics change in
 * 百分点 ('同比提高2.5个百分点'); a relative change from 0 is undefined, so it falls back to
 * the absolute difference.
 */
export function yearOnYear(def: MetricDefinition, current: MetricValue | undefined, previous: MetricValue | undefined, mode: YoyMode = 'percent'): YoyResult {
  if (def.type === 'text') return { state: 'notNumeric' }
  const now = numberOf(current)
  const before = numberOf(previous)
  if (now === null || before === null) return { state: 'missing', which: now === null && before === null ? 'both' : now === null ? 'current' : 'previous' }
  const diff = Math.round((now - before) * 1e9) / 1e9
  if (diff === 0) return { state: 'ok', phrase: '与上年持平', direction: 'same', change: 0 }
  const up = diff > 0
  const direction = up ? 'up' : 'down'
  if (def.type === 'percent') {
    return { state: 'ok', phrase: `同比${up ? '提高' : '降低'}${significant(diff, def.decimals ?? 1)}个百分点`, direction, change: diff }
  }
  if (mode === 'percent' && before !== 0) {
    const pct = (Math.abs(diff) / Math.abs(before)) * 100
    return { state: 'ok', phrase: `同比${up ? '增长' : '下降'}${significant(pct, 1)}%`, direction, change: diff }
  }
  const amount = formatMetricValue({ ...def, min: undefined, max: undefined }, { metricId: def.id, value: Math.abs(diff), qualifier: '' }) ?? trim(Math.abs(diff), 2)
  return { state: 'ok', phrase: `同比${up ? '增加' : '减少'}${amount}`, direction, change: diff }
}

/** What a year-on-year chip shows, with a visible placeholder while a value is missing. */
export function yoyChipText(def: MetricDefinition | undefined, current: MetricValue | undefined, previous: MetricValue | undefined, mode: YoyMode = 'percent'): { text: string; missing: boolean } {
  if (!def) return { text: '【未知指标】', missing: true }
  const r = yearOnYear(def, current, previous, mode)
  if (r.state === 'ok') return { text: r.phrase, missing: false }
  if (r.state === 'notNumeric') return { text: `【${def.label}不是数字，无法计算同比】`, missing: true }
  return { text: r.which === 'current' ? `【未填：${def.label}】` : `【缺去年数据：${def.label}】`, missing: true }
}
