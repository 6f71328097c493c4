// "导出Word": DB → the report as plain data → DOCX bytes built in a Web Worker (resolve, docx,
// package step: ./docx-build.ts) → the platform's save (dialog or download). The editor flushes
// its autosave and runs the pre-export check before calling this, so what is exported is
// exactly what is stored. A failed build saves nothing.
import type { SaveFileResult } from '@contract/ipc'
import { suggestedFileName } from '@core/docx/file-name'
import type { DocxJob } from '@core/docx/job'
import type { ReviewCommentInput } from '@core/docx/review'
import type { HuibaoDatabase } from '../db/database'
import { loadReportBundle, ReportBundleError, type ReportBundle } from './report-bundle'
import { getPlatform, type Platform } from '../platform'
import type { ApprovedOutput } from '@core/review/approval'
import { buildDocx, type DocxBuildOptions } from './report-build'

export const DOCX_MIME_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'

export class ExportError extends Error {
  override name = 'ExportError'
}

export interface ExportDocxDeps {
  db?: HuibaoDatabase
  platform?: Platform
  /**
   * The review copy (services/review-export.ts): review marks are kept on the runs and these
   * open threads become Word comments; the file name gets `fileSuffix`. Absent otherwise.
   */
  reviewComments?: ReviewCommentInput[]
  fileSuffix?: string
  /**
   * An approved report: its output as frozen and verified at approval (services/approval.ts),
   * written as is — nothing is resolved from the live report.
   */
  approved?: ApprovedOutput
  /** Progress of the build, 0..1. */
  onProgress?: (fraction: number) => void
  /** Tests: where the build runs (./docx-build.ts). */
  createWorker?: DocxBuildOptions['createWorker']
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

  const approved = deps.approved
  const job: DocxJob = approved
    ? { kind: 'approved', resolved: approved.resolved, profile: approved.profile, signatureRule: approved.signatureRule, attachments: approved.attachments }
    : { kind: 'draft', report, doc, template, values, previousValues, reviewComments: deps.reviewComments }
  let data: Uint8Array
  try {
    data = await buildDocx(job, { onProgress: deps.onProgress, createWorker: deps.createWorker })
  } catch (error) {
    console.error('[huibao] docx build failed', error)
    throw new ExportError(`导出失败：生成 Word 文档时出错（${error instanceof Error ? error.message : String(error)}）。没有保存任何文件，请稍后重试。`)
  }
  return (deps.platform ?? getPlatform()).saveFile({
    suggestedName: suggestedFileName(report.meta.title, `${deps.fileSuffix ?? ''}.docx`),
    data,
    mimeType: DOCX_MIME_TYPE,
    filters: [{ name: 'Word 文档', extensions: ['docx'] }]
  })
}
