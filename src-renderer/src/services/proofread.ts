// 检查 (公文校对): the stored report → resolved as typed (raw) → every check. Run by the 检查
// button and before 送审 and every export, after the editor has flushed its autosave.
import { runChecks, type CheckItem } from '@core/checks'
import { resolveReport } from '@core/resolve'
import type { HuibaoDatabase } from '../db/database'
import { loadReportBundle, ReportBundleError, type ReportBundle } from './report-bundle'

export class ProofreadError extends Error {
  override name = 'ProofreadError'
}

/** Today in local time as 'YYYY-MM-DD' (the clerk's calendar, not UTC). */
export function localToday(now = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0')
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`
}

export async function proofreadReport(reportId: string, deps: { db?: HuibaoDatabase; today?: string } = {}): Promise<CheckItem[]> {
  let bundle: ReportBundle
  try {
    bundle = await loadReportBundle(reportId, { db: deps.db })
  } catch (error) {
    if (error instanceof ReportBundleError) throw new ProofreadError(`检查失败：${error.message}`)
    throw error
  }
  const { report, template, doc, values, previousValues } = bundle
  const resolved = resolveReport(report, doc, template, values, { raw: true, previousValues })
  return runChecks({ report: resolved, template, values, year: report.meta.year, date: report.meta.date, today: deps.today ?? localToday() })
}
