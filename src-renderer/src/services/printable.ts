// Everything the page view and the print view need for one report, read from the database:
// the resolved text, the per-report layout choices and the page blocks built from them.
import type { Report } from '@core/report'
import type { ResolvedReport } from '@core/resolved'
import type { ReportTemplate } from '@core/template'
import type { TemplateCatalog } from '@core/templates/catalog'
import { resolveReport } from '@core/resolve'
import type { Attachment } from '@core/pages/attachments'
import { reportBlocks, type PageBlock } from '@core/pages/blocks'
import { reportLayout } from '@core/pages/report-layout'
import { withoutSuggestedInsertions } from '@core/pages/comments'
import type { EffectiveLayoutSettings, ReportLayoutSettings } from '@core/pages/settings'
import { getDatabase, updateReport, type HuibaoDatabase } from '../db/database'
import { loadReportBundle, ReportBundleError } from './report-bundle'

export class PrintableError extends Error {
  override name = 'PrintableError'
}

export interface Printable {
  report: Report
  template: ReportTemplate
  resolved: ResolvedReport
  settings: EffectiveLayoutSettings
  attachments: Attachment[]
  blocks: PageBlock[]
}

/** The layout settings stored on the report (optional field, absent on older reports). */
export function storedLayout(report: Report): ReportLayoutSettings | undefined {
  return report.layout
}

export interface PrintableOptions {
  /**
   * Keep the comment anchors on the runs (the page view's 批注 highlights). The text, hence the
   * pagination, is the same as without; the print view never asks, so the PDF has none.
   */
  comments?: boolean
  db?: HuibaoDatabase
  catalog?: TemplateCatalog
}

export async function loadPrintable(reportId: string, options: PrintableOptions = {}): Promise<Printable> {
  let bundle
  try {
    bundle = await loadReportBundle(reportId, { db: options.db, catalog: options.catalog })
  } catch (error) {
    if (error instanceof ReportBundleError) throw new PrintableError(error.message)
    throw error
  }
  const { report, template, doc, values, previousValues } = bundle
  const resolved = options.comments
    ? resolveReport(report, withoutSuggestedInsertions(doc), template, values, { previousValues, review: true })
    : resolveReport(report, doc, template, values, { previousValues })
  const { settings, attachments } = reportLayout(report, template, values, previousValues)
  const blocks = reportBlocks(resolved, settings.profile, { signatureRule: settings.signatureRule, attachments })
  return { report, template, resolved, settings, attachments, blocks }
}

/** Stores the page view's layout choices (排版方案, 落款方式, attachments) on the report. */
export async function saveLayoutSettings(reportId: string, layout: ReportLayoutSettings, db: HuibaoDatabase = getDatabase()): Promise<void> {
  await updateReport(db, reportId, { layout })
}
