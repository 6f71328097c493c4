// 检查 (公文校对): the stored report → resolved as typed (raw) → every check. Run by the 检查
// button and before 送审 and every export, after the editor has flushed its autosave.
import { runChecks, type CheckItem } from '@core/checks'
import type { ReportDocJSON } from '@core/report'
import { resolveReport } from '@core/resolve'
import { getTemplate } from '@core/templates'
import { getDatabase, getReport, loadMetricValues, loadSections, type HuibaoDatabase } from '../db/database'

export class ProofreadError extends Error {
  override name = 'ProofreadError'
}

/** Today in local time as 'YYYY-MM-DD' (the clerk's calendar, not UTC). */
export function localToday(now = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0')
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`
}

export async function proofreadReport(reportId: string, deps: { db?: HuibaoDatabase; today?: string } = {}): Promise<CheckItem[]> {
  const db = deps.db ?? getDatabase()
  const report = await getReport(db, reportId)
  if (!report) throw new ProofreadError('检查失败：找不到这份报告，它可能已被删除。')
  const template = getTemplate(report.templateId, report.templateVersion)
  if (!template) throw new ProofreadError('检查失败：找不到这份报告使用的模板。')
  const [sections, values] = await Promise.all([loadSections(db, report), loadMetricValues(db, reportId)])
  const previousValues = report.previousReportId ? await loadMetricValues(db, report.previousReportId) : undefined
  const doc = { type: 'doc', content: sections } as ReportDocJSON
  const resolved = resolveReport(report, doc, template, values, { raw: true, previousValues })
  return runChecks({ report: resolved, template, values, year: report.meta.year, date: report.meta.date, today: deps.today ?? localToday() })
}
