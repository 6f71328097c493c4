// Storage for the review (schema v4 tables, declared in database.ts). The audit log is
// append-only here: there is no function that updates or deletes an entry, and every write
// that changes the workflow appends its entry in the same transaction.
import type { BlockJSON, Report, ReportStatus } from '@core/report'
import { chainEntry, type AuditEntry, type AuditEntryData } from '@core/review/audit'
import type { PinRecord, ThrottleState } from '@core/review/pin'
import type { Signer, SigningKeyRecord } from '@core/review/signing'
import type { ChainHead } from '@core/review/anchor'
import { emptyReviewState, type Approval, type CommentThread, type ReviewState } from '@core/review/threads'
import type { ReportContent, VersionMeta, VersionSnapshot } from '@core/review/versions'
import { decodeVersion, encodeVersion, versionBlockKey, withStoredSize, type EncodedVersion } from '@core/review/version-store'
import { lockRefusal } from '@core/review/lock'
import { getSetting, loadMetricValues, loadSections, setSetting, type HuibaoDatabase } from './database'
import { guardReportWrite, ReportLockedError } from './lock'

// ---- people and PIN (settings table) --------------------------------------------------------

export interface ReviewPeople {
  clerkName: string
  leaderName: string
  pin: PinRecord
  /** The leader's signing key (absent on installs set up before signing existed). */
  signingKey?: SigningKeyRecord
  /** Per chain: entries up to this seq predate the key (copied into the anchor; travels with backups). */
  legacyUpTo?: Record<string, number>
}

const PEOPLE_KEY = 'review.people'
const THROTTLE_KEY = 'review.pinThrottle'

export async function getReviewPeople(db: HuibaoDatabase): Promise<ReviewPeople | null> {
  const value = await getSetting<ReviewPeople>(db, PEOPLE_KEY)
  return value && typeof value.leaderName === 'string' && value.pin ? value : null
}

export async function setReviewPeople(db: HuibaoDatabase, people: ReviewPeople, audit: AuditEntryData, signer?: Signer): Promise<void> {
  await withAudit(
    db,
    audit,
    [db.settings],
    async () => {
      await db.settings.put({ key: PEOPLE_KEY, value: people })
    },
    signer
  )
}

export async function getPinThrottle(db: HuibaoDatabase): Promise<ThrottleState> {
  const value = await getSetting<ThrottleState>(db, THROTTLE_KEY)
  return value && typeof value.failures === 'number' ? value : { failures: 0, lastFailureAt: 0 }
}

export function setPinThrottle(db: HuibaoDatabase, state: ThrottleState): Promise<void> {
  return setSetting(db, THROTTLE_KEY, state)
}

// ---- audit log --------------------------------------------------------------------------------

/** The report's log in order ('' for app-wide events such as PIN changes). */
export async function listAudit(db: HuibaoDatabase, reportId: string): Promise<AuditEntry[]> {
  return db.auditLog.where('[reportId+seq]').between([reportId, 0], [reportId, Infinity]).toArray()
}

async function lastAudit(db: HuibaoDatabase, reportId: string): Promise<AuditEntry | undefined> {
  return db.auditLog.where('[reportId+seq]').between([reportId, 0], [reportId, Infinity]).last()
}

class ChainMoved extends Error {}

/**
 * Told about every audit entry around its transaction: the anchor outside IndexedDB is kept
 * here (services/audit-anchor.ts). `pending` runs before the transaction and may refuse the
 * write by throwing; `committed` / `failed` after it.
 */
export interface AuditHooks {
  pending(chain: string, entry: ChainHead): Promise<void>
  committed(chain: string, entry: ChainHead): Promise<void>
  failed(chain: string): Promise<void>
}

let hooks: AuditHooks | null = null

export function setAuditHooks(next: AuditHooks | null): void {
  hooks = next
}

/** Every chain's last entry (for the anchor when the key is created or a backup restored). */
export async function chainHeads(db: HuibaoDatabase): Promise<Record<string, ChainHead>> {
  const heads: Record<string, ChainHead> = {}
  await db.auditLog.each((e) => {
    const h = heads[e.reportId]
    if (!h || e.seq > h.seq) heads[e.reportId] = { seq: e.seq, hash: e.hash }
  })
  return heads
}

/**
 * Runs `write` and appends the audit entry in one transaction. The hash is computed with
 * WebCrypto before the transaction (an IndexedDB transaction cannot wait on it); if another
 * writer appended meanwhile, the entry is re-chained and the whole write retried.
 */
