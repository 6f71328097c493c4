// The proofreading checks (公文校对): shared shapes. Every rule is a pure function from the
// report as it will be exported (ResolvedReport, resolved with { raw: true } so nothing typed is
// hidden) to a list of items the clerk works through.
import type { ResolvedReport } from '../resolved'
import type { MetricValue, ReportTemplate } from '../template'

export type Severity = '必须修改' | '建议检查'

/** completeness = item 2 of the issue, figures = 3, format = 4 (format, punctuation, numbers). */
export type CheckFamily = 'completeness' | 'figures' | 'format'

/**
 * Where an item points. Text spots carry the section id (the preamble's id for 导语), which
 * part of it (heading or body), the paragraph index among the resolved paragraphs of that part
 * and UTF-16 offsets into the paragraph's text (its runs joined). Other spots name a report
 * field, a metric or a table.
 */
export type CheckLocation =
  | { kind: 'text'; sectionId: string; part: 'title' | 'body'; paragraph: number; start: number; end: number }
  | { kind: 'field'; field: 'title' | 'addressee' | 'signature' | 'date'; start?: number; end?: number }
  | { kind: 'metric'; metricId: string }
  | { kind: 'table'; tableId: string; metricIds: string[] }
  | { kind: 'section'; sectionId: string }

/** A change certain enough to apply with one click. */
export type CheckFix =
  /** Replace `from` at a text location by `to` (the location's start..end must still read `from`). */
  | { kind: 'replace'; location: Extract<CheckLocation, { kind: 'text' }>; from: string; to: string; label: string }
  /** Write a new value into a report field (the addressee's commas). */
  | { kind: 'field'; field: 'addressee'; value: string; label: string }
  /** Fill the listed empty table cells with 0 (其余填0). */
  | { kind: 'fillZero'; metricIds: string[]; label: string }

export interface CheckItem {
  /** Stable for the same finding in the same place (rule + location). */
  id: string
  rule: string
  family: CheckFamily
  severity: Severity
  /** Chinese: what is wrong and what to do. */
  message: string
  /** Chinese: where, e.g. '二、主要举措 第3段', '主送机关'. */
  place: string
  location: CheckLocation
  fix?: CheckFix
}

export interface CheckInput {
  report: ResolvedReport
  template: ReportTemplate
  values: readonly MetricValue[]
  /** The year the report is about. */
  year: number
  /** 成文日期 as ISO 'YYYY-MM-DD'. */
  date: string
  /** Today as ISO 'YYYY-MM-DD' (passed in so the checks stay pure). */
  today: string
}

/** One line of text the checks read: a heading, a body paragraph or a report field. */
export interface TextUnit {
  kind: 'title' | 'addressee' | 'signature' | 'heading' | 'body'
  text: string
  /** Offsets of chip text inside `text` (figures there are the metric's own). */
  chips: Array<{ start: number; end: number; missing: boolean }>
  place: string
  /** Builds the location of a span of this unit. */
  at: (start: number, end: number) => CheckLocation
  /** The section (absent for report fields) and its level (0 = 导语). */
  sectionId?: string
  level?: number
}

export interface CheckContext extends CheckInput {
  units: TextUnit[]
}

export interface CheckRule {
  id: string
  family: CheckFamily
  /** Short Chinese name for lists and the README. */
  name: string
  run: (ctx: CheckContext) => CheckItem[]
}
