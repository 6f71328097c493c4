// The report as data. The section content is stored as ProseMirror JSON restricted to the
// node types below, so the editor, storage and every export builder read the same shape.
import type { ReportLayoutSettings } from './pages/settings'
import type { ReviewMarkJSON } from './review/marks'
import type { MetricDefinition } from './template'

export type ReportStatus = 'draft' | 'submitted' | 'returned' | 'approved' | 'sent'

export const REPORT_STATUS_LABELS: Record<ReportStatus, string> = {
  draft: '草稿',
  submitted: '送审',
  returned: '退回修改',
  approved: '审核通过',
  sent: '已报送'
}

/** Heading level of a numbered section: 1 一、 2 （一） 3 1. 4 （1） */
export type SectionLevel = 1 | 2 | 3 | 4

export interface ReportMeta {
  /** Full title, composed from the template on creation and editable afterwards. */
  title: string
  /** 发文机关署名: one organ, or two for a joint Party–government report. */
  issuingOrgans: string[]
  /** 主送机关, written without the trailing colon. */
  addressee: string
  /** The year the report is about (e.g. 2024 for a report written in January 2025). */
  year: number
  /** 成文日期 as an ISO date 'YYYY-MM-DD'; rendered as 2025年1月15日. */
  date: string
}

export interface Report {
  id: string
  templateId: string
  templateVersion: number
  /** Last year's report of the same template, when linked: its figures are shown for comparison. */
  previousReportId?: string | null
  meta: ReportMeta
  status: ReportStatus
  /** Section ids in document order; the preamble is always first. */
  sectionOrder: string[]
  createdAt: number
  updatedAt: number
  /** Set when moved to the recycle bin; null while live. */
  deletedAt: number | null
  /** Page layout choices (profile, signature rule, attachments); absent means the defaults. */
  layout?: ReportLayoutSettings
  /**
   * The clerk's own metrics of this report (ids start with 'own.', see report-metrics.ts), shown
   * and resolved beside the template's; absent means none.
   */
  ownMetrics?: MetricDefinition[]
}

// ---- ProseMirror JSON subset -------------------------------------------------------------

export interface BoldMarkJSON {
  type: 'bold'
  attrs?: Record<string, unknown>
}

/** Bold, or a review mark (comment anchor, suggested insertion/deletion; see review/marks.ts). */
export type MarkJSON = BoldMarkJSON | ReviewMarkJSON

export interface TextJSON {
  type: 'text'
  text: string
  marks?: MarkJSON[]
}

/** A live figure: holds only the metric id; the value is looked up when shown or exported. */
export interface MetricChipJSON {
  type: 'metric'
  /** show: 'yoy' shows the change since last year instead of the figure (absent/'value': the figure). A flag, never a value. */
  attrs: { metricId: string; show?: 'value' | 'yoy' }
  /** Only review marks: a chip can be commented on or suggested in/out. */
  marks?: MarkJSON[]
}

export interface HardBreakJSON {
  type: 'hardBreak'
  /** Only a suggestion mark: a suggested paragraph split (insertion) or join (deletion). */
  marks?: MarkJSON[]
}

export type InlineJSON = TextJSON | MetricChipJSON | HardBreakJSON

export interface ParagraphJSON {
  type: 'paragraph'
  content?: InlineJSON[]
}

export interface SectionTitleJSON {
  type: 'sectionTitle'
  content?: InlineJSON[]
}

/** The unnumbered opening text before the first heading (导语). */
export interface PreambleJSON {
  type: 'preamble'
  attrs: { id: string }
  content: ParagraphJSON[]
}

export interface SectionJSON {
  type: 'section'
  attrs: {
    id: string
    level: SectionLevel
    /** The template section it came from, for guidance and metric grouping; null if added by the user. */
    templateKey: string | null
    required: boolean
  }
  content: [SectionTitleJSON, ...ParagraphJSON[]]
}

export type BlockJSON = PreambleJSON | SectionJSON

export interface ReportDocJSON {
  type: 'doc'
  content: [PreambleJSON, ...SectionJSON[]]
}

export const PREAMBLE_ID = 'preamble'
