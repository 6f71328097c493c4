// Comment threads (批注) and the per-report review record, as stored.
import type { Role } from './workflow'

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
  /** SHA-256 of the file's bytes (hex). */
  sha256: string
  kind: 'approved' | 'review'
  by: Person
}

/** One row per report: what the workflow has recorded beyond the status itself. */
export interface ReviewState {
  reportId: string
  lastReturn?: { by: Person; at: number; opinion: string }
  approval?: { by: Person; at: number; opinion: string; contentHash: string; versionId: string }
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
