// Spreadsheet habits in a metric table: reading a block copied from Excel/WPS (cells by tab,
// rows by newline), deciding which cell each pasted value goes to, refusing bad values cell by
// cell, moving between cells with Enter/arrows/Tab, and "其余填0". Pure: the form only applies
// the plan through the metrics store, so every write is validated and guarded like a typed one.
import { metricTableCellId } from './metric-tables'
import { parseMetricInput } from './metrics'
import type { MetricDefinition, MetricTableDefinition, MetricValue } from './template'

/** One cell of the visual grid: an input, a computed total, or nothing (a heading row). */
export type GridCell = { metricId: string; computed: boolean } | null

/**
 * The table as the clerk sees it: one row per table row (heading rows included, their cells
 * null) and one column per data column, so a pasted block lines up with what is on screen.
 */
export interface TableGrid {
  rows: GridCell[][]
  /** Row key per grid row, for messages and tests. */
  rowKeys: string[]
}

export interface CellPos {
  row: number
  col: number
}

export function tableGrid(table: MetricTableDefinition, definitions: ReadonlyMap<string, MetricDefinition>): TableGrid {
  return {
    rowKeys: table.rows.map((r) => r.key),
    rows: table.rows.map((row) =>
      table.columns.map((col): GridCell => {
        if (row.heading) return null
        const metricId = metricTableCellId(table.id, row.key, col.key)
        const def = definitions.get(metricId)
        if (!def) return null
        return { metricId, computed: def.formula !== undefined }
      })
    )
  }
}

export function cellAt(grid: TableGrid, pos: CellPos): GridCell {
  return grid.rows[pos.row]?.[pos.col] ?? null
}

export function positionOf(grid: TableGrid, metricId: string): CellPos | null {
  for (let row = 0; row < grid.rows.length; row++) {
    const col = grid.rows[row].findIndex((c) => c?.metricId === metricId)
    if (col >= 0) return { row, col }
  }
  return null
}

// ---- Reading a pasted block ----------------------------------------------------------------

/**
 * A block of text copied from a spreadsheet as rows of cells. Rows end with \r\n, \n or \r;
 * cells are separated by tabs; the one trailing line break Excel and WPS add is dropped. A cell
 * in double quotes (how Excel copies a cell containing a tab, a line break or a quote) is read
 * as one cell with "" meaning ".
 */
export function parsePasteGrid(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let cell = ''
  let i = 0
  const endCell = () => {
    row.push(cell)
    cell = ''
  }
  const endRow = () => {
    endCell()
    rows.push(row)
    row = []
  }
  while (i < text.length) {
    const c = text[i]
    if (c === '"' && cell === '') {
      // Quoted cell: up to the closing quote that is not doubled.
      let j = i + 1
      let value = ''
      let closed = false
      while (j < text.length) {
        if (text[j] === '"') {
          if (text[j + 1] === '"') {
            value += '"'
            j += 2
            continue
          }
          closed = true
          j++
          break
        }
        value += text[j++]
      }
      const next = text[j]
      if (closed && (next === undefined || next === '\t' || next === '\n' || next === '\r')) {
        cell = value
        i = j
        continue
      }
      // Not a quoted cell after all (a quote inside plain text): read it literally.
    }
    if (c === '\t') endCell()
    else if (c === '\r' || c === '\n') {
      endRow()
      if (c === '\r' && text[i + 1] === '\n') i++
    } else cell += c
    i++
  }
  if (cell !== '' || row.length > 0) endRow()
  return rows
}

/** True when the clipboard text is a block for the table (more than what one input takes). */
export function isBlockPaste(text: string): boolean {
  return /[\t\r\n]/.test(text)
}

// ---- Planning a paste ---------------------------------------------------------------------

export interface PasteWrite {
  metricId: string
  /** What was pasted, trimmed. */
  raw: string
}

export interface PasteRefusal {
  metricId: string | null
  raw: string
  pos: CellPos
  message: string
}

export interface PastePlan {
  /** Valid values for input cells: store each through the normal input path. */
  writes: PasteWrite[]
  /** Values not stored, each with why. */
  refused: PasteRefusal[]
  /** Computed cells the block covered: never overwritten. */
  skippedComputed: string[]
  /** Non-empty values that fell outside the table. */
  outside: number
}

/**
 * Where each pasted value goes, starting at the focused cell and running right and down like a
 * spreadsheet. Empty pasted cells leave their target as it is; a computed cell is skipped (its
 * value comes from the others); a value on a heading row or outside the table is not stored;
 * every value is checked with the cell's own rule, so '3 1' or '十二' is refused on its own
 * while the rest of the block is filled.
 */
