// The 政府信息公开 statistics tables, typed in Word in the official format, read into the
// template's metric tables. Merged cells are expanded to the table grid first (gridSpan across,
// vMerge down), so each data column carries the stack of header texts above it — '申请人情况 /
// 法人或其他组织 / 商业企业' — and is matched to a template column by that stack, not by position.
import { metricTableCellId } from '../metric-tables'
import type { MetricTableDefinition, MetricValue, ReportTemplate } from '../template'
import type { ImportedTable } from './recognise'

/** Cell text for comparison: no spaces, unified brackets and quotes. */
export function normLabel(s: string): string {
  return s
    .replace(/[\s\u3000]+/g, '')
    .replace(/\(/g, '（')
    .replace(/\)/g, '）')
    .replace(/[“”"]/g, '"')
    .replace(/[．]/g, '.')
}

/** The table as a full grid: each covered grid position holds the text of the cell covering it. */
export function expandGrid(t: ImportedTable): string[][] {
  const grid: string[][] = []
  t.rows.forEach((row, r) => {
    const out: string[] = []
    let col = 0
    for (const cell of row) {
      for (let k = 0; k < cell.span; k++) {
        // A vertically merged continuation cell shows the text of the cell above it.
        out[col] = cell.vMerge === 'continue' ? (grid[r - 1]?.[col] ?? '') : cell.text
        col++
      }
    }
    grid.push(out)
  })
  return grid
}

function toNumber(text: string): number | null | undefined {
  const t = text.replace(/[\s\u3000]/g, '').replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xff10 + 0x30)).replace('．', '.')
  if (t === '' || t === '—' || t === '-' || t === '／' || t === '/') return null
  if (!/^\d+(\.\d+)?$/.test(t)) return undefined
  return Number(t)
}

export interface MatchedTable {
  tableId: string
  title: string
  /** Cells filled from the document. */
  filled: number
}

/** Finds the header stack column for each template column; null when the table is not this one. */
function matchColumns(grid: string[][], def: MetricTableDefinition): Map<string, number> | null {
  const width = Math.max(...grid.map((r) => r.length))
  const headerDepth = Math.min(grid.length, 4)
  const stacks: string[][] = []
  for (let c = 0; c < width; c++) {
    const stack: string[] = []
    for (let r = 0; r < headerDepth; r++) {
      const t = normLabel(grid[r][c] ?? '')
      if (t && stack[stack.length - 1] !== t) stack.push(t)
    }
    stacks.push(stack)
  }
  const used = new Set<number>()
  const out = new Map<string, number>()
  for (const col of def.columns) {
    const want = [...(col.groups ?? []), col.label].map(normLabel)
    const idx = stacks.findIndex((s, i) => !used.has(i) && s.includes(want[want.length - 1]) && want.every((w) => s.some((x) => x === w || x.includes(w))))
    if (idx < 0) return null
    used.add(idx)
    out.set(col.key, idx)
  }
  return out
}

const stripNumber = (s: string) => s.replace(/^([一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+\.)/, '')

function matchRows(grid: string[][], def: MetricTableDefinition, dataCols: Set<number>): Map<string, number> | null {
  const out = new Map<string, number>()
  const rows = def.rows.filter((r) => !r.heading)
  if (rows.length === 1 && rows[0].label === '') {
    // A single unlabeled data row (table 四): the last row with a figure in a data column.
    const r = grid.findIndex((row) => [...dataCols].some((c) => toNumber(row[c] ?? '') !== undefined && toNumber(row[c] ?? '') !== null))
    if (r < 0) return null
    out.set(rows[0].key, r)
    return out
  }
  let from = 0
  for (const row of rows) {
    const want = normLabel(row.label)
    const found = grid.findIndex((cells, i) => {
      if (i < from) return false
      const labels = cells.filter((_, c) => !dataCols.has(c)).map(normLabel)
      const lastLabel = labels.filter((l) => l !== '').at(-1) ?? ''
      return lastLabel === want || stripNumber(lastLabel) === stripNumber(want) || lastLabel.startsWith(want)
    })
    // A row the clerk deleted (or never typed) is left empty; the others still count.
    if (found < 0) continue
    out.set(row.key, found)
    from = found + 1
  }
  return out.size > 0 ? out : null
}

/**
 * Reads the template's metric tables out of the document's tables. Returns the values and the
 * tables consumed (they are not kept as plain tables too).
 */
export function matchMetricTables(tables: readonly ImportedTable[], template: ReportTemplate): { values: MetricValue[]; used: Set<ImportedTable>; matched: MatchedTable[] } {
  const values: MetricValue[] = []
  const used = new Set<ImportedTable>()
  const matched: MatchedTable[] = []
  const computed = new Set(template.metrics.filter((m) => m.formula).map((m) => m.id))
  for (const def of template.tables ?? []) {
    for (const t of tables) {
      if (used.has(t)) continue
      const grid = expandGrid(t)
      if (grid.length < 2) continue
      const cols = matchColumns(grid, def)
      if (!cols) continue
      const rows = matchRows(grid, def, new Set(cols.values()))
      if (!rows) continue
      let filled = 0
      for (const [rowKey, r] of rows) {
        for (const [colKey, c] of cols) {
          const id = metricTableCellId(def.id, rowKey, colKey)
          const n = toNumber(grid[r][c] ?? '')
          // Sums are computed by the template; a typed total is never stored over them.
          if (computed.has(id) || n === undefined || n === null) continue
          values.push({ metricId: id, value: n, qualifier: '' })
          filled++
        }
      }
      used.add(t)
      matched.push({ tableId: def.id, title: def.title, filled })
      break
    }
  }
  return { values, used, matched }
}
