// GB/T 9704 heading numbers (一、 （一） 1. （1）), computed from position alone.
import type { SectionLevel } from './report'

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九']

/** 1 → 一, 10 → 十, 11 → 十一, 20 → 二十, 105 → 一百零五. */
export function chineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`not a positive integer: ${n}`)
  if (n < 10) return DIGITS[n]
  if (n < 20) return '十' + (n % 10 ? DIGITS[n % 10] : '')
  if (n < 100) return DIGITS[Math.floor(n / 10)] + '十' + (n % 10 ? DIGITS[n % 10] : '')
  if (n < 1000) {
    const rest = n % 100
    const tail = rest === 0 ? '' : rest < 10 ? '零' + DIGITS[rest] : rest < 20 ? '一' + chineseNumeral(rest) : chineseNumeral(rest)
    return DIGITS[Math.floor(n / 100)] + '百' + tail
  }
  return String(n)
}

export function formatHeadingNumber(level: SectionLevel, n: number): string {
  switch (level) {
    case 1:
      return `${chineseNumeral(n)}、`
    case 2:
      return `（${chineseNumeral(n)}）`
    case 3:
      return `${n}.`
    case 4:
      return `（${n}）`
  }
}

/**
 * Numbers for a flat outline given each section's level, in order. A heading increments its
 * own level's counter and restarts every deeper one, so skipping a level (a "1." directly
 * under "一、") is allowed, as in real reports.
 */
export function outlineNumbers(levels: readonly SectionLevel[]): string[] {
  const counters = [0, 0, 0, 0, 0]
  return levels.map((level) => {
    counters[level] += 1
    for (let deeper = level + 1; deeper <= 4; deeper++) counters[deeper] = 0
    return formatHeadingNumber(level, counters[level])
  })
}
