// An approved report's output, checked: the snapshot frozen at 审核通过, compared with the
// report as stored now (any difference is listed and refused), resolved once for every
// exporter, and hashed against the approval. Word, PDF, the page view and the print view all
// read an approved report through verifyApproved, so they cannot print anything else.
import type { Report } from '@core/report'
import type { MetricValue, ReportTemplate } from '@core/template'
import { TemplateVersionMissing, type TemplateCatalog } from '@core/templates/catalog'
import { contentHash, diffContents } from '@core/review/versions'
import { VersionContentMissing } from '@core/review/version-store'
import { withReportMetrics } from '@core/report-metrics'
import type { Approval, ReviewState } from '@core/review/threads'
import {
  approvedOutput,
  checkApproved,
  type ApprovedCheckJob,
  frozenInputs,
  outputHash,
  takeSnapshot,
  type ApprovalSnapshot,
  type ApprovedOutput
} from '@core/review/approval'
import { getReport, loadPreviousYearValues, type HuibaoDatabase } from '../db/database'
import { freezeApproval, getReviewState, getVersion, loadContent } from '../db/review'
import { ReviewError } from './review-error'
import { loadTemplateCatalog } from './report-bundle'
import { checkApprovedOffThread } from './report-build'

/** A refusal that lists what changed since approval, part by part (also in the message). */
export class ApprovalMismatchError extends ReviewError {
  constructor(readonly differences: string[]) {
    super(`报告与审核通过时不一致，不能报送导出。自审核通过以来改动了：${differences.join('；')}。请审核人“重新打开”后再次送审、审核。`)
  }
}

export const APPROVED_VERSION_MISMATCH =
  '审核通过时保存的版本与记录的内容校验值不符，不能报送导出（版本记录可能被改动或已损坏）。请审核人“重新打开”后重新审核。'

export const OUTPUT_HASH_MISMATCH =
  '审核通过时记录的内容校验值与现在生成的导出内容不符，不能报送导出（审核记录可能被改动，或升级后的汇报排版规则与审核时不同）。请审核人“重新打开”后重新审核。'

export interface VerifiedApproval {
  report: Report
  state: ReviewState
  approval: Approval
  template: ReportTemplate
  /** The approved snapshot; absent when checked in the worker (`offThread`: the exports do not need it). */
  snapshot?: ApprovalSnapshot
  /** What every exporter prints for this report. */
  output: ApprovedOutput
  outputHash: string
}

async function templateOf(db: HuibaoDatabase, templateId: string, version: number, catalog?: TemplateCatalog): Promise<ReportTemplate> {
  try {
    return (catalog ?? (await loadTemplateCatalog(db))).exact(templateId, version)
  } catch (error) {
    if (error instanceof TemplateVersionMissing) throw new ReviewError(error.message)
    throw error
  }
}

/**
 * Last year's figures as stored now, matched to this report's metrics exactly as the report
 * bundle gives them to the exporters (null when the report is not linked).
 */
async function currentPreviousValues(db: HuibaoDatabase, report: Report, base: ReportTemplate, catalog: TemplateCatalog): Promise<MetricValue[] | null> {
  if (!report.previousReportId) return null
  const values = await loadPreviousYearValues(db, report, base, (r) => {
    try {
      return catalog.forReport(r)
    } catch {
      return undefined
    }
  })
  return values ?? null
}

/** The snapshot, output and hash for an approval being made now. */
export async function freezeForApproval(db: HuibaoDatabase, report: Report, content: Parameters<typeof takeSnapshot>[1]) {
  const catalog = await loadTemplateCatalog(db)
  const base = await templateOf(db, report.templateId, report.templateVersion, catalog)
  const snapshot = takeSnapshot(report, content, await currentPreviousValues(db, report, base, catalog))
  const output = approvedOutput(snapshot, base, report.id)
  return { snapshot, frozen: frozenInputs(snapshot), outputHash: await outputHash(output) }
}

/**
 * Checks an approved (or sent) report and returns what its exports must contain. Refuses with
 * the list of differences when the stored report no longer equals the snapshot, and when the
 * output no longer hashes to the approved value.
 *
 * Approvals from before snapshots (no outputHash) are checked the old way — text, figures and
 * meta against the approved content hash — and then frozen as they are at that moment; with
 * `persist` (the exports) the frozen inputs and output hash are stored on the approval, so
 * from then on they are held like any other.
 */
