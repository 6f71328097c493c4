// Everything the page view and the print view need for one report, read from the database:
// the resolved text, the per-report layout choices and the page blocks built from them.
import type { Report, ReportDocJSON } from '@core/report'
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
import { effectiveLayout } from '@core/pages/settings'
import { snapshotReport } from '@core/review/approval'
import { verifyApproved } from './approval'
import type { Role } from '@core/review/workflow'

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
  /** The print window: read the sections in one request (nobody sees that window's frames). */
  oneRead?: boolean
}

export async function loadPrintable(reportId: string, options: PrintableOptions = {}): Promise<Printable> {
  let bundle
  try {
    bundle = await loadReportBundle(reportId, { db: options.db, catalog: options.catalog, oneRead: options.oneRead })
  } catch (error) {
    if (error instanceof ReportBundleError) throw new PrintableError(error.message)
    throw error
  }
  const { report, template, doc, values, previousValues } = bundle
  if (report.status === 'approved' || report.status === 'sent') return loadApprovedPrintable(report, options)
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
async function loadApprovedPrintable(report: Report, options: PrintableOptions): Promise<Printable> {
  let verified: Awaited<ReturnType<typeof verifyApproved>>
  try {
    verified = await verifyApproved(options.db ?? getDatabase(), report.id, { catalog: options.catalog })
  } catch (error) {
    throw new PrintableError(error instanceof Error ? error.message : String(error))
  }
  const { snapshot, output, template } = verified
  // Checked in place (no offThread), so the snapshot is there.
  if (!snapshot) throw new PrintableError('审核通过的内容无法读取，请重新打开报告。')
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

/** Stores the page view's layout choices (排版方案, 落款方式, attachments) on the report. */
export async function saveLayoutSettings(reportId: string, layout: ReportLayoutSettings, by: Role = 'clerk', db: HuibaoDatabase = getDatabase()): Promise<void> {
  // Refused while the report is 送审/审核通过/已报送 (db/lock.ts): layout reaches the output.
  await updateReport(db, reportId, { layout }, by)
}
