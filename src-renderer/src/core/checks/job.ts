// 公文校对 of a stored report as one job of plain data: resolved as typed (raw), then every
// check. The report worker (workers/report-build.worker.ts) runs it so that checking a long
// report before an export does not freeze the window; where no Worker exists it runs in place.
import type { Report, ReportDocJSON } from '../report'
import type { MetricValue, ReportTemplate } from '../template'
import { resolveReport } from '../resolve'
import { runChecks } from './index'
import type { CheckItem } from './types'

export interface ChecksJob {
  report: Report
  doc: ReportDocJSON
  template: ReportTemplate
  values: MetricValue[]
  previousValues?: MetricValue[]
  /** Today as 'YYYY-MM-DD' in the clerk's calendar. */
  today: string
}

export function runChecksJob(job: ChecksJob): CheckItem[] {
  const { report, doc, template, values, previousValues, today } = job
  const resolved = resolveReport(report, doc, template, values, { raw: true, previousValues })
  return runChecks({ report: resolved, template, values, year: report.meta.year, date: report.meta.date, today })
}
