// Exports that the review records: the approved text as Word or PDF (→ 已报送, with file name,
// time and the file's SHA-256) and the review copy of a draft (open comments as Word comments, pending
// suggestions as tracked changes). Both go through the ordinary Word export pipeline.
import type { SaveFileResult } from '@contract/ipc'
import { sha256Hex } from '@core/review/audit'
import { transition } from '@core/review/workflow'
import type { ExportRecord, Person } from '@core/review/threads'
import { getDatabase, getReport, type HuibaoDatabase } from '../db/database'
import { getReviewState, listComments, writeReview } from '../db/review'
import { getPlatform, type Platform } from '../platform'
import { exportReportAsDocx } from './export-docx'
import { ReviewError } from './review-error'
import { verifyApproved, type VerifiedApproval } from './approval'
import { exportReportAsPdf, suggestedPdfFileName } from './export-pdf'
import type { ReportStatus } from '@core/report'
import type { PrintToPdfResult } from '../platform/platform'

export const REVIEW_COPY_SUFFIX = '（审核稿）'

export type RecordedExport = SaveFileResult & { record?: ExportRecord }

interface Deps {
  db?: HuibaoDatabase
  platform?: Platform
  now?: () => number
  /** Progress of a Word file's build, 0..1 (./export-docx.ts). */
  onProgress?: (fraction: number) => void
}

/** Wraps the platform so the bytes actually saved can be hashed. */
function capturing(platform: Platform): { platform: Platform; saved: () => { name: string; data: Uint8Array } | null } {
  let last: { name: string; data: Uint8Array } | null = null
  return {
    platform: {
      ...platform,
      saveFile: async (req) => {
        last = { name: req.suggestedName, data: req.data }
        return platform.saveFile(req)
      }
    },
    saved: () => last
  }
}

function fileNameOf(result: SaveFileResult, fallback: string): string {
  if (result.status !== 'saved') return fallback
  return result.path.split(/[\\/]/).pop() || fallback
}

/** Records an approved export (Word or PDF): the file, its hash, 已报送, and the audit entry. */
async function recordApproved(db: HuibaoDatabase, v: VerifiedApproval, by: Person, record: ExportRecord, next: ReportStatus): Promise<void> {
  await writeReview(db, {
    reportId: v.report.id,
    status: next,
    expectStatus: v.report.status,
    state: { ...v.state, approval: v.approval, exports: [...v.state.exports, record] },
    audit: {
      reportId: v.report.id,
      at: record.at,
      role: by.role,
      name: by.name,
      action: 'export',
      detail: {
        kind: 'approved',
        format: record.format ?? 'docx',
        fileName: record.fileName,
        sha256: record.sha256,
        contentHash: v.approval.contentHash,
        outputHash: v.outputHash,
        ...(v.approval.frozenAtExport ? { frozenAtExport: v.approval.frozenAtExport } : {})
      }
    },
    now: record.at
  })
}

/**
 * Exports the approved text: resolved from the snapshot frozen at approval, refused (with the
 * list of differences) if the report changed since. Marks the report 已报送.
 */
export async function exportApproved(reportId: string, by: Person, deps: Deps = {}): Promise<RecordedExport> {
  const db = deps.db ?? getDatabase()
  const now = deps.now ?? Date.now
  const report = await getReport(db, reportId)
  if (!report) throw new ReviewError('导出失败：找不到这份报告。')
  const check = transition(report.status, 'export', { role: by.role })
  if (!check.ok) throw new ReviewError(check.message)
  const verified = await verifyApproved(db, reportId, { persist: true, now: now(), offThread: true })
  const cap = capturing(deps.platform ?? getPlatform())
  const result = await exportReportAsDocx(reportId, { db, platform: cap.platform, approved: verified.output, onProgress: deps.onProgress })
  const saved = cap.saved()
  if (result.status !== 'saved' || !saved) return result
  const record: ExportRecord = { fileName: fileNameOf(result, saved.name), at: now(), sha256: await sha256Hex(saved.data), kind: 'approved', format: 'docx', by }
  await recordApproved(db, verified, by, record, check.next)
  return { ...result, record }
}

