// Keeps the audit anchor (core/review/anchor.ts) outside IndexedDB through the platform: a file
// written atomically by main on the desktop, a second store (localStorage) in the browser.
// Installed once at start-up; every audit write then updates it around its transaction.
import {
  emptyAnchor,
  parseAnchor,
  rebased,
  withCommitted,
  withKey,
  withoutPending,
  withPending,
  type AuditAnchor,
  type ChainHead
} from '@core/review/anchor'
import { verifyTrail, type TrailVerdict } from '@core/review/trail'
import type { Platform } from '../platform'
import { getReport, type HuibaoDatabase } from '../db/database'
import { chainHeads, getReviewPeople, getReviewState, listAudit, setAuditHooks } from '../db/review'
import { formatDateTime } from './format'

/** Where the anchor's JSON lives. */
export interface AnchorStore {
  read(): Promise<string | null>
  write(json: string): Promise<void>
}

export const ANCHOR_WRITE_FAILED = '无法写入审核记录的外部校验文件，操作没有执行。请检查磁盘空间后重试。'

export function platformAnchorStore(platform: Platform): AnchorStore | null {
  if (!platform.readAuditAnchor || !platform.writeAuditAnchor) return null
  return { read: () => platform.readAuditAnchor!(), write: (json) => platform.writeAuditAnchor!(json) }
}

/** An in-memory store (tests, and a stand-in where nothing else exists). */
export function memoryAnchorStore(initial: string | null = null): AnchorStore & { text: string | null } {
  const store = {
    text: initial,
    async read() {
      return store.text
    },
    async write(json: string) {
      store.text = json
    }
  }
  return store
}

let store: AnchorStore | null = null
let queue: Promise<unknown> = Promise.resolve()

/** Reads, changes and writes the anchor, one change at a time. */
function change(fn: (anchor: AuditAnchor | null) => AuditAnchor | null): Promise<void> {
  const target = store
  if (!target) return Promise.resolve()
  const run = queue.then(async () => {
    const next = fn(parseAnchor(await target.read()))
    if (next) await target.write(JSON.stringify(next))
  })
  queue = run.catch(() => undefined)
  return run
}

/**
 * Wires the anchor into every audit write. Until a signing key exists there is no anchor, and
 * nothing is written: the anchor starts complete (every chain's head) when the key is created.
 */
export function installAuditAnchor(next: AnchorStore | null): void {
  store = next
  if (!next) {
    setAuditHooks(null)
    return
  }
  setAuditHooks({
    async pending(chain, entry) {
      try {
        await change((a) => (a ? withPending(a, chain, entry) : null))
      } catch (error) {
        console.error('[audit] anchor pending write failed', error)
        throw new Error(ANCHOR_WRITE_FAILED)
      }
    },
    committed: (chain, entry) => change((a) => (a ? withCommitted(a, chain, entry) : null)),
    failed: (chain) => change((a) => (a ? withoutPending(a, chain) : null))
  })
}

export async function readAnchor(): Promise<AuditAnchor | null> {
  await queue
  return store ? parseAnchor(await store.read()) : null
}

/** The key was just created: the anchor records its fingerprint and every chain's head. */
export async function anchorNewKey(fingerprint: string, createdAt: number, heads: Record<string, ChainHead>): Promise<void> {
  await change((a) => withKey(a ?? emptyAnchor(), fingerprint, createdAt, heads))
}

/** After a whole-database restore: the anchor follows the restored chains and notes the restore. */
export async function rebaseAnchorAfterRestore(db: HuibaoDatabase, backupCreatedAt: number, now = Date.now()): Promise<void> {
  if (!store) return
  const people = await getReviewPeople(db)
  const heads = await chainHeads(db)
  const key = people?.signingKey
  await change((a) =>
    rebased(a, heads, {
      at: now,
      backupCreatedAt,
      keyFingerprint: key?.fingerprint ?? null,
      keyCreatedAt: key?.createdAt ?? null,
      legacyUpTo: people?.legacyUpTo ?? {}
    })
  )
}

/** Everything the versions page says about one report's trail. */
export async function verifyReportTrail(db: HuibaoDatabase, reportId: string): Promise<TrailVerdict> {
  const [entries, people, report, state, anchor] = await Promise.all([
    listAudit(db, reportId),
    getReviewPeople(db),
    getReport(db, reportId),
    getReviewState(db, reportId),
    readAnchor()
  ])
  return verifyTrail({
    chain: reportId,
    entries,
    key: people?.signingKey ?? null,
    anchor,
    status: report?.status,
    approvalHash: state.approval?.contentHash ?? null,
    formatTime: formatDateTime
  })
}
