// Messages between the window and the import worker (plain, structured-cloneable data).
import type { ImportErrorCode, ParsedDocx } from '@core/import'

export interface ImportWorkerRequest {
  /** Transferred, not copied. */
  bytes: ArrayBuffer
}

export type ImportWorkerReply =
  | { type: 'progress'; fraction: number }
  | { type: 'done'; parsed: ParsedDocx }
  | { type: 'refused'; code: ImportErrorCode; message: string }
