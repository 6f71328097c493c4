// Pagination on the line grid. Every block is a whole number of grid lines (measured by the
// renderer, or known), so a page is exactly `linesPerPage` lines and a paragraph is split at a
// line boundary. Pure: the page view and the print view run the same function on the same
// measurements, so the screen and the PDF show the same pages.
import { isSplittable, isTable, tableRowCount, type PageBlock } from './blocks'

/**
 * Lines per block. For a table, `rows` gives each body row's height and `lines` the header's, in
 * lines but not necessarily whole ones (a 小四 table row is shorter than a grid line): a table's
 * share of a page is rounded up to whole lines, so the text after it is back on the grid.
 */
export interface BlockMeasure {
  lines: number
  rows?: number[]
}

/** A block's share of a page: lines [from, to) of a text block, or rows [from, to) of a table. */
export interface Fragment {
  block: number
  from: number
  to: number
}

export interface Page {
  /** 1-based page number, as printed in the footer. */
  number: number
  fragments: Fragment[]
}

/** Lines of the previous paragraph that go with the signature when it has to move to a new page. */
export const LINES_KEPT_WITH_SIGNATURE = 2

function unitCount(block: PageBlock, m: BlockMeasure): number {
  return isTable(block) ? Math.min(m.rows?.length ?? 0, tableRowCount(block)) : m.lines
}

/** Whole lines a table part takes; a hair over a line (rounding in the measure) is not a line. */
export function wholeLines(lines: number): number {
  return Math.max(0, Math.ceil(lines - 0.05))
}

function unitsHeight(block: PageBlock, m: BlockMeasure, from: number, to: number): number {
  if (!isTable(block)) return to - from
  const rows = m.rows ?? []
  let h = m.lines // header rows, repeated on every page the table spans
  for (let i = from; i < to; i++) h += rows[i]
  return wholeLines(h)
}

/** Lines a fragment takes on its page. */
export function fragmentLines(block: PageBlock, m: BlockMeasure, f: Fragment): number {
  return unitsHeight(block, m, f.from, f.to)
}

export function paginate(blocks: readonly PageBlock[], measures: readonly BlockMeasure[], linesPerPage: number): Page[] {
  if (measures.length !== blocks.length) throw new Error('paginate: one measure per block')
  const pages: Page[] = [{ number: 1, fragments: [] }]
  let used = 0
  const current = () => pages[pages.length - 1]
  const newPage = () => {
    pages.push({ number: pages.length + 1, fragments: [] })
    used = 0
  }
  const room = () => linesPerPage - used

  /** Lines block i needs on the current page before block k may start here (keepWithNext chain). */
  const chainNeed = (i: number): { need: number; end: number } => {
    let need = 0
    let k = i
    while (k < blocks.length && blocks[k].keepWithNext && blocks[k].kind !== 'pageBreak') {
      need += unitsHeight(blocks[k], measures[k], 0, unitCount(blocks[k], measures[k]))
      k++
    }
    if (k < blocks.length && blocks[k].kind !== 'pageBreak') {
      const b = blocks[k]
      const m = measures[k]
      const n = unitCount(b, m)
      // A splittable block needs its first two lines (or first row) here; others all of it.
      need += isSplittable(b) ? unitsHeight(b, m, 0, Math.min(isTable(b) ? 1 : 2, n)) : unitsHeight(b, m, 0, n)
    }
    return { need, end: k }
  }

  /** Moves the last lines of the page's final body fragment to a new page, so it is not bare. */
  const newPageCarryingLines = () => {
    const frags = current().fragments
    const last = frags[frags.length - 1]
    let carried: Fragment | null = null
    if (last && blocks[last.block].kind === 'body' && last.to - last.from > 0) {
      const take = Math.min(LINES_KEPT_WITH_SIGNATURE, last.to - last.from)
      carried = { block: last.block, from: last.to - take, to: last.to }
      last.to -= take
      if (last.to === last.from) frags.pop()
    }
    newPage()
    if (carried) {
      current().fragments.push(carried)
      used = carried.to - carried.from
    }
  }

  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]
    const m = measures[i]
    if (b.kind === 'pageBreak') {
      if (current().fragments.length > 0) newPage()
      continue
    }
    // A blank line never opens a page: it would only push the page's text down.
    if (b.kind === 'blank' && used === 0 && current().fragments.length > 0) continue
    if (b.kind === 'blank' && used === 0 && pages.length > 1) continue

    if (b.keepWithNext && used > 0) {
      const { need, end } = chainNeed(i)
      if (need > room() && need <= linesPerPage) {
        const closesWithSignature = end < blocks.length && blocks[end].kind === 'signature'
        if (closesWithSignature) newPageCarryingLines()
        else newPage()
        if (b.kind === 'blank' && used === 0) continue
      }
    }

    const n = unitCount(b, m)
    if (isSplittable(b)) {
      let from = 0
      if (isTable(b) && n === 0) {
        current().fragments.push({ block: i, from: 0, to: 0 })
        used += wholeLines(m.lines)
        continue
      }
      while (from < n) {
        let to = from
        while (to < n && unitsHeight(b, m, from, to + 1) <= room()) to++
        if (to === from) {
          if (used === 0) to = from + 1 // taller than a page: place it anyway
          else {
            newPage()
            continue
          }
        }
        current().fragments.push({ block: i, from, to })
        used += unitsHeight(b, m, from, to)
        from = to
        if (from < n) newPage()
      }
    } else {
      if (n > room() && used > 0) newPage()
      current().fragments.push({ block: i, from: 0, to: n })
      used += n
    }
    if (used >= linesPerPage && i < blocks.length - 1) newPage()
  }
  // A trailing empty page (from a final full page) is not a page.
  if (pages.length > 1 && current().fragments.length === 0) pages.pop()
  return pages
}