export function planPaste(grid: TableGrid, start: CellPos, block: readonly (readonly string[])[], definitions: ReadonlyMap<string, MetricDefinition>): PastePlan {
  const plan: PastePlan = { writes: [], refused: [], skippedComputed: [], outside: 0 }
  block.forEach((line, i) => {
    line.forEach((rawCell, j) => {
      const raw = rawCell.replace(/^[\s\u3000\u00a0]+|[\s\u3000\u00a0]+$/g, '')
      const pos = { row: start.row + i, col: start.col + j }
      const inside = pos.row < grid.rows.length && pos.col < (grid.rows[pos.row]?.length ?? 0)
      if (!inside) {
        if (raw !== '') plan.outside++
        return
      }
      const cell = cellAt(grid, pos)
      if (cell === null) {
        if (raw !== '') plan.refused.push({ metricId: null, raw, pos, message: `“${raw}”落在分类标题行（${grid.rowKeys[pos.row]}），这一行没有填写格；请检查复制的区域是否与表格的行对齐` })
        return
      }
      if (cell.computed) {
        if (raw !== '') plan.skippedComputed.push(cell.metricId)
        return
      }
      if (raw === '') return
      const def = definitions.get(cell.metricId)
      if (!def) return
      const parsed = parseMetricInput(def, raw)
      if (!parsed.ok) plan.refused.push({ metricId: cell.metricId, raw, pos, message: `“${raw}”未填入：${parsed.message}` })
      else plan.writes.push({ metricId: cell.metricId, raw })
    })
  })
  return plan
}

/** A one-line summary of a paste for the clerk. */
export function describePaste(plan: PastePlan): string {
  const parts = [`已填入 ${plan.writes.length} 格`]
  if (plan.refused.length) parts.push(`${plan.refused.length} 格未填入（见下方说明）`)
  if (plan.skippedComputed.length) parts.push(`${plan.skippedComputed.length} 个合计格由系统自动计算，粘贴的数字未使用`)
  if (plan.outside) parts.push(`${plan.outside} 个数字超出表格范围，未填入`)
  return parts.join('；') + '。'
}

// ---- Moving between cells ------------------------------------------------------------------

export type Move = 'up' | 'down' | 'left' | 'right' | 'next' | 'prev'

const isInput = (c: GridCell): boolean => c !== null && !c.computed

/**
 * The input cell a key moves to, or null at the table's edge. Up/down keep the column and skip
 * heading rows and computed cells; left/right stay in the row; next/prev (Tab, Shift+Tab) read
 * the inputs row by row like a spreadsheet's Tab.
 */
export function moveTarget(grid: TableGrid, from: CellPos, move: Move): CellPos | null {
  if (move === 'up' || move === 'down') {
    const step = move === 'down' ? 1 : -1
    for (let r = from.row + step; r >= 0 && r < grid.rows.length; r += step) {
      if (isInput(cellAt(grid, { row: r, col: from.col }))) return { row: r, col: from.col }
    }
    return null
  }
  if (move === 'left' || move === 'right') {
    const step = move === 'right' ? 1 : -1
    const row = grid.rows[from.row] ?? []
    for (let c = from.col + step; c >= 0 && c < row.length; c += step) if (isInput(row[c])) return { row: from.row, col: c }
    return null
  }
  const flat: CellPos[] = []
  grid.rows.forEach((row, r) => row.forEach((cell, c) => isInput(cell) && flat.push({ row: r, col: c })))
  const at = flat.findIndex((p) => p.row === from.row && p.col === from.col)
  if (at < 0) return flat[0] ?? null
  return flat[at + (move === 'next' ? 1 : -1)] ?? null
}

/**
 * Which key does what, given the caret: Left/Right leave the cell only at the text's edge (so
 * the clerk can still correct "1234" inside the cell); Enter is down, Shift+Enter up.
 */
export function keyMove(key: string, shift: boolean, caret: { start: number; end: number; length: number }): Move | null {
  switch (key) {
    case 'Enter':
      return shift ? 'up' : 'down'
    case 'ArrowDown':
      return 'down'
    case 'ArrowUp':
      return 'up'
    case 'Tab':
      return shift ? 'prev' : 'next'
    case 'ArrowLeft':
      return caret.start === 0 && caret.end === 0 ? 'left' : null
    case 'ArrowRight':
      return caret.start === caret.length && caret.end === caret.length ? 'right' : null
    default:
      return null
  }
}

// ---- 其余填0 ------------------------------------------------------------------------------

/** The input cells with no value yet: what "其余填0" fills (filled cells are never touched). */
export function emptyInputCells(grid: TableGrid, values: Readonly<Record<string, MetricValue | undefined>>): string[] {
  const out: string[] = []
  for (const row of grid.rows) {
    for (const cell of row) {
      if (!isInput(cell)) continue
      const v = values[cell!.metricId]?.value
      if (v === null || v === undefined || v === '') out.push(cell!.metricId)
    }
  }
  return out
}
