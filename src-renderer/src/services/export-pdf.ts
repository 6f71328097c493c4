// "导出PDF": the print view of the report printed by Chromium (Electron: a hidden window and
// the save dialog; browser: the print dialog). The file name is the title; title and author go
// into the PDF's properties.
import type { PrintToPdfResult } from '../platform/platform'
import { suggestedFileName } from '@core/docx/file-name'
import { getDatabase, getReport, type HuibaoDatabase } from '../db/database'
import { getPlatform, type Platform } from '../platform'

export class PdfExportError extends Error {
  override name = 'PdfExportError'
}

/** Report title → '<title>.pdf', with the same Windows-safe rules as the Word file name. */
export function suggestedPdfFileName(title: string): string {
  return suggestedFileName(title, '.pdf')
}

export async function exportReportAsPdf(
  reportId: string,
  deps: { db?: HuibaoDatabase; platform?: Platform } = {}
): Promise<PrintToPdfResult> {
  const db = deps.db ?? getDatabase()
  const report = await getReport(db, reportId)
  if (!report) throw new PdfExportError('导出失败：找不到这份报告，它可能已被删除。')
  const platform = deps.platform ?? getPlatform()
  if (!platform.printToPdf) throw new PdfExportError('导出失败：当前环境不支持导出 PDF。')
  const title = report.meta.title.replace(/\s*\n\s*/g, '').trim()
  return platform.printToPdf({
    reportId,
    suggestedName: suggestedPdfFileName(title),
    title,
    author: report.meta.issuingOrgans.map((o) => o.trim()).filter((o) => o !== '').join('、')
  })
}
