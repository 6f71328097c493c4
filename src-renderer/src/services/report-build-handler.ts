// The worker's side of the report worker protocol (./report-build-protocol.ts) as a plain
// function: the worker script only wires it to its message port, and tests call it directly.
import { buildDocxJob } from '@core/docx/job'
import { runChecksJob } from '@core/checks/job'
import { checkApproved } from '@core/review/approval'
import { ownBuffer, STAGE_FRACTION, type PostReply, type ReportWorkerRequest } from './report-build-protocol'

function isRequest(data: unknown): data is ReportWorkerRequest {
  if (typeof data !== 'object' || data === null) return false
  const { id, task, job } = data as { id?: unknown; task?: unknown; job?: { kind?: unknown; report?: unknown } }
  if (typeof id !== 'number' || typeof job !== 'object' || job === null) return false
  if (task === 'docx') return job.kind === 'draft' || job.kind === 'approved'
  return (task === 'checks' || task === 'approval') && typeof job.report === 'object' && job.report !== null
}

/** One request, answered (after any progress replies) with exactly one 'done', 'checked', 'approval' or 'failed'. */
export async function handleReportRequest(data: unknown, post: PostReply): Promise<void> {
  if (!isRequest(data)) {
    const id = typeof (data as { id?: unknown } | null)?.id === 'number' ? (data as { id: number }).id : -1
    post({ id, type: 'failed', message: '请求无效' })
    return
  }
  const { id } = data
  try {
    if (data.task === 'checks') {
      post({ id, type: 'checked', items: runChecksJob(data.job) })
      return
    }
    if (data.task === 'approval') {
      post({ id, type: 'approval', result: await checkApproved(data.job) })
      return
    }
    const bytes = await buildDocxJob(data.job, (stage) => post({ id, type: 'progress', stage, fraction: STAGE_FRACTION[stage] }))
    const buffer = ownBuffer(bytes)
    post({ id, type: 'done', bytes: buffer }, [buffer])
  } catch (error) {
    post({ id, type: 'failed', message: error instanceof Error ? error.message : String(error) })
  }
}
