// Everything the page view and the print view need for one report, read from the database:
// the resolved text, the per-report layout choices and the page blocks built from them.
import type { Report, ReportDocJSON } from '@core/report'
import type { ResolvedReport } from '@core/resolved'
import type { ReportTemplate } from '@core/template'
import { getTemplate } from '@core/templates'
import { resolveReport } from '@core/resolve'
import type { Attachment } from '@core/pages/attachments'
import { reportBlocks, type PageBlock } from '@core/pages/blocks'
import { reportLayout } from '@core/pages/report-layout'
import { withoutSuggestedInsertions } from '@core/pages/comments'
import type { EffectiveLayoutSettings, ReportLayoutSettings } from '@core/pages/settings'
import { effectiveLayout } from '@core/pages/settings'
import { snapshotReport } from '@core/review/approval'
import { getDatabase, getReport, loadMetricValues, loadSections, type HuibaoDatabase } from '../../db/database'
import { verifyApproved } from '../../services/approval'

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
}

export async function loadPrintable(reportId: string, db: HuibaoDatabase = getDatabase(), options: PrintableOptions = {}): Promise<Printable> {
  const report = await getReport(db, reportId)
  if (!report || report.deletedAt !== null) throw new PrintableError('找不到这份报告，它可能已被删除。请返回报告列表重新打开。')
  if (report.status === 'approved' || report.status === 'sent') return loadApprovedPrintable(report, db, options)
  const template = getTemplate(report.templateId, report.templateVersion)
  if (!template) throw new PrintableError('找不到这份报告使用的模板，无法排版。')
  const [sections, values] = await Promise.all([loadSections(db, report), loadMetricValues(db, reportId)])
  const doc = { type: 'doc', content: sections } as ReportDocJSON
  // Year-on-year chips need last year's figures, as the Word export reads them.
  const previousValues = report.previousReportId ? await loadMetricValues(db, report.previousReportId) : undefined
  const resolved = options.comments
    ? resolveReport(report, withoutSuggestedInsertions(doc), template, values, { previousValues, review: true })
    : resolveReport(report, doc, template, values, { previousValues })
  const { settings, attachments } = reportLayout(report, template, values, previousValues)
  const blocks = reportBlocks(resolved, settings.profile, { signatureRule: settings.signatureRule, attachments })
  return { report, template, resolved, settings, attachments, blocks }
}

/**
 * An approved report is shown and printed from the snapshot frozen at approval (last year's
 * figures as they were then), after the same check as its exports: if the report changed
 * since, the pages are refused with the list of what changed rather than shown changed.
 */
async function loadApprovedPrintable(report: Report, db: HuibaoDatabase, options: PrintableOptions): Promise<Printable> {
  let verified: Awaited<ReturnType<typeof verifyApproved>>
  try {
    verified = await verifyApproved(db, report.id)
  } catch (error) {
    throw new PrintableError(error instanceof Error ? error.message : String(error))
  }
  const { snapshot, output, template } = verified
  const resolved = options.comments
    ? resolveReport(snapshotReport(snapshot, report.id), withoutSuggestedInsertions({ type: 'doc', content: snapshot.sections } as ReportDocJSON), template, snapshot.values, {
        previousValues: snapshot.previousValues ?? undefined,
        review: true
      })
    : output.resolved
  const settings = effectiveLayout(snapshot.layout ?? undefined)
  const blocks = reportBlocks(resolved, output.profile, { signatureRule: output.signatureRule, attachments: output.attachments })
  return { report, template, resolved, settings, attachments: output.attachments, blocks }
}
