// "导出Word": DB → resolved report → DOCX bytes → the platform's save (dialog or download).
// The editor flushes its autosave and runs the pre-export check before calling this, so
// what is exported is exactly what is stored.
import type { SaveFileResult } from '@contract/ipc'
import { resolveReport } from '@core/resolve'
import { exportReportDocx, suggestedDocxFileName } from '@core/docx/export'
import { reportLayout } from '@core/pages/report-layout'
import type { HuibaoDatabase } from '../db/database'
import { loadReportBundle, ReportBundleError, type ReportBundle } from './report-bundle'
import { getPlatform, type Platform } from '../platform'
import type { ResolvedReport } from '@core/resolved'

export const DOCX_MIME_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'

export class ExportError extends Error {
  override name = 'ExportError'
}

export interface ExportDocxDeps {
  db?: HuibaoDatabase
  platform?: Platform
  /**
   * The review copy (services/review-export.ts): review marks are kept on the runs and this
   * adds the Word comments; the file name gets `fileSuffix`. Absent for every other export.
   */
  review?: (resolved: ResolvedReport) => Promise<ResolvedReport>
  fileSuffix?: string
}

export async function exportReportAsDocx(reportId: string, deps: ExportDocxDeps = {}): Promise<SaveFileResult> {
  let bundle: ReportBundle
  try {
    bundle = await loadReportBundle(reportId, { db: deps.db })
  } catch (error) {
    if (error instanceof ReportBundleError) throw new ExportError(`导出失败：${error.message}`)
    throw error
  }
  const { report, template, doc, values, previousValues } = bundle

  let data: Uint8Array
  try {
    // The report's own layout choices, as the page view and the PDF use them.
    const layout = reportLayout(report, template, values, previousValues)
    const resolved = resolveReport(report, doc, template, values, { previousValues, review: Boolean(deps.review) })
    data = await exportReportDocx(deps.review ? await deps.review(resolved) : resolved, layout.profile, { signatureRule: layout.signatureRule, attachments: layout.attachments })
  } catch (error) {
    console.error('[huibao] docx build failed', error)
    throw new ExportError(`导出失败：生成 Word 文档时出错（${error instanceof Error ? error.message : String(error)}）。`)
  }
  return (deps.platform ?? getPlatform()).saveFile({
    suggestedName: suggestedDocxFileName(`${report.meta.title}${deps.fileSuffix ?? ''}`),
    data,
    mimeType: DOCX_MIME_TYPE,
    filters: [{ name: 'Word 文档', extensions: ['docx'] }]
  })
}
