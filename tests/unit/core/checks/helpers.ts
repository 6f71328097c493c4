// Small reports for the check tests: paragraphs as strings, chips written {{120次}} (filled) or
// {{!日常巡查次数}} (empty, shown as 【未填：…】).
import type { ResolvedParagraph, ResolvedReport, ResolvedRun, ResolvedSection, ResolvedTable } from '@core/resolved'
import type { SectionLevel } from '@core/report'
import type { MetricValue, ReportTemplate } from '@core/template'
import { RULE_OF_LAW_TEMPLATE } from '@core/templates'
import { runChecks, type CheckInput, type CheckItem, type CheckRule } from '@core/checks'

export function runs(text: string): ResolvedRun[] {
  const out: ResolvedRun[] = []
  let last = 0
  for (const m of text.matchAll(/\{\{(!?)([^}]*)\}\}/g)) {
    if (m.index > last) out.push({ text: text.slice(last, m.index) })
    out.push(m[1] ? { text: `【未填：${m[2]}】`, fromMetric: true, missing: true } : { text: m[2], fromMetric: true })
    last = m.index + m[0].length
  }
  if (last < text.length) out.push({ text: text.slice(last) })
  return out
}

export const para = (text: string): ResolvedParagraph => ({ runs: runs(text) })

export interface SectionSpec {
  level?: SectionLevel
  title: string
  body?: string[]
  required?: boolean
  tables?: ResolvedTable[]
  number?: string
}

const NUMS = ['一、', '二、', '三、', '四、', '五、', '六、', '七、', '八、']

export function section(spec: SectionSpec, i: number): ResolvedSection {
  return {
    id: `s${i + 1}`,
    level: spec.level ?? 1,
    number: spec.number ?? NUMS[i] ?? `${i + 1}.`,
    title: runs(spec.title),
    paragraphs: (spec.body ?? ['本节正文。']).map(para),
    ...(spec.required ? { required: true } : {}),
    ...(spec.tables ? { tables: spec.tables } : {})
  }
}

export interface ReportSpec {
  title?: string
  addressee?: string
  signatures?: string[]
  dateText?: string
  preamble?: string[]
  sections?: SectionSpec[]
}

export function report(spec: ReportSpec = {}): ResolvedReport {
  return {
    title: spec.title ?? '示例镇人民政府关于2024年法治政府建设情况的报告',
    addressee: spec.addressee ?? '示例县人民政府：',
    preamble: (spec.preamble ?? []).map(para),
    sections: (spec.sections ?? []).map(section),
    signatures: spec.signatures ?? ['示例镇人民政府'],
    dateText: spec.dateText ?? '2025年1月15日',
    author: ''
  }
}

export function input(spec: ReportSpec = {}, extra: Partial<Omit<CheckInput, 'report'>> = {}): CheckInput {
  return {
    report: report(spec),
    template: extra.template ?? (RULE_OF_LAW_TEMPLATE as ReportTemplate),
    values: extra.values ?? ([] as MetricValue[]),
    year: extra.year ?? 2024,
    date: extra.date ?? '2025-01-15',
    today: extra.today ?? '2025-02-01'
  }
}

/** The items one rule finds in a report made of these body paragraphs (in the preamble). */
export function check(rule: CheckRule, paragraphs: string[], extra: Partial<Omit<CheckInput, 'report'>> = {}): CheckItem[] {
  return runChecks(input({ preamble: paragraphs }, extra), [rule])
}

/** The text each item points at (for text locations). */
export function flagged(items: CheckItem[], paragraphs: string[]): string[] {
  return items.map((i) => {
    const loc = i.location
    if (loc.kind !== 'text') return `<${loc.kind}>`
    const text = runs(paragraphs[loc.paragraph]).map((r) => r.text).join('')
    return text.slice(loc.start, loc.end)
  })
}
