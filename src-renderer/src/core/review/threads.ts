// Comment threads (批注) and the per-report review record, as stored.
import type { Role } from './workflow'
import type { FrozenInputs } from './approval'

export interface Person {
  role: Role
  name: string
}

export interface CommentReply {
  id: string
  author: Person
  text: string
  at: number
}

export interface CommentThread {
  id: string
  reportId: string
  /** The text the comment was written on, refreshed while it exists; kept once it is deleted. */
  anchorText: string
  status: 'open' | 'resolved'
  author: Person
  text: string
  createdAt: number
  updatedAt: number
  replies: CommentReply[]
  /** The commented text was deleted: still listed, marked 原文已删除. */
  orphaned: boolean
  resolvedBy?: Person
  resolvedAt?: number
}

export interface ExportRecord {
  fileName: string
  at: number
  /** SHA-256 of the file's bytes (hex); null when the browser's print dialog saved it (the app never sees those bytes). */
  sha256: string | null
  kind: 'approved' | 'review'
  /** Absent on records from before PDF exports were recorded: those are all Word files. */
  format?: 'docx' | 'pdf'
  by: Person
}

/** The leader's approval: what was approved, and (since snapshots) exactly what it covers. */
export interface Approval {
  by: Person
  at: number
  opinion: string
  /** SHA-256 of the approved content (text, figures, meta): what approvals before snapshots checked. */
  contentHash: string
  /** The approved version: its text, figures and meta are the snapshot's. */
  versionId: string
  /** SHA-256 of the resolved output (core/review/approval.ts outputHash). Absent on older approvals. */
  outputHash?: string
  /** Layout, attachments, last year's figures… frozen with the text. Absent on older approvals. */
  frozen?: FrozenInputs
  /** When an older approval was frozen: at its first export after the upgrade (ms). */
  frozenAtExport?: number
}

/** One row per report: what the workflow has recorded beyond the status itself. */
export interface ReviewState {
  reportId: string
  lastReturn?: { by: Person; at: number; opinion: string }
  approval?: Approval
  exports: ExportRecord[]
  /** The version the leader last reviewed (returned or approved): comparisons start there. */
  lastReviewedVersionId?: string
  /** The version taken at the latest submit. */
  lastSubmittedVersionId?: string
}

export function emptyReviewState(reportId: string): ReviewState {
  return { reportId, exports: [] }
}

export function openThreadCount(threads: readonly CommentThread[]): number {
  return threads.filter((t) => t.status === 'open').length
}