export type RecordedPdfExport = PrintToPdfResult & { record?: ExportRecord }

/**
 * "导出PDF". An approved report is checked exactly like its Word export (the print view then
 * prints the same frozen snapshot) and recorded: file name, time, the SHA-256 the desktop
 * computed of the bytes it wrote (none in the browser, whose print dialog saves the file), and
 * 已报送. A draft prints as it is, unrecorded.
 */
export async function exportPdfForStatus(reportId: string, by: Person, deps: Deps = {}): Promise<RecordedPdfExport> {
  const db = deps.db ?? getDatabase()
  const now = deps.now ?? Date.now
  const report = await getReport(db, reportId)
  if (!report || (report.status !== 'approved' && report.status !== 'sent')) return exportReportAsPdf(reportId, { db, platform: deps.platform })
  const check = transition(report.status, 'export', { role: by.role })
  if (!check.ok) throw new ReviewError(check.message)
  const verified = await verifyApproved(db, reportId, { persist: true, now: now(), offThread: true })
  const result = await exportReportAsPdf(reportId, { db, platform: deps.platform })
  if (result.status === 'canceled') return result
  const fileName = result.status === 'saved' ? fileNameOf(result, suggestedPdfFileName(report.meta.title)) : suggestedPdfFileName(report.meta.title)
  const record: ExportRecord = { fileName, at: now(), sha256: result.status === 'saved' ? result.sha256 : null, kind: 'approved', format: 'pdf', by }
  await recordApproved(db, verified, by, record, check.next)
  return { ...result, record }
}

/** The review copy of a draft: open comments and pending suggestions shown the Word way. */
export async function exportReviewCopy(reportId: string, by: Person, deps: Deps = {}): Promise<RecordedExport> {
  const db = deps.db ?? getDatabase()
  const now = deps.now ?? Date.now
  const report = await getReport(db, reportId)
  if (!report) throw new ReviewError('导出失败：找不到这份报告。')
  if (report.status === 'approved' || report.status === 'sent') {
    throw new ReviewError('报告已审核通过，导出的是审核通过稿，不含批注和修订。请使用“导出Word”。')
  }
  const threads = (await listComments(db, reportId)).filter((t) => t.status === 'open')
  const inputs = threads.map((t) => ({
    threadId: t.id,
    author: t.author.name,
    at: t.createdAt,
    text: t.text,
    anchorText: t.anchorText,
    orphaned: t.orphaned,
    replies: t.replies.map((r) => ({ author: r.author.name, at: r.at, text: r.text }))
  }))
  const cap = capturing(deps.platform ?? getPlatform())
  const result = await exportReportAsDocx(reportId, { db, platform: cap.platform, reviewComments: inputs, fileSuffix: REVIEW_COPY_SUFFIX, onProgress: deps.onProgress })
  const saved = cap.saved()
  if (result.status !== 'saved' || !saved) return result
  const record: ExportRecord = { fileName: fileNameOf(result, saved.name), at: now(), sha256: await sha256Hex(saved.data), kind: 'review', by }
  const state = await getReviewState(db, reportId)
  await writeReview(db, {
    reportId,
    state: { ...state, exports: [...state.exports, record] },
    audit: { reportId, at: record.at, role: by.role, name: by.name, action: 'export', detail: { kind: 'review', fileName: record.fileName, sha256: record.sha256, comments: threads.length } },
    now: record.at
  })
  return { ...result, record }
}

/** "导出Word": the approved text once approved (recorded, → 已报送), the plain draft otherwise. */
export async function exportWordForStatus(reportId: string, by: Person, deps: Deps = {}): Promise<RecordedExport> {
  const db = deps.db ?? getDatabase()
  const report = await getReport(db, reportId)
  if (report && (report.status === 'approved' || report.status === 'sent')) return exportApproved(reportId, by, deps)
  return exportReportAsDocx(reportId, { db, platform: deps.platform, onProgress: deps.onProgress })
}
