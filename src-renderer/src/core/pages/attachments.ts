// 附件: numbering, the attachment note under the body (附件说明), and the metric summary table
// generated from the report's figures. GB/T 9704 §7.3.4 and §8.
import { effectiveValues, formatMetricValue, valuesById } from '../metrics'
import type { MetricDefinition, MetricValue, ReportTemplate } from '../template'
import { yearOnYear } from '../year-on-year'
import { textWidthChars } from '../layout'
import type { FreeAttachment } from './settings'

export interface TableColumn {
  header: string
  /** Width in body characters; the columns add up to the line (28). */
  widthChars: number
  align: 'left' | 'center'
}

export interface AttachmentTable {
  columns: TableColumn[]
  rows: Array<{ cells: string[]; missing?: boolean }>
}

export interface Attachment {
  /** 1-based. */
  number: number
  /** "附件1"; a single attachment is just "附件". */
  label: string
  title: string
  paragraphs: string[]
  table: AttachmentTable | null
}

/** One line of the attachment note, in body characters from the left of the type area. */
export interface NoteLine {
  text: string
  /** Where the first line starts. */
  indentChars: number
  /** Where wrapped lines start: under the attachment name. */
  hangChars: number
}

export const METRIC_TABLE_COLUMNS: TableColumn[] = [
  { header: '指标', widthChars: 16, align: 'left' },
  { header: '单位', widthChars: 5, align: 'center' },
  { header: '数值', widthChars: 7, align: 'center' }
]

/** Shown in the 数值 column for a figure not yet filled in. */
export const NO_VALUE = '—'

export function metricTableTitle(year: number): string {
  return `${year}年度主要指标汇总表`
}

/**
 * With last year's column (附去年数值): the label column gives up room so that 上年数值 and 增减
 * fit the same 28-character line; the widths still add up to the line.
 */
export const METRIC_TABLE_COLUMNS_WITH_PREVIOUS: TableColumn[] = [
  { header: '指标', widthChars: 10, align: 'left' },
  { header: '单位', widthChars: 3, align: 'center' },
  { header: '数值', widthChars: 5, align: 'center' },
  { header: '上年数值', widthChars: 5, align: 'center' },
  { header: '增减', widthChars: 5, align: 'center' }
]

/** 增减 when the figures are equal. */
export const NO_CHANGE = '持平'

/** A value as the table writes it: without the unit (the 单位 column has it), with its qualifier. */
function cellValue(def: MetricDefinition, v: MetricValue | undefined): string | null {
  const text = formatMetricValue(def, v)
  if (text === null) return null
  return def.unit && text.endsWith(def.unit) ? text.slice(0, -def.unit.length) : text
}

/**
 * 增减: the signed change in the metric's own unit (percent metrics: in points), taken from the
 * year-on-year helper so the table and the chips never disagree; "—" while either year is missing.
 */
function changeCell(def: MetricDefinition, now: MetricValue | undefined, before: MetricValue | undefined): string {
  const r = yearOnYear(def, now, before, 'difference')
  if (r.state !== 'ok') return NO_VALUE
  if (r.direction === 'same') return NO_CHANGE
  const places = def.decimals ?? (def.type === 'percent' ? 1 : 2)
  const amount = Math.abs(r.change).toFixed(places).replace(/(\.\d*?)0+$/, '$1').replace(/\.$/, '')
  return `${r.change > 0 ? '+' : '-'}${amount}`
}

/**
 * Every metric of the template, in template order, with its value written without the unit.
 * Computed metrics show their result. Given last year's values (a linked report), two more
 * columns: 上年数值 and 增减.
 */
export function metricSummaryTable(template: ReportTemplate, values: readonly MetricValue[], previousValues?: readonly MetricValue[] | null): AttachmentTable {
  const byId = valuesById(effectiveValues(template, values))
  const before = previousValues ? valuesById(effectiveValues(template, previousValues)) : null
  return {
    columns: before ? METRIC_TABLE_COLUMNS_WITH_PREVIOUS : METRIC_TABLE_COLUMNS,
    rows: template.metrics.map((def) => {
      const now = byId.get(def.id)
      const value = cellValue(def, now)
      const cells = [def.label, def.unit || NO_VALUE, value ?? NO_VALUE]
      if (before) {
        const prev = before.get(def.id)
        cells.push(cellValue(def, prev) ?? NO_VALUE, changeCell(def, now, prev))
      }
      return value === null ? { cells, missing: true } : { cells }
    })
  }
}

export interface AttachmentInput {
  metricTable: boolean
  attachments: FreeAttachment[]
  template: ReportTemplate
  values: readonly MetricValue[]
  year: number
  /** Last year's values when the report is linked to last year's and 附去年数值 is on. */
  previousValues?: readonly MetricValue[] | null
}

export function buildAttachments(input: AttachmentInput): Attachment[] {
  const drafts: Array<Omit<Attachment, 'number' | 'label'>> = []
  if (input.metricTable) {
    drafts.push({ title: metricTableTitle(input.year), paragraphs: [], table: metricSummaryTable(input.template, input.values, input.previousValues) })
  }
  for (const a of input.attachments) {
    const title = a.title.trim()
    if (title === '') continue
    drafts.push({ title, paragraphs: a.paragraphs.map((p) => p.trim()).filter((p) => p !== ''), table: null })
  }
  const single = drafts.length === 1
  return drafts.map((d, i) => ({ ...d, number: i + 1, label: single ? '附件' : `附件${i + 1}` }))
}

/**
 * 附件说明: one blank line under the body, indented two characters. One attachment: "附件：名称";
 * several: "附件：1.名称" with the following items aligned under "1.". No punctuation after names.
 */
export function attachmentNote(attachments: readonly Attachment[]): NoteLine[] {
  if (attachments.length === 0) return []
  const lead = '附件：'
  const leadWidth = textWidthChars(lead)
  const name = (t: string) => t.replace(/[。；，、.;,]+$/, '')
  if (attachments.length === 1) {
    return [{ text: lead + name(attachments[0].title), indentChars: 2, hangChars: 2 + leadWidth }]
  }
  return attachments.map((a, i) => {
    const num = `${a.number}.`
    const text = (i === 0 ? lead : '') + num + name(a.title)
    return { text, indentChars: i === 0 ? 2 : 2 + leadWidth, hangChars: 2 + leadWidth + textWidthChars(num) }
  })
}
