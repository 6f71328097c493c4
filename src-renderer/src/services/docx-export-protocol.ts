// Messages between the window and the Word export worker (workers/docx-export.worker.ts), and
// the worker's side of them as a plain function so it can be tested without a Worker. Only
// structured-cloneable data crosses: the job in, progress and the file's bytes (transferred) out.
import { buildDocxJob, type DocxJob, type DocxStage } from '@core/docx/job'

export interface DocxWorkerRequest {
  /** Echoed on every reply, so a reply can never be taken for another export's. */
  id: number
  job: DocxJob
}

export type DocxWorkerReply =
  | { id: number; type: 'progress'; stage: DocxStage; fraction: number }
  /** The finished file; the buffer is transferred, not copied. */
  | { id: number; type: 'done'; bytes: ArrayBuffer }
  /** Nothing was built: the reason, for the message the clerk sees. */
  | { id: number; type: 'failed'; message: string }

export type PostReply = (reply: DocxWorkerReply, transfer?: Transferable[]) => void

/** Share of the work done after each step (resolving and packing weigh most on a long report). */
export const STAGE_FRACTION: Readonly<Record<DocxStage, number>> = { resolve: 0.3, build: 0.5, pack: 0.85, package: 1 }

function isRequest(data: unknown): data is DocxWorkerRequest {
  if (typeof data !== 'object' || data === null) return false
  const { id, job } = data as { id?: unknown; job?: { kind?: unknown } }
  return typeof id === 'number' && typeof job === 'object' && job !== null && (job.kind === 'draft' || job.kind === 'approved')
}

/** The bytes as an ArrayBuffer of exactly their length (a view may sit inside a larger buffer). */
export function ownBuffer(bytes: Uint8Array): ArrayBuffer {
  if (bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer) return bytes.buffer
  return bytes.slice().buffer as ArrayBuffer
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
