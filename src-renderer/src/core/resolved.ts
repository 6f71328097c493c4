// A report resolved for output: numbering computed, chips replaced by their text, guidance
// dropped. Every export builder (DOCX now, page view and PDF later) reads only this shape.
import type { SectionLevel } from './report'
import type { ResolvedTable } from './metric-tables'

export type { ResolvedTable }

export interface ResolvedRun {
  text: string
  bold?: boolean
  /** True when the run came from a metric chip (for highlighting empty values in previews). */
  fromMetric?: boolean
  /** True for a chip whose metric has no value yet: its text is a placeholder. */
  missing?: boolean
  /** Only with resolveReport(…, { review: true }): the run's pending suggestion and comments. */
  review?: RunReview
}

export interface RunReview {
  change?: { kind: 'insertion' | 'deletion'; id: string; author: string; at: number }
  /** Comment thread ids covering the run. */
  comments?: string[]
}

export interface ResolvedParagraph {
  runs: ResolvedRun[]
}

export interface ResolvedSection {
  id: string
  level: SectionLevel
  /** A section the template requires (必写); absent when not required. */
  required?: boolean
  /** '一、', '（一）', '1.', '（1）' */
  number: string
  /** Heading text without its number. */
  title: ResolvedRun[]
  paragraphs: ResolvedParagraph[]
  /** Metric tables of the template section, printed after the paragraphs (absent when none). */
  tables?: ResolvedTable[]
}

export interface ResolvedReport {
  title: string
  /** 主送机关 with its trailing full-width colon, e.g. '中共鲁山县委、鲁山县人民政府：' */
  addressee: string
  preamble: ResolvedParagraph[]
  sections: ResolvedSection[]
  /** 发文机关署名, one line per organ. */
  signatures: string[]
  /** 成文日期 as written: '2025年1月15日'. */
  dateText: string
  /** Document properties. */
  author: string
  /** Only in the review copy: the comments (replies carry parentId) the runs' ranges point to. */
  comments?: ResolvedComment[]
}

export interface ResolvedComment {
  id: number
  parentId?: number
  author: string
  at: number
  text: string
}
