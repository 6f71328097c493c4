// 附件: numbering, the attachment note under the body (附件说明), and the metric summary table
// generated from the report's figures. GB/T 9704 §7.3.4 and §8.
import { formatMetricValue, valuesById } from '../metrics'
import type { MetricValue, ReportTemplate } from '../template'
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

/** Every metric of the template, in template order, with its value written without the unit. */
export function metricSummaryTable(template: ReportTemplate, values: readonly MetricValue[]): AttachmentTable {
  const byId = valuesById(values)
  return {
    columns: METRIC_TABLE_COLUMNS,
    rows: template.metrics.map((def) => {
      const text = formatMetricValue(def, byId.get(def.id))
      if (text === null) return { cells: [def.label, def.unit || NO_VALUE, NO_VALUE], missing: true }
      const value = def.unit && text.endsWith(def.unit) ? text.slice(0, -def.unit.length) : text
      return { cells: [def.label, def.unit || NO_VALUE, value] }
    })
  }
}

export interface AttachmentInput {
  metricTable: boolean
  attachments: FreeAttachment[]
  template: ReportTemplate
  values: readonly MetricValue[]
  year: number
}

export function buildAttachments(input: AttachmentInput): Attachment[] {
  const drafts: Array<Omit<Attachment, 'number' | 'label'>> = []
  if (input.metricTable) {
    drafts.push({ title: metricTableTitle(input.year), paragraphs: [], table: metricSummaryTable(input.template, input.values) })
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
