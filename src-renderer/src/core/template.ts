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
}

export interface MetricValue {
  metricId: string
  /** number for numeric types, string for 'text'; null while not filled in. */
  value: number | string | null
  qualifier: Qualifier
}