export async function verifyApproved(
  db: HuibaoDatabase,
  reportId: string,
  options: { persist?: boolean; now?: number; catalog?: TemplateCatalog; /** Check in the report worker (the exports). */ offThread?: boolean } = {}
): Promise<VerifiedApproval> {
  const report = await getReport(db, reportId)
  if (!report || report.deletedAt !== null) throw new ReviewError('找不到这份报告，它可能已被删除或移入回收站。')
  if (report.status !== 'approved' && report.status !== 'sent') throw new ReviewError('报告审核通过后才能报送导出。')
  const state = await getReviewState(db, reportId)
  const approval = state.approval
  if (!approval) throw new ReviewError('找不到审核通过的记录，不能报送导出。请审核人重新审核。')
  const version = await getVersion(db, approval.versionId).catch((error: unknown) => {
    if (error instanceof VersionContentMissing) return undefined
    throw error
  })
  if (!version || version.reportId !== reportId) throw new ReviewError('找不到审核通过时保存的版本，不能报送导出。请审核人“重新打开”后重新审核。')
  const content = await loadContent(db, report)

  if (approval.outputHash && approval.frozen) {
    const snapshotTemplate = await templateOf(db, approval.frozen.templateId, approval.frozen.templateVersion, options.catalog)
    // The version is stored as sections shared with other versions: it must still hash to what
    // was approved (checked first, in checkApproved), whatever the output check says.
    const job: ApprovedCheckJob = { version, frozen: approval.frozen, report, content, template: snapshotTemplate, reportId, keepSnapshot: !options.offThread, versionHash: approval.contentHash }
    // Exports check in the report worker: at 200 pages this is ~0.4 s of CPU.
    const checked = options.offThread ? await checkApprovedOffThread(job) : await checkApproved(job)
    if (!checked.ok && checked.versionChanged) throw new ReviewError(APPROVED_VERSION_MISMATCH)
    if (!checked.ok) throw new ApprovalMismatchError(checked.differences)
    if (checked.hash !== approval.outputHash) throw new ReviewError(OUTPUT_HASH_MISMATCH)
    return { report, state, approval, template: checked.output.template, snapshot: checked.snapshot, output: checked.output, outputHash: checked.hash }
  }

  // An approval from before snapshots: the version's hash, the old check, then freeze what is there now.
  if ((await contentHash(version)) !== approval.contentHash) throw new ReviewError(APPROVED_VERSION_MISMATCH)
  const template = await templateOf(db, report.templateId, report.templateVersion, options.catalog)
  if ((await contentHash(content)) !== approval.contentHash) {
    const diff = diffContents(version, content, withReportMetrics(template, report))
    const parts = [
      ...(version.meta.title !== content.meta.title ? ['标题'] : []),
      ...diff.blocks.filter((b) => b.status !== 'same').map((b) => `正文：“${b.title}”`),
      ...diff.metrics.map((m) => `指标：${m.label} ${m.before} → ${m.after}`)
    ]
    throw new ApprovalMismatchError(parts.length ? parts : ['正文中的批注或修订标记'])
  }
  const snapshot = takeSnapshot(report, content, await currentPreviousValues(db, report, template, options.catalog ?? (await loadTemplateCatalog(db))))
  const output = approvedOutput(snapshot, template, reportId)
  const hash = await outputHash(output)
  const upgraded: Approval = { ...approval, outputHash: hash, frozen: frozenInputs(snapshot), frozenAtExport: options.now ?? Date.now() }
  if (options.persist) await freezeApproval(db, reportId, upgraded)
  return { report, state: options.persist ? { ...state, approval: upgraded } : state, approval: upgraded, template: output.template, snapshot, output, outputHash: hash }
}

/**
 * Last year's figures an approved (or sent) report was approved with, for the editor's chips
 * and the comparison beside each input; null for any other report (they read last year's live).
 */
export async function approvedPreviousValues(db: HuibaoDatabase, reportId: string): Promise<MetricValue[] | null> {
  const report = await getReport(db, reportId)
  if (!report || (report.status !== 'approved' && report.status !== 'sent')) return null
  return (await getReviewState(db, reportId)).approval?.frozen?.previousValues ?? null
}