async function withAudit(
  db: HuibaoDatabase,
  data: AuditEntryData,
  tables: Parameters<HuibaoDatabase['transaction']>[1][],
  write: () => Promise<void>,
  signer?: Signer
): Promise<AuditEntry> {
  for (let attempt = 0; ; attempt++) {
    const last = await lastAudit(db, data.reportId)
    const entry = await chainEntry(last, data)
    // Signed over the hash, which covers prevHash: the signature vouches for the whole chain so far.
    if (signer) entry.sig = await signer.sign(entry.hash)
    await hooks?.pending(data.reportId, entry)
    try {
      await db.transaction('rw', [db.auditLog, ...tables] as never, async () => {
        const now = await lastAudit(db, data.reportId)
        if ((now?.seq ?? 0) !== entry.seq - 1) throw new ChainMoved()
        await write()
        await db.auditLog.add(entry)
      })
    } catch (error) {
      await hooks?.failed(data.reportId).catch((e) => console.warn('[audit] anchor not reset', e))
      if (!(error instanceof ChainMoved) || attempt >= 5) throw error
      continue
    }
    // The entry is committed; if the anchor cannot follow now, its pending record still covers it.
    await hooks?.committed(data.reportId, entry).catch((e) => console.warn('[audit] anchor not updated', e))
    return entry
  }
}

/** An audit entry on its own (e.g. a saved version). */
export function appendAudit(db: HuibaoDatabase, data: AuditEntryData): Promise<AuditEntry> {
  return withAudit(db, data, [], async () => {})
}

// ---- review state, content, versions ----------------------------------------------------------

export async function getReviewState(db: HuibaoDatabase, reportId: string): Promise<ReviewState> {
  return (await db.reviewState.get(reportId)) ?? emptyReviewState(reportId)
}

/** The report's content as stored now: what a version, a comparison or an approval hash reads. */
export async function loadContent(db: HuibaoDatabase, report: Report): Promise<ReportContent> {
  const [sections, values] = await Promise.all([loadSections(db, report), loadMetricValues(db, report.id)])
  return { meta: report.meta, sections, values }
}

/** The report's versions, newest first: metadata only (no content is read). */
export async function listVersions(db: HuibaoDatabase, reportId: string): Promise<VersionMeta[]> {
  const rows = await db.versions.where('reportId').equals(reportId).toArray()
  return rows.sort((a, b) => b.createdAt - a.createdAt)
}

/**
 * One version with its content, reconstructed exactly as saved from its content row and its
 * sections (read in one transaction). Throws VersionContentMissing when a part is gone.
 */
export async function getVersion(db: HuibaoDatabase, id: string): Promise<VersionSnapshot | undefined> {
  return db.transaction('r', db.versions, db.versionContent, db.versionBlocks, async () => {
    const meta = await db.versions.get(id)
    if (!meta) return undefined
    const content = await db.versionContent.get(id)
    const keys = content && Array.isArray(content.blocks) ? [...new Set(content.blocks.map((ref) => versionBlockKey(content.reportId, ref)))] : []
    const rows = await db.versionBlocks.bulkGet(keys)
    const blocks = new Map(rows.flatMap((r) => (r ? [[r.key, r.json] as const] : [])))
    return decodeVersion(meta, content, blocks)
  })
}

/**
 * Which of the encoded versions' sections the store lacks (the report's section keys, read
 * from the index without any content; one range, cheaper than looking each key up), and their
 * metadata with the bytes they add. Sections are content-addressed and written with put, so a
 * section another save adds meanwhile is simply written again, identically.
 */
async function newVersionRows(db: HuibaoDatabase, encoded: EncodedVersion[]): Promise<{ metas: VersionMeta[]; blocks: EncodedVersion['blocks'] }> {
  const all = new Map(encoded.flatMap((e) => e.blocks.map((b) => [b.key, b] as const)))
  const reports = [...new Set(encoded.map((e) => e.content.reportId))]
  const present = new Set((await Promise.all(reports.map((id) => db.versionBlocks.where('reportId').equals(id).primaryKeys()))).flat())
  const seen = new Set<string>()
  const metas = encoded.map((e) => {
    const fresh = e.blocks.map((b) => b.key).filter((k) => !present.has(k) && !seen.has(k))
    fresh.forEach((k) => seen.add(k))
    return withStoredSize(e, fresh)
  })
  return { metas, blocks: [...seen].map((k) => all.get(k)!) }
}

export interface ReviewWrite {
  reportId: string
  audit: AuditEntryData
  status?: ReportStatus
  state?: ReviewState
  versions?: VersionSnapshot[]
  /** Replace the report's sections, figures and meta (restoring a version). */
  restore?: ReportContent
  /**
   * The status the caller decided on. If the stored one differs (another window or a stale
   * screen moved it meanwhile) the write is refused, so a transition never starts from a
   * status it was not checked against.
   */
  expectStatus?: ReportStatus
  /** The leader's unlocked key: approvals, returns and reopenings are signed with it. */
  signer?: Signer
  now?: number
}

