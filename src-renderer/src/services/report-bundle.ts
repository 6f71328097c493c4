// The one way a report leaves the database for any output or comparison: the report row, the
// exact template version it was made from, its document, its figures and last year's figures
// (for 同比 chips). The editor, page view, print view, compare view and every export start here,
// so they cannot disagree about what "the report" is (deleted reports, template versions).
import type { Report, ReportDocJSON } from '@core/report'
import type { MetricValue, ReportTemplate } from '@core/template'
import { TemplateCatalog, TemplateVersionMissing } from '@core/templates/catalog'
import { withReportMetrics } from '@core/report-metrics'
import { getDatabase, getReport, listTemplateRows, loadMetricValues, loadPreviousYearValues, loadReportAtOnce, loadSections, type HuibaoDatabase } from '../db/database'

export class ReportBundleError extends Error {
  override name = 'ReportBundleError'
}

export interface ReportBundle {
  report: Report
  template: ReportTemplate
  doc: ReportDocJSON
  values: MetricValue[]
  /** Last year's figures when the report is linked to last year's report. */
  previousValues?: MetricValue[]
}

export interface LoadBundleOptions {
  db?: HuibaoDatabase
  /** The app's catalog (templates store); read from the database when absent. */
  catalog?: TemplateCatalog
  /** Also open a report that sits in the recycle bin (restore previews). */
  includeDeleted?: boolean
  /**
   * Read the row, its sections and figures at once, the sections in one request (a hidden
   * window: no frame to keep smooth; see loadReportAtOnce).
   */
  oneRead?: boolean
}

export async function loadTemplateCatalog(db: HuibaoDatabase = getDatabase()): Promise<TemplateCatalog> {
  return new TemplateCatalog(await listTemplateRows(db))
}

export async function loadReportBundle(reportId: string, options: LoadBundleOptions = {}): Promise<ReportBundle> {
  const db = options.db ?? getDatabase()
  // The report row and the catalog in one round of reads: every PDF waits for both. The print
  // window reads the sections and figures in that round too.
  const first = options.oneRead ? loadReportAtOnce(db, reportId) : getReport(db, reportId).then((report) => ({ report, sections: undefined, values: undefined }))
  const [read, catalog] = await Promise.all([first, options.catalog ?? loadTemplateCatalog(db)])
  const report = read.report
  if (!report || (report.deletedAt !== null && !options.includeDeleted)) {
    throw new ReportBundleError('找不到这份报告，它可能已被删除。请返回报告列表重新打开。')
  }
  let base: ReportTemplate
  try {
    base = catalog.forReport(report)
  } catch (error) {
    if (error instanceof TemplateVersionMissing) throw new ReportBundleError(error.message)
    throw error
  }
  const [sections, values, previousValues] = await Promise.all([
    read.sections ?? loadSections(db, report),
    read.values ?? loadMetricValues(db, reportId),
    // Last year's figures matched to this year's metrics (own metrics by label too).
    loadPreviousYearValues(db, report, base, (r) => {
      try {
        return catalog.forReport(r)
      } catch {
        return undefined
      }
    })
  ])
  // The template as this report sees it: its metrics plus the report's own.
  const template = withReportMetrics(base, report)
  return { report, template, doc: { type: 'doc', content: sections } as ReportDocJSON, values, previousValues }
}

/** The report row alone (titles, status), or undefined when it does not exist. */
export function findReport(reportId: string, db: HuibaoDatabase = getDatabase()): Promise<Report | undefined> {
  return getReport(db, reportId)
}
