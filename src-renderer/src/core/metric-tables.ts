// Metric tables: tables whose cells are metrics. Building their cell metrics (typed cells and
// computed sums), laying out multi-level headers, resolving values for display/export, and
// checking the rules a table's figures must satisfy.
import { computeFormula, parseFormula, type FormulaResult } from './formula'
import { computeMetricResults, formatMetricValue, valuesById } from './metrics'
import type {
  MetricCheck,
  MetricDefinition,
  MetricTableColumn,
  MetricTableDefinition,
  MetricTableRow,
  MetricType,
  MetricValue,
  ReportTemplate
} from './template'

/** The metric id of one table cell. */
export function metricTableCellId(tableId: string, rowKey: string, columnKey: string): string {
  return `${tableId}.${rowKey}.${columnKey}`
}

export interface TableMetricOptions {
  unit: string
  type?: Exclude<MetricType, 'text' | 'percent'>
  decimals?: number
  /** Short table name starting each cell's label, e.g. '表三'; the title when left out. */
  labelPrefix?: string
  /** Returns a formula for a computed cell, or undefined for a typed one. */
  computed?: (row: MetricTableRow, column: MetricTableColumn) => string | undefined
}

/**
 * One metric per data cell (heading rows have none). Labels read '表三·（三）不予公开·1.属于国家秘密·自然人':
 * the table's short name, the row (with its parent heading when indented) and the column (with
 * its group when the label alone is ambiguous).
 */
export function buildTableMetrics(table: MetricTableDefinition, options: TableMetricOptions): MetricDefinition[] {
  const out: MetricDefinition[] = []
  const labelCount = new Map<string, number>()
  for (const c of table.columns) labelCount.set(c.label, (labelCount.get(c.label) ?? 0) + 1)
  const columnName = (c: MetricTableColumn): string => {
    const groups = c.groups ?? []
    const near = groups.length >= 2 ? `${groups[groups.length - 1]}·${c.label}` : c.label
    if ((labelCount.get(c.label) ?? 0) > 1) {
      const clash = table.columns.filter((o) => o !== c && o.label === c.label && (o.groups ?? []).at(-1) === groups.at(-1))
      return clash.length > 0 || groups.length < 2 ? [...groups, c.label].join('·') : near
    }
    return near
  }
  const parents: string[] = []
  for (const row of table.rows) {
    const indent = row.indent ?? 0
    parents[indent] = row.label.trim()
    parents.length = indent + 1
    if (row.heading) continue
    // Sub-rows such as '1.重复申请' only make sense with their heading.
    const rowName = indent >= 2 && parents[indent - 1] ? `${parents[indent - 1]}·${row.label.trim()}` : row.label.trim()
    for (const column of table.columns) {
      const formula = options.computed?.(row, column)
      out.push({
        id: metricTableCellId(table.id, row.key, column.key),
        label: [options.labelPrefix ?? table.title, rowName, columnName(column)].filter((s) => s !== '').join('·'),
        unit: options.unit,
        type: options.type ?? 'integer',
        min: 0,
        ...(options.decimals !== undefined ? { decimals: options.decimals } : {}),
        qualifiers: [],
        sectionKey: table.sectionKey,
        ...(formula !== undefined ? { formula } : {})
      })
    }
  }
  return out
}

/** sum({a}, {b}, …) over metric ids. */
export function sumFormula(ids: readonly string[]): string {
  return `sum(${ids.map((id) => `{${id}}`).join(', ')})`
}

// ---- Header layout --------------------------------------------------------------------------

export interface HeaderCell {
  text: string
  colSpan: number
  rowSpan: number
  /** True for the row-label column's header cell. */
  corner?: boolean
}

/**
 * The table head as rows of cells with spans, like an HTML/Word table: group labels span the
 * columns under them; a leaf whose group path is shorter spans down to the last header row.
 */
export function tableHeaderRows(table: MetricTableDefinition): HeaderCell[][] {
  const paths = table.columns.map((c) => [...(c.groups ?? []), c.label])
  const depth = Math.max(1, ...paths.map((p) => p.length))
  const rows: HeaderCell[][] = Array.from({ length: depth }, () => [])
  if (hasRowHeader(table)) rows[0].push({ text: table.rowHeader, colSpan: 1, rowSpan: depth, corner: true })
  for (let level = 0; level < depth; level++) {
    let i = 0
    while (i < paths.length) {
      const path = paths[i]
      if (level >= path.length) {
        i++
        continue
      }
      const isLeaf = level === path.length - 1
      let span = 1
      if (!isLeaf) {
        // Merge neighbours sharing the same group prefix up to this level.
        while (
          i + span < paths.length &&
          paths[i + span].length - 1 > level &&
          paths[i + span].slice(0, level + 1).join('\u0000') === path.slice(0, level + 1).join('\u0000')
        ) {
          span++
        }
      }
      rows[level].push({ text: path[level], colSpan: span, rowSpan: isLeaf ? depth - level : 1 })
      i += span
    }
  }
  return rows
}

/** A table has a row-label column unless it is a single unlabeled data row (e.g. Table 四). */
export function hasRowHeader(table: MetricTableDefinition): boolean {
  return table.rowHeader !== '' || table.rows.some((r) => r.label.trim() !== '')
}

/** Relative widths → fractions summing to 1 (row-label column first when present). */
export function tableColumnFractions(table: MetricTableDefinition): number[] {
  const widths = [...(hasRowHeader(table) ? [table.rowHeaderWidth ?? 3] : []), ...table.columns.map((c) => c.width ?? 1)]
  const total = widths.reduce((a, b) => a + b, 0)
  return widths.map((w) => w / total)
}

