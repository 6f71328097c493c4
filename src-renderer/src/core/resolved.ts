// A report resolved for output: numbering computed, chips replaced by their text, guidance
// dropped. Every export builder (DOCX now, page view and PDF later) reads only this shape.
import type { SectionLevel } from './report'

export interface ResolvedRun {
  text: string
  bold?: boolean
  /** True when the run came from a metric chip (for highlighting empty values in previews). */
  fromMetric?: boolean
  /** True for a chip whose metric has no value yet: its text is a placeholder. */
  missing?: boolean
}

export interface ResolvedParagraph {
  runs: ResolvedRun[]
}

export interface ResolvedSection {
  id: string
  level: SectionLevel
  /** '一、', '（一）', '1.', '（1）' */
  number: string
  /** Heading text without its number. */
  title: ResolvedRun[]
  paragraphs: ResolvedParagraph[]
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
}
