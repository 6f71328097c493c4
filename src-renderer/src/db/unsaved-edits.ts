// Edits that were still unsaved when the page went away (reload, window closed right after a
// keystroke). The autosave started on `pagehide` often cannot commit before the page is torn
// down, so the editor also records what that save would write in localStorage, which is
// synchronous and survives. The next time the report opens, the record is put back through
// the normal section save (with its approval lock) before the report is read, then removed.
import { z } from 'zod'
import type { BlockJSON } from '@core/report'
import type { Role } from '@core/review/workflow'
import { saveSections, sectionRowsOf, type HuibaoDatabase } from './database'
import { ReportLockedError } from './lock'

/** The part of localStorage this needs (a Map-backed fake in tests). */
export type UnsavedEditsStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>
/** Also lists its keys: for the sweep at start-up. */
export type ListableStorage = UnsavedEditsStorage & Pick<Storage, 'key' | 'length'>

export interface UnsavedEdits {
  reportId: string
  /** When the page went away (ms). Rows written later than this are newer than the record. */
  at: number
  by: Role
  change: { changed: BlockJSON[]; removedIds: string[]; order: string[] | null }
}

export type RecoveryResult =
  | { kind: 'none' }
  /** The record's edits were written back into the report (its title, for the message). */
  | { kind: 'recovered'; title: string }
  /** There was a record but nothing to put back: the save had committed, or newer edits exist. */
  | { kind: 'already-saved' }
  | { kind: 'failed'; message: string }

const KEY_PREFIX = 'huibao.unsaved-edits.'

export function unsavedEditsKey(reportId: string): string {
  return KEY_PREFIX + reportId
}

const blockSchema = z.looseObject({
  type: z.enum(['preamble', 'section']),
  attrs: z.looseObject({ id: z.string().min(1) }),
  content: z.array(z.looseObject({ type: z.string() }))
})

const recordSchema = z.strictObject({
  format: z.literal('huibao-unsaved-edits'),
  formatVersion: z.literal(1),
  reportId: z.string().min(1),
  at: z.number().int().positive(),
  by: z.enum(['clerk', 'leader']),
  change: z.strictObject({
    changed: z.array(blockSchema),
    removedIds: z.array(z.string().min(1)),
    order: z.array(z.string().min(1)).nullable()
  })
})

/** The page's localStorage, or null where the page may not use it. */
export function pageStorage(): ListableStorage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage
  } catch {
    return null
  }
}

/** Writes the record synchronously; false when storage refused it (full, or not allowed). */
export function recordUnsavedEdits(storage: UnsavedEditsStorage | null, edits: UnsavedEdits): boolean {
  if (!storage) return false
  try {
    storage.setItem(unsavedEditsKey(edits.reportId), JSON.stringify({ format: 'huibao-unsaved-edits', formatVersion: 1, ...edits }))
    return true
  } catch {
    return false
  }
}

export function clearUnsavedEdits(storage: UnsavedEditsStorage | null, reportId: string): void {
  try {
    storage?.removeItem(unsavedEditsKey(reportId))
  } catch {
    // Storage gone: there is nothing left to clear.
  }
}

/**
 * Puts a report's recorded edits back, if it has any. Only what differs from the stored rows
 * is written; a record older than a row it touches (written after the page went away) is
 * dropped whole rather than mixed with the newer text.
 */
export async function recoverUnsavedEdits(db: HuibaoDatabase, reportId: string, storage: UnsavedEditsStorage | null): Promise<RecoveryResult> {
  let raw: string | null
  try {
    raw = storage?.getItem(unsavedEditsKey(reportId)) ?? null
  } catch {
    return { kind: 'none' }
  }
  if (raw === null) return { kind: 'none' }
  const parsed = recordSchema.safeParse(safeJson(raw))
  if (!parsed.success || parsed.data.reportId !== reportId) {
    clearUnsavedEdits(storage, reportId)
    return { kind: 'failed', message: '上次关闭前未保存的内容记录已损坏，无法恢复。' }
  }
  // The blocks' inner content is ProseMirror JSON this page wrote from its own document; the
  // check above is for a damaged record, not for a different shape.
  const record = parsed.data as unknown as UnsavedEdits
  try {
    const wrote = await db.transaction('rw', db.reports, db.sections, async () => {
      const report = await db.reports.get(reportId)
      if (!report || report.deletedAt !== null) return null
      const rows = new Map((await sectionRowsOf(db, reportId)).map((row) => [row.id, row]))
      const change = remainingChange(record, rows, report.sectionOrder)
      if (!change) return null
      await saveSections(db, reportId, change, Date.now(), record.by)
      return report.meta.title
    })
    clearUnsavedEdits(storage, reportId)
    return wrote === null ? { kind: 'already-saved' } : { kind: 'recovered', title: wrote }
  } catch (error) {
    // A lock refusal will not change on a retry; any other failure keeps the record for the next open.
    if (error instanceof ReportLockedError) {
      clearUnsavedEdits(storage, reportId)
      return { kind: 'failed', message: `上次关闭前未保存的内容无法恢复：${error.message}` }
    }
    return { kind: 'failed', message: '上次关闭前未保存的内容暂时无法恢复，下次打开这份报告时会再试。' }
  }
}

/**
 * Every report's recorded edits, put back one report after another: at start-up, so a report
 * the clerk does not open first (the list, backups, exports) has them too. Opening a report
 * does the same for that report, so the two may meet: the second finds nothing left to do.
 */
export async function recoverAllUnsavedEdits(db: HuibaoDatabase, storage: ListableStorage | null): Promise<RecoveryResult[]> {
  const ids: string[] = []
  try {
    for (let i = 0; storage && i < storage.length; i++) {
      const key = storage.key(i)
      if (key?.startsWith(KEY_PREFIX)) ids.push(key.slice(KEY_PREFIX.length))
    }
  } catch {
    return []
  }
  const results: RecoveryResult[] = []
  for (const id of ids) results.push(await recoverUnsavedEdits(db, id, storage))
  return results
}

/** What of the record is not in the stored rows yet; null when nothing is (or the record is stale). */
function remainingChange(
  record: UnsavedEdits,
  rows: Map<string, { json: BlockJSON; updatedAt: number }>,
  storedOrder: string[]
): UnsavedEdits['change'] | null {
  const touched = [...record.change.changed.map((b) => b.attrs.id), ...record.change.removedIds]
  if (touched.some((id) => (rows.get(id)?.updatedAt ?? 0) > record.at)) return null
  // Rows come back from IndexedDB with their properties in the order they were written, so
  // equal documents serialise equally.
  const changed = record.change.changed.filter((block) => {
    const row = rows.get(block.attrs.id)
    return !row || JSON.stringify(row.json) !== JSON.stringify(block)
  })
  const removedIds = record.change.removedIds.filter((id) => rows.has(id))
  const order = record.change.order && !sameOrder(record.change.order, storedOrder) ? record.change.order : null
  if (changed.length === 0 && removedIds.length === 0 && order === null) return null
  return { changed, removedIds, order }
}

function sameOrder(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((id, i) => id === b[i])
}

function safeJson(raw: string): unknown {
  try {
    return JSON.parse(raw)
  } catch {
    return null
  }
}