/** One atomic step of the workflow: status, review record, snapshots, content and its audit entry. */
export async function writeReview(db: HuibaoDatabase, w: ReviewWrite): Promise<AuditEntry> {
  const now = w.now ?? Date.now()
  // Hashing and the delta against stored sections are worked out before the transaction.
  const encoded = await Promise.all((w.versions ?? []).map(encodeVersion))
  const stored = encoded.length ? await newVersionRows(db, encoded) : { metas: [], blocks: [] }
  return withAudit(db, w.audit, [db.reports, db.reviewState, db.versions, db.versionContent, db.versionBlocks, db.sections, db.metricValues], async () => {
    // A restore replaces the content: the same lock as any other content write.
    const report = w.restore ? await guardReportWrite(db, w.reportId, w.audit.role, 'content') : await db.reports.get(w.reportId)
    if (!report) throw new Error(`report ${w.reportId} not found`)
    if (w.expectStatus && report.status !== w.expectStatus) throw new ReportLockedError('报告状态已经改变（可能在另一个窗口中操作过），请刷新后重试。')
    if (encoded.length) {
      if (stored.blocks.length) await db.versionBlocks.bulkPut(stored.blocks)
      await db.versionContent.bulkAdd(encoded.map((e) => e.content))
      await db.versions.bulkAdd(stored.metas)
    }
    if (w.state) await db.reviewState.put(w.state)
    const patch: Partial<Report> = { updatedAt: now }
    if (w.status) patch.status = w.status
    if (w.restore) {
      const sections: BlockJSON[] = w.restore.sections
      await db.sections.where('reportId').equals(w.reportId).delete()
      await db.sections.bulkAdd(sections.map((json) => ({ reportId: w.reportId, id: json.attrs.id, json, updatedAt: now })))
      await db.metricValues.where('reportId').equals(w.reportId).delete()
      await db.metricValues.bulkAdd(w.restore.values.map((v) => ({ ...v, reportId: w.reportId, updatedAt: now })))
      patch.sectionOrder = sections.map((s) => s.attrs.id)
      patch.meta = w.restore.meta
    }
    await db.reports.update(w.reportId, patch)
  }, w.signer)
}

/**
 * Stores the frozen inputs and output hash of an approval made before snapshots, once: only
 * while that same approval still has none (core/review/approval.ts; services/approval.ts).
 */
export async function freezeApproval(db: HuibaoDatabase, reportId: string, approval: Approval): Promise<void> {
  await db.transaction('rw', db.reviewState, async () => {
    const state = await db.reviewState.get(reportId)
    if (!state?.approval || state.approval.versionId !== approval.versionId || state.approval.outputHash) return
    await db.reviewState.put({ ...state, approval })
  })
}

// ---- comments ----------------------------------------------------------------------------------

export async function listComments(db: HuibaoDatabase, reportId: string): Promise<CommentThread[]> {
  const rows = await db.comments.where('reportId').equals(reportId).toArray()
  return rows.sort((a, b) => a.createdAt - b.createdAt)
}

/**
 * Comment threads of an approved or sent report keep their anchors: no new thread, and no
 * change to what an existing one points at (replies and 解决 stay possible). Checked in the
 * write's own transaction, like every other report write.
 */
async function guardComments(db: HuibaoDatabase, threads: readonly CommentThread[]): Promise<void> {
  for (const reportId of new Set(threads.map((t) => t.reportId))) {
    const report = await db.reports.get(reportId)
    if (!report) continue
    const refusal = lockRefusal(report.status, 'clerk', 'comment')
    if (!refusal) continue
    for (const t of threads.filter((x) => x.reportId === reportId)) {
      const stored = await db.comments.get(t.id)
      if (!stored || stored.anchorText !== t.anchorText || stored.orphaned !== t.orphaned) throw new ReportLockedError(refusal)
    }
  }
}

export async function putComment(db: HuibaoDatabase, thread: CommentThread): Promise<void> {
  await putComments(db, [thread])
}

export async function putComments(db: HuibaoDatabase, threads: CommentThread[]): Promise<void> {
  await db.transaction('rw', db.reports, db.comments, async () => {
    await guardComments(db, threads)
    await db.comments.bulkPut(threads)
  })
}

/** Open comments per report, for the report list. */
export async function countOpenComments(db: HuibaoDatabase): Promise<Map<string, number>> {
  const counts = new Map<string, number>()
  await db.comments.each((t) => {
    if (t.status === 'open') counts.set(t.reportId, (counts.get(t.reportId) ?? 0) + 1)
  })
  return counts
}
