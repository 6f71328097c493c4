// "导出Word": DB → resolved report → DOCX bytes → the platform's save (dialog or download).
// The editor flushes its autosave and runs the pre-export check before calling this, so
// what is exported is exactly what is stored.
import type { ReportDocJSON } from '@core/report'
import type { SaveFileResult } from '@contract/ipc'
import { getTemplate } from '@core/templates'
import { resolveReport } from '@core/resolve'
import { exportReportDocx, suggestedDocxFileName } from '@core/docx/export'
import { reportLayout } from '@core/pages/report-layout'
import { getDatabase, getReport, loadMetricValues, loadSections, type HuibaoDatabase } from '../db/database'
import { getPlatform, type Platform } from '../platform'
import type { ResolvedReport } from '@core/resolved'
import type { ApprovedOutput } from '@core/review/approval'

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
  /**
   * An approved report: its output as frozen and verified at approval (services/approval.ts).
   * Written as is; nothing is read from the live report.
   */
  approved?: ApprovedOutput
}

export async function exportReportAsDocx(reportId: string, deps: ExportDocxDeps = {}): Promise<SaveFileResult> {
  const db = deps.db ?? getDatabase()
  const report = await getReport(db, reportId)
  if (!report) throw new ExportError('导出失败：找不到这份报告，它可能已被删除。')
  const approved = deps.approved
  if (approved) {
    const data = await buildDocx(() => exportReportDocx(approved.resolved, approved.profile, { signatureRule: approved.signatureRule, attachments: approved.attachments }))
    return saveDocx(data, report.meta.title, deps)
  }
  const template = getTemplate(report.templateId, report.templateVersion)
  if (!template) throw new ExportError('导出失败：找不到这份报告使用的模板。')
  const [sections, values] = await Promise.all([loadSections(db, report), loadMetricValues(db, reportId)])
  const doc = { type: 'doc', content: sections } as ReportDocJSON

  // Year-on-year chips need last year's figures.
  const previousValues = report.previousReportId ? await loadMetricValues(db, report.previousReportId) : undefined
  const data = await buildDocx(async () => {
    // The report's own layout choices, as the page view and the PDF use them.
    const layout = reportLayout(report, template, values, previousValues)
    const resolved = resolveReport(report, doc, template, values, { previousValues, review: Boolean(deps.review) })
    return exportReportDocx(deps.review ? await deps.review(resolved) : resolved, layout.profile, { signatureRule: layout.signatureRule, attachments: layout.attachments })
  })
  return saveDocx(data, report.meta.title, deps)
}

async function buildDocx(build: () => Promise<Uint8Array>): Promise<Uint8Array> {
  try {
    return await build()
  } catch (error) {
    console.error('[huibao] docx build failed', error)
    throw new ExportError(`导出失败：生成 Word 文档时出错（${error instanceof Error ? error.message : String(error)}）。`)
  }
}

function saveDocx(data: Uint8Array, title: string, deps: ExportDocxDeps): Promise<SaveFileResult> {
  return (deps.platform ?? getPlatform()).saveFile({
    suggestedName: suggestedDocxFileName(`${title}${deps.fileSuffix ?? ''}`),
    data,
    mimeType: DOCX_MIME_TYPE,
    filters: [{ name: 'Word 文档', extensions: ['docx'] }]
  })
}
