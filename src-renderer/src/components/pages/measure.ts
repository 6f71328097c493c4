// DOM measuring for the paginator: a block's height in grid lines, a table's rows in lines, and
// where lines of a paragraph start (text offsets), read from the browser's own layout.
import { linesForHeight } from '@core/pages/geometry'
import type { BlockMeasure } from '@core/pages/paginate'

const PX_PER_PT = 96 / 72

export function measureBlock(el: HTMLElement, pitchPt: number): BlockMeasure {
  if (el.tagName === 'TABLE') {
    // Rows in lines, not rounded: the paginator rounds each table part up to whole lines.
    const header = el.querySelector('thead') as HTMLElement | null
    const rows = Array.from(el.querySelectorAll('tr[data-hb-row="body"]')) as HTMLElement[]
    const h = (r: HTMLElement) => Math.round((r.getBoundingClientRect().height / PX_PER_PT / pitchPt) * 100) / 100
    return { lines: header ? h(header) : 0, rows: rows.map(h) }
  }
  return { lines: Math.max(1, linesForHeight(el.getBoundingClientRect().height / PX_PER_PT, pitchPt)) }
}

/** The runs' own text nodes: template whitespace between elements must not shift the offsets. */
function runTextNodes(el: HTMLElement): Text[] {
  return Array.from(el.querySelectorAll('[data-run]')).flatMap((run) => Array.from(run.childNodes).filter((n): n is Text => n.nodeType === Node.TEXT_NODE))
}

/**
 * The careful way: text offsets where each line of the paragraph begins ([0, …]), from the
 * position of every character. Offsets count the text of the run elements ([data-run]) only, as
 * sliceRuns does. One range per character: kept as the reference the fast path is tested
 * against (tests/e2e/pdf-measure.test.ts) and for `?measure=careful`.
 */
export function lineStarts(el: HTMLElement, pitchPt: number): number[] {
  const half = (pitchPt * PX_PER_PT) / 2
  const starts: number[] = [0]
  const range = document.createRange()
  const nodes = runTextNodes(el)
  let offset = 0
  let lastTop: number | null = null
  for (const node of nodes) {
    const text = node.data
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i)
      if (code >= 0xdc00 && code <= 0xdfff) continue // low surrogate: same character
      const len = code >= 0xd800 && code <= 0xdbff ? 2 : 1
      range.setStart(node, i)
      range.setEnd(node, i + len)
      const rect = range.getClientRects()[0]
      if (rect && rect.width > 0) {
        if (lastTop !== null && rect.top > lastTop + half) starts.push(offset + i)
        if (lastTop === null || rect.top > lastTop + half) lastTop = rect.top
      }
    }
    offset += text.length
  }
  return starts
}

/**
 * The fast way, once per paragraph: where the given lines (1-based from the second: line k is
 * the k-th line after the first) begin, found by binary search over character positions of the
 * laid-out paragraph. Line boxes sit exactly one grid pitch apart, so line k is every visible
 * character whose top is at least k − ½ pitches below the first visible character's; the first
 * such character starts the line — the same rule `lineStarts` applies character by character,
 * for about log₂(length) rectangle reads per wanted line instead of one per character.
 * Returns offset per wanted line (the text length when the paragraph has fewer lines).
 */
export function lineStartsAt(el: HTMLElement, pitchPt: number, lines: readonly number[]): Map<number, number> {
  const pitch = pitchPt * PX_PER_PT
  const nodes = runTextNodes(el)
  const bases: number[] = []
  let total = 0
  for (const n of nodes) {
    bases.push(total)
    total += n.data.length
  }
  const range = document.createRange()
  let node = 0
  /** Top of the first visible character at or after offset `at` ([offset, top]), or null. */
  const visibleFrom = (at: number): [number, number] | null => {
    // Nodes are few (one per run): walk to the node holding `at`.
    while (node > 0 && bases[node] > at) node--
    while (node < nodes.length - 1 && bases[node + 1] <= at) node++
    for (let k = node; k < nodes.length; k++) {
      const text = nodes[k].data
      for (let i = Math.max(0, at - bases[k]); i < text.length; i++) {
        const code = text.charCodeAt(i)
        if (code >= 0xdc00 && code <= 0xdfff) continue
        const len = code >= 0xd800 && code <= 0xdbff ? 2 : 1
        range.setStart(nodes[k], i)
        range.setEnd(nodes[k], i + len)
        const rect = range.getClientRects()[0]
        if (rect && rect.width > 0) return [bases[k] + i, rect.top]
      }
    }
    return null
  }
  const out = new Map<number, number>()
  const first = visibleFrom(0)
  if (!first) {
    for (const k of lines) out.set(k, total)
    return out
  }
  let lo = first[0]
  for (const k of [...lines].sort((a, b) => a - b)) {
    const threshold = first[1] + (k - 0.5) * pitch
    // Smallest offset in [lo, total) whose first visible character is on line k or later.
    let a = lo
    let b = total
    let found = total
    while (a < b) {
      const mid = (a + b) >>> 1
      const v = visibleFrom(mid)
      if (!v) {
        b = mid
        continue
      }
      if (v[1] >= threshold) {
        found = v[0]
        b = mid
      } else a = v[0] + 1
    }
    out.set(k, found)
    lo = Math.min(found, total)
  }
  return out
}
