// Title line breaking. GB/T 9704: a title that needs more than one line is broken at word
// boundaries, the lines kept symmetric (trapezoid or diamond), never an hourglass. Report titles
// usually read "<organ>关于<matter>的报告", and the customary break is before 关于.
import { LAYOUT_PROFILES, textWidthChars, typeAreaWidthTwips, type LayoutProfile } from '../layout'

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
const TIE_BREAK = 1e-9

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
  const wordStarts = [...wordBoundaries(title)].sort((a, b) => a - b)
  const out = new Map<number, number>()
  // One pass over the sorted word starts: linear in the title's length.
  wordStarts.forEach((i, k) => {
    if (NO_LINE_START.test(chars[i]) || NO_LINE_END.test(chars[i - 1])) return
    if (UNBREAKABLE.test(chars[i - 1]) && UNBREAKABLE.test(chars[i])) return
    let penalty = 0
    if (chars[i] === '关' && chars[i + 1] === '于') penalty -= BEFORE_GUANYU_BONUS
    const next = wordStarts[k + 1] ?? chars.length
    if (next - i === 1) penalty += WEAK_BOUNDARY_PENALTY
    out.set(i, penalty)
  })
  return out
}

/**
 * Width of chars[a, b) in O(1) from prefix sums, matching textWidthChars on the slice: each
 * character's width plus the quarter gap between a full-width and a Latin/digit neighbour,
 * except the gap at the slice's start (it belongs to the line break).
 */
function sliceWidths(chars: string[]): (a: number, b: number) => number {
  const prefix = new Float64Array(chars.length + 1)
  const gapBefore = new Float64Array(chars.length + 1)
  let prevWidth = 0
  for (let i = 0; i < chars.length; i++) {
    const pair = i > 0 ? textWidthChars(chars[i - 1] + chars[i]) : textWidthChars(chars[i])
    const own = textWidthChars(chars[i])
    gapBefore[i] = i > 0 ? pair - prevWidth - own : 0
    prefix[i + 1] = prefix[i] + own + gapBefore[i]
    prevWidth = own
  }
  return (a, b) => prefix[b] - prefix[a] - gapBefore[a]
}

/**
 * Lines of the title for `charsPerLine` title characters a line. Explicit line breaks are the
 * clerk's choice and kept; otherwise the fewest lines that fit (or one more, if that is much
 * better balanced), chosen by balance, the customary break before 关于, and shape (never an
 * hourglass: a middle line shorter than both neighbours).
 *
 * Dynamic programming over (line count, line end, line start, shorter-than-previous): a line's
 * cost depends only on its own width and break, and the hourglass test on three consecutive
 * lines, which the "shorter" flag carries forward. A line spans at most 2 × `charsPerLine`
 * characters, so the work grows linearly with the title's length (the former exhaustive search
 * froze on long titles).
 */
