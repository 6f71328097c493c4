// Title line breaking. GB/T 9704: a title that needs more than one line is broken at word
// boundaries, the lines kept symmetric (trapezoid or diamond), never an hourglass. Report titles
// usually read "<organ>关于<matter>的报告", and the customary break is before 关于.
import { textWidthChars } from '../layout'

/** Marks that may not start a line (closing punctuation) or end one (opening punctuation). */
const NO_LINE_START = /^[，。、：；！？）》」』”’〕】…—·％%,.:;!?)\]]/
const NO_LINE_END = /[（《「『“‘〔【(\[]$/
/** Numbers, Chinese numerals and Latin words stay on one line. */
const UNBREAKABLE = /[0-9A-Za-z〇零一二三四五六七八九十百千]/

/** Bonus for the customary break before 关于 (in squared character widths: outweighs balance). */
const BEFORE_GUANYU_BONUS = 120
/** Penalty for breaking before a one-character word, usually a suffix (委员|会, 青石|镇). */
const WEAK_BOUNDARY_PENALTY = 12
const HOURGLASS_PENALTY = 60
/** An extra line must buy a lot of balance: "<organ> / 关于…的报告" in two lines is the customary
 * trapezoid, and a third line usually means breaking inside a phrase such as 法治政府. */
const EXTRA_LINE_PENALTY = 200

function wordBoundaries(text: string): Set<number> {
  const chars = Array.from(text)
  const out = new Set<number>()
  const Segmenter = (Intl as { Segmenter?: typeof Intl.Segmenter }).Segmenter
  if (Segmenter) {
    // Segment offsets are UTF-16; convert to code-point indexes.
    const cpIndex = new Map<number, number>()
    let u = 0
    chars.forEach((c, i) => {
      cpIndex.set(u, i)
      u += c.length
    })
    for (const s of new Segmenter('zh', { granularity: 'word' }).segment(text)) {
      const i = cpIndex.get(s.index)
      if (i !== undefined && i > 0) out.add(i)
    }
  } else {
    for (let i = 1; i < chars.length; i++) out.add(i)
  }
  return out
}

/** Code-point positions where a line may start, each with its penalty (negative: preferred). */
export function titleBreakCandidates(title: string): Map<number, number> {
  const chars = Array.from(title)
  const words = wordBoundaries(title)
  const wordStarts = [...words].sort((a, b) => a - b)
  const out = new Map<number, number>()
  for (const i of words) {
    const before = chars.slice(0, i).join('')
    const after = chars.slice(i).join('')
    if (NO_LINE_START.test(after) || NO_LINE_END.test(before)) continue
    if (UNBREAKABLE.test(chars[i - 1]) && UNBREAKABLE.test(chars[i])) continue
    let penalty = 0
    if (after.startsWith('关于')) penalty -= BEFORE_GUANYU_BONUS
    const next = wordStarts.find((w) => w > i) ?? chars.length
    if (next - i === 1) penalty += WEAK_BOUNDARY_PENALTY
    out.set(i, penalty)
  }
  return out
}

function shapePenalty(widths: number[]): number {
  // An hourglass (a middle line shorter than both neighbours) is the one shape to avoid.
  let p = 0
  for (let i = 1; i < widths.length - 1; i++) {
    if (widths[i] < widths[i - 1] - 0.5 && widths[i] < widths[i + 1] - 0.5) p += HOURGLASS_PENALTY
  }
  return p
}

/**
 * Lines of the title for `charsPerLine` title characters a line. Explicit line breaks are the
 * clerk's choice and kept; otherwise the fewest lines that fit (or one more, if that is much
 * better balanced), chosen by balance, the customary break before 关于, and shape.
 */
export function breakTitle(title: string, charsPerLine: number): string[] {
  const explicit = title.split(/\s*\n\s*/).map((l) => l.trim()).filter((l) => l !== '')
  if (explicit.length !== 1) return explicit
  const text = explicit[0]
  const total = textWidthChars(text)
  if (total <= charsPerLine) return [text]
  const chars = Array.from(text)
  const candidates = titleBreakCandidates(text)
  const width = (a: number, b: number) => textWidthChars(chars.slice(a, b).join(''))
  const minLines = Math.ceil(total / charsPerLine)

  let best: { cost: number; breaks: number[] } | null = null
  for (let n = minLines; n <= minLines + 1; n++) {
    const mean = total / n
    // Exhaustive search over candidate positions: titles are short (a few dozen characters).
    const positions = [...candidates.keys()].sort((a, b) => a - b)
    const search = (start: number, left: number, breaks: number[]): void => {
      if (left === 1) {
        const w = width(start, chars.length)
        if (w > charsPerLine) return
        const all = [0, ...breaks, chars.length]
        const widths = all.slice(1).map((end, i) => width(all[i], end))
        const cost =
          widths.reduce((s, x) => s + (x - mean) ** 2, 0) +
          breaks.reduce((s, b) => s + (candidates.get(b) ?? 0), 0) +
          shapePenalty(widths) +
          (n - minLines) * EXTRA_LINE_PENALTY
        if (!best || cost < best.cost) best = { cost, breaks: [...breaks] }
        return
      }
      for (const p of positions) {
        if (p <= start) continue
        if (width(start, p) > charsPerLine) break
        search(p, left - 1, [...breaks, p])
      }
    }
    search(0, n, [])
  }
  if (!best) return [text]
  const all = [0, ...(best as { breaks: number[] }).breaks, chars.length]
  return all.slice(1).map((end, i) => chars.slice(all[i], end).join(''))
}
