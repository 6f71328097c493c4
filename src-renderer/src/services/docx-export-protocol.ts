// Messages between the window and the Word export worker (workers/docx-export.worker.ts). Only
// structured-cloneable data crosses: the job in, progress and the file's bytes (transferred)
// out. Types and constants only, so the window's bundle does not pull in the docx library.
import type { DocxJob, DocxStage } from '@core/docx/job'

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

/** The bytes as an ArrayBuffer of exactly their length (a view may sit inside a larger buffer). */
export function ownBuffer(bytes: Uint8Array): ArrayBuffer {
  if (bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer) return bytes.buffer
  return bytes.slice().buffer as ArrayBuffer
}
