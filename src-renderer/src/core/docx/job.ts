// One Word export as plain data, and the whole build from that data to the file's bytes:
// resolve → layout → (review marks) → docx tree → Packer → the package step. The export worker
// (workers/report-build.worker.ts) runs it; so does the window where no Worker exists (Node tests).
// Everything in a job is structured-cloneable: it crosses postMessage as is.
import type { Report, ReportDocJSON } from '../report'
import type { MetricValue, ReportTemplate } from '../template'
import type { ResolvedReport } from '../resolved'
import type { LayoutProfile } from '../layout'
import type { SignatureRule } from '../pages/signature'
import type { Attachment } from '../pages/attachments'
import { resolveReport } from '../resolve'
import { reportLayout } from '../pages/report-layout'
import { prepareReviewExport, type ReviewCommentInput } from './review'
import { exportReportDocx } from './export'

export type DocxJob =
  | {
      /** A draft: the stored report as the report bundle gives it. */
      kind: 'draft'
      report: Report
      doc: ReportDocJSON
      template: ReportTemplate
      values: MetricValue[]
      previousValues?: MetricValue[]
      /** The review copy (导出审核稿): open comment threads; pending suggestions become tracked changes. */
      reviewComments?: ReviewCommentInput[]
    }
  | {
      /** An approved report: the output frozen and verified at approval, written as is. */
      kind: 'approved'
      resolved: ResolvedReport
      profile: LayoutProfile
      signatureRule: SignatureRule
      attachments: Attachment[]
    }

/** The steps of a build, in order; progress is reported after each. */
export const DOCX_STAGES = ['resolve', 'build', 'pack', 'package'] as const
export type DocxStage = (typeof DOCX_STAGES)[number]

/** The file's bytes for a job. `onStage` hears each finished step (for a progress bar). */
export async function buildDocxJob(job: DocxJob, onStage: (stage: DocxStage) => void = () => {}): Promise<Uint8Array> {
  if (job.kind === 'approved') {
    onStage('resolve')
    return exportReportDocx(job.resolved, job.profile, { signatureRule: job.signatureRule, attachments: job.attachments }, onStage)
  }
  const { report, doc, template, values, previousValues, reviewComments } = job
  // The report's own layout choices, as the page view and the PDF use them.
  const layout = reportLayout(report, template, values, previousValues)
  const review = reviewComments !== undefined
  const resolved = resolveReport(report, doc, template, values, { previousValues, review })
  const input = review ? prepareReviewExport(resolved, reviewComments) : resolved
  onStage('resolve')
  return exportReportDocx(input, layout.profile, { signatureRule: layout.signatureRule, attachments: layout.attachments }, onStage)
}
