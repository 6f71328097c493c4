// Messages between the window and the report worker (workers/report-build.worker.ts), which
// builds Word files, runs 公文校对 and checks approved reports off the main thread. Only structured-cloneable data
// crosses: a job in; progress, the file's bytes (transferred) or the check results out. Types
// and constants only, so the window's bundle does not pull in the docx library.
import type { DocxJob, DocxStage } from '@core/docx/job'
import type { ChecksJob } from '@core/checks/job'
import type { CheckItem } from '@core/checks'
import type { ApprovedCheck, ApprovedCheckJob } from '@core/review/approval'

export type ReportWorkerRequest =
  /** `id` is echoed on every reply, so a reply is never taken for another request's. */
  | { id: number; task: 'docx'; job: DocxJob }
  | { id: number; task: 'checks'; job: ChecksJob }
  /** An approved report checked against its approval before 报送 (core/review/approval.ts). */
  | { id: number; task: 'approval'; job: ApprovedCheckJob }

export type ReportWorkerReply =
  | { id: number; type: 'progress'; stage: DocxStage; fraction: number }
  /** The finished file; the buffer is transferred, not copied. */
  | { id: number; type: 'done'; bytes: ArrayBuffer }
  | { id: number; type: 'checked'; items: CheckItem[] }
  | { id: number; type: 'approval'; result: ApprovedCheck }
  /** Nothing was produced: the reason, for the message the clerk sees. */
  | { id: number; type: 'failed'; message: string }

export type PostReply = (reply: ReportWorkerReply, transfer?: Transferable[]) => void

/**
 * Share of the work done after each step (resolving and packing weigh most on a long report).
 * 1 is reported by the window when the bytes have arrived, so a bar shows until then.
 */
export const STAGE_FRACTION: Readonly<Record<DocxStage, number>> = { resolve: 0.3, build: 0.5, pack: 0.8, package: 0.95 }

/** The bytes as an ArrayBuffer of exactly their length (a view may sit inside a larger buffer). */
export function ownBuffer(bytes: Uint8Array): ArrayBuffer {
  if (bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer) return bytes.buffer
  return bytes.slice().buffer as ArrayBuffer
}