// ---- Resolved tables (display and export) ---------------------------------------------------

export interface ResolvedTableCell {
  metricId: string
  /** What is printed: the number, '' while empty. */
  text: string
  computed: boolean
  /** Computed cell that cannot be computed yet / typed cell still empty. */
  empty: boolean
  /** Explanation for a computed cell that failed (division by zero, broken formula). */
  problem?: string
}

export interface ResolvedTableRow {
  key: string
  label: string
  indent: number
  heading: boolean
  cells: ResolvedTableCell[]
}

export interface ResolvedTable {
  id: string
  title: string
  unitNote: string
  /** Header rows with spans; the first cell of the first row is the row-label header when present. */
  header: HeaderCell[][]
  rowHeader: boolean
  /** Column width fractions, summing to 1, row-label column first when present. */
  columnFractions: number[]
  rows: ResolvedTableRow[]
}

function problemOf(r: FormulaResult | undefined): string | undefined {
  if (!r) return undefined
  if (r.state === 'divByZero') return '无法计算：除数为 0'
  if (r.state === 'error') return `公式有误：${r.message}`
  return undefined
}

/**
 * A table ready to show or export. Empty typed cells print as '' (a clerk leaves a cell blank
 * rather than writing 0 only while drafting; the pre-export check lists them).
 */
export function resolveMetricTable(
  table: MetricTableDefinition,
  template: ReportTemplate,
  values: readonly MetricValue[],
  results: Map<string, FormulaResult> = computeMetricResults(template, values)
): ResolvedTable {
  const defs = new Map(template.metrics.map((m) => [m.id, m]))
  const byId = valuesById(values)
  const rows = table.rows.map((row): ResolvedTableRow => ({
    key: row.key,
    label: row.label,
    indent: row.indent ?? 0,
    heading: row.heading ?? false,
    cells: row.heading
      ? []
      : table.columns.map((col) => {
          const metricId = metricTableCellId(table.id, row.key, col.key)
          const def = defs.get(metricId)
          if (!def) return { metricId, text: '', computed: false, empty: true, problem: '表格单元格没有对应的指标' }
          if (def.formula !== undefined) {
            const r = results.get(metricId)
            const text = r?.state === 'ok' ? (formatMetricValue({ ...def, unit: '' }, { metricId, value: r.value, qualifier: '' }) ?? '') : ''
            const problem = problemOf(r)
            return { metricId, text, computed: true, empty: text === '', ...(problem ? { problem } : {}) }
          }
          const text = formatMetricValue({ ...def, unit: '' }, byId.get(metricId)) ?? ''
          return { metricId, text, computed: false, empty: text === '' }
        })
  }))
  return {
    id: table.id,
    title: table.title,
    unitNote: table.unitNote ?? '',
    header: tableHeaderRows(table),
    rowHeader: hasRowHeader(table),
    columnFractions: tableColumnFractions(table),
    rows
  }
}

// ---- Rules -------------------------------------------------------------------------------

export interface RuleViolation {
  /** The check id, or 'computed:<metricId>' for a stored value that contradicts a computed one. */
  id: string
  message: string
  metricIds: string[]
}

/**
 * Rules the figures break: every template check whose sides can be computed and disagree, and
 * every computed metric for which a different value was typed or imported (a total must add up).
 */
export function checkMetricRules(template: ReportTemplate, values: readonly MetricValue[]): RuleViolation[] {
  const out: RuleViolation[] = []
  const results = computeMetricResults(template, values)
  const byId = valuesById(values)
  const defs = new Map(template.metrics.map((m) => [m.id, m]))

  for (const [metricId, r] of results) {
    const stored = byId.get(metricId)?.value
    if (stored === null || stored === undefined || stored === '' || r.state !== 'ok') continue
    const n = typeof stored === 'number' ? stored : Number(stored)
    if (!Number.isFinite(n) || Math.abs(n - r.value) > 1e-9) {
      const label = defs.get(metricId)?.label ?? metricId
      out.push({
        id: `computed:${metricId}`,
        message: `“${label}”应为 ${r.value}（由其他数字自动计算），填写的 ${String(stored)} 与之不符`,
        metricIds: [metricId]
      })
    }
  }

  const lookup = (id: string): FormulaResult | number | null => {
    const r = results.get(id)
    if (r) return r
    const v = byId.get(id)?.value
    if (v === null || v === undefined || v === '') return null
    const n = typeof v === 'number' ? v : Number(v)
    return Number.isFinite(n) ? n : null
  }
  for (const check of template.checks ?? []) {
    const violation = evaluateCheck(check, lookup)
    if (violation) out.push(violation)
  }
  return out
}

function evaluateCheck(check: MetricCheck, lookup: (id: string) => FormulaResult | number | null): RuleViolation | null {
  const left = computeFormula(check.left, lookup)
  const right = computeFormula(check.right, lookup)
  // A rule is judged only once both sides can be computed: half-filled tables are normal.
  if (left.state !== 'ok' || right.state !== 'ok') return null
  const eps = 1e-9
  const holds =
    check.op === '=' ? Math.abs(left.value - right.value) <= eps : check.op === '<=' ? left.value <= right.value + eps : left.value >= right.value - eps
  if (holds) return null
  const ids = [...new Set([...refsOf(check.left), ...refsOf(check.right)])]
  return { id: check.id, message: `${check.message}（现为 ${left.value} 与 ${right.value}）`, metricIds: ids }
}

function refsOf(source: string): string[] {
  const parsed = parseFormula(source)
  return parsed.ok ? parsed.refs : []
}
