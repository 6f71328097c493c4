// Report templates and metric definitions: what a report is made from.
import type { SectionLevel } from './report'

export type MetricType = 'integer' | 'decimal' | 'percent' | 'text'

/**
 * How Chinese reports soften a figure: 余 and 多 follow the number ("120余次", "3300多份"),
 * 约 precedes it ("约20户次"). '' means the figure is exact.
 */
export type Qualifier = '' | '余' | '多' | '约'

export interface MetricDefinition {
  /** Stable id within the template, e.g. 'enforcement.patrols'. Chips and stored values use it. */
  id: string
  /** What the clerk sees in the form, e.g. '日常巡查次数'. */
  label: string
  /** Unit written after the number, e.g. '次', '户次', '份（册）'; '%' for percent; '' for none. */
  unit: string
  type: MetricType
  /** Allowed range for numeric types (inclusive). */
  min?: number
  max?: number
  /** Decimal places kept for 'decimal' and 'percent'. */
  decimals?: number
  /** Qualifiers the clerk may pick for this metric; [] for exact-only figures. */
  qualifiers: Qualifier[]
  /** The template section the metric is grouped under in the form. */
  sectionKey: string
  /** Short help shown under the input. */
  hint?: string
  /**
   * Other words reports use for this figure ('日常巡查', '巡查检查'). 数字检查 proposes the metric
   * for a figure in the text only when the words of its clause match the label or an alias.
   */
  aliases?: string[]
  /**
   * Set for a computed metric: a formula over other metric ids (see formula.ts), e.g.
   * 'certified / staff * 100'. Computed metrics are never typed; the form shows the result.
   */
  formula?: string
}

/** One column of a metric table; `groups` are the spanning header cells above it, outermost first. */
export interface MetricTableColumn {
  key: string
  label: string
  groups?: string[]
  /** Relative width (default 1); exporters turn these into explicit widths. */
  width?: number
}

export interface MetricTableRow {
  key: string
  /** Row label as printed, including its own numbering, e.g. '（一）予以公开'. */
  label: string
  /** Indent depth of the label (0 = flush). */
  indent?: number
  /** A heading row groups the rows below it and has no cells. */
  heading?: boolean
}

/**
 * A table whose cells are metrics: cell (row, column) is the metric with id
 * metricTableCellId(table.id, row.key, column.key). Computed cells (sums) are metrics with a
 * formula, so they are never typed and always add up.
 */
export interface MetricTableDefinition {
  id: string
  /** Printed above the table, e.g. '二、主动公开政府信息情况（第二十条第（一）项）'. */
  title: string
  sectionKey: string
  /** Header of the row-label column; '' for a table with a single unlabeled data row. */
  rowHeader: string
  columns: MetricTableColumn[]
  rows: MetricTableRow[]
  /** Unit shown under the title when all cells share one, e.g. '单位：件'. */
  unitNote?: string
  /** Row-label column width relative to a data column (default 3). */
  rowHeaderWidth?: number
}

/** An arithmetic rule the typed figures must satisfy, e.g. received + carried = handled + carried over. */
export interface MetricCheck {
  id: string
  left: string
  op: '=' | '<=' | '>='
  right: string
  /** Chinese message shown when the rule is broken. */
  message: string
}

export interface TemplateSection {
  /** Stable key within the template. */
  key: string
  level: SectionLevel
  /** Heading text without numbering; '{year}' and '{nextYear}' are filled on creation. */
  title: string
  /** Writing guidance shown as a hint in the editor, never exported. */
  guidance: string
  required: boolean
}

export interface ReportTemplate {
  id: string
  /** Bumped on every change; a report records the version it was made from. */
  version: number
  name: string
  description: string
  builtIn: boolean
  /** e.g. '{organs}关于{year}年法治政府建设情况的报告' */
  titlePattern: string
  /** Suggested 主送机关, e.g. '中共××县委、××县人民政府'. */
  defaultAddressee: string
  preambleGuidance: string
  sections: TemplateSection[]
  metrics: MetricDefinition[]
  /** Metric tables (optional: templates without tables leave it out). */
  tables?: MetricTableDefinition[]
  /** Cross-checks over typed figures. */
  checks?: MetricCheck[]
  /**
   * Version of an externally prescribed format the template follows, e.g. '2021' for the
   * national disclosure-report format, so a later format can sit beside it.
   */
  formatVersion?: string
  /** For copies: the template (id@version) this one was made from. */
  derivedFrom?: { id: string; version: number }
}

export interface MetricValue {
  metricId: string
  /** number for numeric types, string for 'text'; null while not filled in. */
  value: number | string | null
  qualifier: Qualifier
}
