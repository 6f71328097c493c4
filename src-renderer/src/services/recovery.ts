// Recovery copies: every ~45 s, each report changed since its last copy is sent to main, which
// keeps 3 generations per report on disk. If IndexedDB is lost (full disk, damaged store), the
// clerk loses at most about a minute of work. In the browser the platform has no disk and this
// is a no-op. Also: listing the copies and putting a report back from one.
import type { RecoveryCopyInfo } from '@contract/ipc'
import { getPlatform, type Platform } from '../platform'
import { getDatabase, type HuibaoDatabase } from '../db/database'
import { loadRecoveryCopy, parseRecoveryCopy, reportIdsPresent, reportsChangedSince, restoreRecoveryCopy, type RecoveredReport } from '../db/recovery'
import { rebuildDatabase } from '../db/rebuild'

export const RECOVERY_INTERVAL_MS = 45_000

export class RecoveryCopier {
  /** Per report: the updatedAt of the newest copy on disk. */
  private readonly copied = new Map<string, number>()
  /** Highest updatedAt fully handled; the next sweep asks only for reports above it. */
  private watermark = 0
  private primed = false
  private running: Promise<number> | null = null

  constructor(
    private readonly db: () => HuibaoDatabase = getDatabase,
    private readonly platform: Platform = getPlatform(),
    private readonly now: () => number = Date.now
  ) {}

  get available(): boolean {
    return this.platform.kind === 'electron' && typeof this.platform.writeRecoveryCopy === 'function'
  }

  /** One pass; answers how many copies were written. Overlapping calls share one pass. */
  sweep(): Promise<number> {
    this.running ??= this.pass().finally(() => {
      this.running = null
    })
    return this.running
  }

  private async pass(): Promise<number> {
    if (!this.available) return 0
    if (!this.primed) {
      // After a restart: what is already on disk need not be copied again.
      for (const copy of (await this.platform.listRecoveryCopies?.()) ?? []) {
        this.copied.set(copy.reportId, Math.max(this.copied.get(copy.reportId) ?? 0, copy.updatedAt))
      }
      this.primed = true
    }
    const changed = await reportsChangedSince(this.db(), this.watermark)
    let written = 0
    let failed = false
    for (const report of changed) {
      if (report.updatedAt <= (this.copied.get(report.id) ?? -1)) continue
      try {
        const copy = await loadRecoveryCopy(this.db(), report.id, this.now())
        if (!copy) continue
        await this.platform.writeRecoveryCopy!(report.id, JSON.stringify(copy))
        this.copied.set(report.id, copy.updatedAt)
        written++
      } catch (error) {
        // Retried next pass: the watermark does not move past a report that failed.
        failed = true
        console.error(`[recovery] copy of report ${report.id} failed`, error)
      }
    }
    if (!failed) this.watermark = Math.max(this.watermark, ...changed.map((r) => r.updatedAt))
    return written
  }

  /** Starts the periodic sweep (the first one right away); answers the stop function. */
  start(intervalMs = RECOVERY_INTERVAL_MS): () => void {
    if (!this.available) return () => undefined
    void this.sweep()
    const timer = setInterval(() => void this.sweep(), intervalMs)
    return () => clearInterval(timer)
  }
}

export interface RecoveryEntry extends RecoveryCopyInfo {
  /** false when the database has no report with this id any more. */
  inDatabase: boolean
}

/** All copies, newest first, each marked whether its report is still in the database. */
export async function listRecoveryEntries(
  platform: Platform = getPlatform(),
  db: HuibaoDatabase | null = getDatabase()
): Promise<RecoveryEntry[]> {
  const copies = (await platform.listRecoveryCopies?.()) ?? []
  const present = db ? await reportIdsPresent(db, [...new Set(copies.map((c) => c.reportId))]) : new Set<string>()
  return copies.map((copy) => ({ ...copy, inDatabase: present.has(copy.reportId) }))
}

function newId(): string {
  return crypto.randomUUID()
}

/** Puts one report back from a copy (as a new report if the original still exists). */
export async function recoverReport(
  entry: Pick<RecoveryCopyInfo, 'reportId' | 'fileName'>,
  platform: Platform = getPlatform(),
  db: HuibaoDatabase = getDatabase()
): Promise<RecoveredReport> {
  if (!platform.readRecoveryCopy) throw new Error('浏览器版不保存恢复副本。')
  const copy = parseRecoveryCopy(await platform.readRecoveryCopy(entry.reportId, entry.fileName))
  return restoreRecoveryCopy(db, copy, newId)
}

/**
 * For the start-up error page: the database cannot be opened. Tries once more; if it still
 * fails, deletes it and creates an empty one, then puts the chosen reports back.
 */
export async function recoverIntoNewDatabase(
  entries: Array<Pick<RecoveryCopyInfo, 'reportId' | 'fileName'>>,
  platform: Platform = getPlatform()
): Promise<number> {
  if (!platform.readRecoveryCopy) throw new Error('浏览器版不保存恢复副本。')
  // Read every copy first: nothing is deleted unless all chosen copies are readable.
  const copies = []
  for (const entry of entries) copies.push(parseRecoveryCopy(await platform.readRecoveryCopy(entry.reportId, entry.fileName)))
  const db = await rebuildDatabase()
  for (const copy of copies) await restoreRecoveryCopy(db, copy, newId)
  return copies.length
}
