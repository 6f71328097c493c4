// DOM measuring for the paginator: a block's height in grid lines, a table's rows in lines, and
// where each line of a paragraph starts (text offsets), read from the browser's own layout.
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

/**
 * Text offsets where each line of the paragraph begins ([0, …]), from the position of every
 * character. Offsets count the text of the run elements ([data-run]) only, as sliceRuns does.
 */
export function lineStarts(el: HTMLElement, pitchPt: number): number[] {
  const half = (pitchPt * PX_PER_PT) / 2
  const starts: number[] = [0]
  const range = document.createRange()
  // Only the runs' own text: template whitespace between elements must not shift the offsets.
  const nodes = Array.from(el.querySelectorAll('[data-run]')).flatMap((run) => Array.from(run.childNodes).filter((n): n is Text => n.nodeType === Node.TEXT_NODE))
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