export function breakTitle(title: string, charsPerLine: number): string[] {
  const explicit = title.split(/\s*\n\s*/).map((l) => l.trim()).filter((l) => l !== '')
  if (explicit.length !== 1) return explicit
  const text = explicit[0]
  const total = textWidthChars(text)
  if (total <= charsPerLine) return [text]
  const chars = Array.from(text)
  const candidates = titleBreakCandidates(text)
  const width = sliceWidths(chars)
  const minLines = Math.ceil(total / charsPerLine)
  // Positions a line may start or end at: the title's start, candidates, its end.
  const pos = [0, ...[...candidates.keys()].sort((a, b) => a - b), chars.length]
  const E = pos.length
  const last = E - 1
  // A vanishing preference for earlier breaks settles ties the way the customary trapezoid
  // does (shorter lines above).
  const breakPenalty = pos.map((p, i) => (i === 0 || i === last ? 0 : (candidates.get(p) ?? 0) + p * TIE_BREAK))
  // Index distance a line can span (every character is at least half a title character wide).
  const W = Math.min(E, 2 * charsPerLine + 2)
  const slot = (end: number, start: number, shorter: number) => (end * W + (end - start)) * 2 + shorter

  let best: { cost: number; lines: number[] } | null = null
  for (let n = minLines; n <= minLines + 1; n++) {
    const mean = total / n
    const costs: Float64Array[] = []
    const backs: Int32Array[] = []
    let cur = new Float64Array(E * W * 2).fill(Infinity)
    let back = new Int32Array(E * W * 2).fill(-1)
    for (let k = 1; k < E && width(0, pos[k]) <= charsPerLine; k++) {
      if (n === 1 ? k !== last : k === last) continue
      cur[slot(k, 0, 0)] = (width(0, pos[k]) - mean) ** 2 + breakPenalty[k]
    }
    costs.push(cur)
    backs.push(back)
    for (let line = 2; line <= n; line++) {
      const prev = cur
      cur = new Float64Array(E * W * 2).fill(Infinity)
      back = new Int32Array(E * W * 2).fill(-1)
      const final = line === n
      for (let j = 1; j < last; j++) {
        // What follows must still fit in the lines left.
        if (width(pos[j], chars.length) > (n - line + 1) * charsPerLine) continue
        if (width(0, pos[j]) > (line - 1) * charsPerLine) break
        for (let d = 1; d < W && d <= j; d++) {
          const i = j - d
          const fromWidth = width(pos[i], pos[j])
          if (fromWidth > charsPerLine) break
          for (let f = 0; f < 2; f++) {
            const from = prev[slot(j, i, f)]
            if (from === Infinity) continue
            for (let k = j + 1; k < E && k - j < W; k++) {
              if (final ? k !== last : k === last) continue
              const w = width(pos[j], pos[k])
              if (w > charsPerLine) break
              let c = from + (w - mean) ** 2 + breakPenalty[k]
              if (f === 1 && fromWidth < w - 0.5) c += HOURGLASS_PENALTY
              const s = slot(k, j, w < fromWidth - 0.5 ? 1 : 0)
              if (c < cur[s]) {
                cur[s] = c
                back[s] = slot(j, i, f)
              }
            }
          }
        }
      }
      costs.push(cur)
      backs.push(back)
    }
    for (let d = 1; d < W && d <= last; d++) {
      for (let f = 0; f < 2; f++) {
        const s = slot(last, last - d, f)
        const c = cur[s] + (n - minLines) * EXTRA_LINE_PENALTY
        if (c === Infinity || (best && c >= best.cost)) continue
        // Walk the back pointers to the line starts.
        const starts: number[] = []
        let at = s
        for (let line = n - 1; line >= 0; line--) {
          const end = Math.floor((at >> 1) / W)
          starts.unshift(pos[end - ((at >> 1) % W)])
          at = backs[line][at]
        }
        best = { cost: c, lines: starts }
      }
    }
  }
  if (!best) return [text]
  const starts = [...best.lines, chars.length]
  return starts.slice(0, -1).map((a, i) => chars.slice(a, starts[i + 1]).join(''))
}

/**
 * Longest title block, in lines of 二号 characters across the type area. The standard sets no
 * number, but the title, a blank line and the addressee share page 1 with the body, which the
 * standard requires to show there; three title lines (the longest joint-organ report titles
 * take two) still leave 17 of 22 lines for text.
 */
export const MAX_TITLE_LINES = 3

export interface TitleLimit {
  /** 二号 characters a title line holds on this layout (20 for GB/T 9704). */
  charsPerLine: number
  maxLines: number
}

/** Lines the title takes when laid out (the clerk's own line breaks count, each then wrapped). */
export function titleLineCount(title: string, charsPerLine: number): number {
  return title
    .split(/\s*\n\s*/)
    .map((l) => l.trim())
    .filter((l) => l !== '')
    .reduce((n, line) => n + breakTitle(line, charsPerLine).length, 0)
}

/**
 * Why a title cannot be used, in Chinese, or null. Over-long titles are refused where they are
 * typed (新建报告, 报告信息) so no layout or export ever has to cope with them.
 */
export function titleProblem(title: string, limit: TitleLimit): string | null {
  const t = title.trim()
  if (t === '') return '标题不能为空，请输入报告标题'
  const lines = titleLineCount(t, limit.charsPerLine)
  if (lines > limit.maxLines) {
    return `标题过长：二号字标题每行最多 ${limit.charsPerLine} 字，最多 ${limit.maxLines} 行（约 ${limit.charsPerLine * limit.maxLines} 字），现在需要 ${lines} 行。请精简标题。`
  }
  return null
}

/** The title block of a layout profile: 二号 characters are not condensed, so floor(width / size). */
export function titleLimit(profile: LayoutProfile): TitleLimit {
  return { charsPerLine: Math.floor(typeAreaWidthTwips(profile) / (profile.sizes.title * 10)), maxLines: MAX_TITLE_LINES }
}

/** What the dialogs check: a title must fit under every profile the clerk may choose later. */
export function dialogTitleLimit(): TitleLimit {
  const limits = LAYOUT_PROFILES.map(titleLimit)
  return limits.reduce((a, b) => (b.charsPerLine < a.charsPerLine ? b : a))
}
