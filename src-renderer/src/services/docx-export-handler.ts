// The worker's side of the Word export protocol (./docx-export-protocol.ts) as a plain
// function: the worker script only wires it to its message port, and tests call it directly.
import { buildDocxJob } from '@core/docx/job'
import { ownBuffer, STAGE_FRACTION, type DocxWorkerRequest, type PostReply } from './docx-export-protocol'

function isRequest(data: unknown): data is DocxWorkerRequest {
  if (typeof data !== 'object' || data === null) return false
  const { id, job } = data as { id?: unknown; job?: { kind?: unknown } }
  return typeof id === 'number' && typeof job === 'object' && job !== null && (job.kind === 'draft' || job.kind === 'approved')
}

/** One request, answered with progress replies and then exactly one 'done' or 'failed'. */
export async function handleDocxRequest(data: unknown, post: PostReply): Promise<void> {
  if (!isRequest(data)) {
    const id = typeof (data as { id?: unknown } | null)?.id === 'number' ? (data as { id: number }).id : -1
    post({ id, type: 'failed', message: '导出请求无效' })
    return
  }
  const { id, job } = data
  try {
    const bytes = await buildDocxJob(job, (stage) => post({ id, type: 'progress', stage, fraction: STAGE_FRACTION[stage] }))
    const buffer = ownBuffer(bytes)
    post({ id, type: 'done', bytes: buffer }, [buffer])
  } catch (error) {
    post({ id, type: 'failed', message: error instanceof Error ? error.message : String(error) })
  }
}
