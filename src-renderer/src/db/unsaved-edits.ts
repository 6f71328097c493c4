// Edits that were still unsaved when the page went away (reload, window closed right after a
// keystroke, a figure typed but not yet confirmed). The save started on `pagehide` often cannot
// commit before the page is torn down, so the page also records what that save would write in
// localStorage, which is synchronous and survives. The next time the report opens (or the app
// starts), the records are put back through the normal saves (with their approval lock)
// before the report is read, then removed. The text (editor store) and the figures (metric
// form) are recorded by different parts of the page, so each has its own record.
import { z } from 'zod'
import type { BlockJSON } from '@core/report'
import type { MetricValue } from '@core/template'
import type { Role } from '@core/review/workflow'
import { saveMetricValues, saveSections, sectionRowsOf, type HuibaoDatabase } from './database'
import { ReportLockedError } from './lock'
import { qualifierSchema } from '@core/template-file'

/** The part of localStorage this needs (a Map-backed fake in tests). */
export type UnsavedEditsStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>
/** Also lists its keys: for the sweep at start-up. */
export type ListableStorage = UnsavedEditsStorage & Pick<Storage, 'key' | 'length'>

interface Recorded {
  reportId: string
  /** When the page went away (ms). Rows written later than this are newer than the record. */
  at: number
  by: Role
}

/** The text: what the autosave would have written. */
export interface UnsavedEdits extends Recorded {
  change: { changed: BlockJSON[]; removedIds: string[]; order: string[] | null }
}

/** Figures typed into the form and not yet confirmed (checked values only). */
export interface UnsavedFigures extends Recorded {
  figures: MetricValue[]
}

export type RecoveryResult =
  | { kind: 'none' }
  /** The records' edits were written back into the report (its title, for the message). */
  | { kind: 'recovered'; title: string }
  /** There were records but nothing to put back: the saves had committed, or newer edits exist. */
  | { kind: 'already-saved' }
  | { kind: 'failed'; message: string }

const TEXT_PREFIX = 'huibao.unsaved-edits.'
const FIGURES_PREFIX = 'huibao.unsaved-figures.'

export function unsavedEditsKey(reportId: string): string {
  return TEXT_PREFIX + reportId
}

export function unsavedFiguresKey(reportId: string): string {
  return FIGURES_PREFIX + reportId
}

const recorded = {
  formatVersion: z.literal(1),
  reportId: z.string().min(1),
  at: z.number().int().positive(),
  by: z.enum(['clerk', 'leader'])
}

const blockSchema = z.looseObject({
  type: z.enum(['preamble', 'section']),
  attrs: z.looseObject({ id: z.string().min(1) }),
  content: z.array(z.looseObject({ type: z.string() }))
})

const textSchema = z.strictObject({
  format: z.literal('huibao-unsaved-edits'),
  ...recorded,
  change: z.strictObject({
    changed: z.array(blockSchema),
    removedIds: z.array(z.string().min(1)),
    order: z.array(z.string().min(1)).nullable()
  })
})

const figuresSchema = z.strictObject({
  format: z.literal('huibao-unsaved-figures'),
  ...recorded,
  figures: z.array(
    z.strictObject({
      metricId: z.string().min(1),
      value: z.union([z.number(), z.string(), z.null()]),
      qualifier: qualifierSchema
    })
  )
})

function write(storage: UnsavedEditsStorage | null, key: string, record: object): boolean {
  if (!storage) return false
  try {
    storage.setItem(key, JSON.stringify(record))
    return true
  } catch {
    return false
  }
}

function remove(storage: UnsavedEditsStorage | null, key: string): void {
  try {
    storage?.removeItem(key)
  } catch {
    // Storage gone: there is nothing left to clear.
  }
}

/** Writes the text's record synchronously; false when storage refused it (full, or not allowed). */
export function recordUnsavedEdits(storage: UnsavedEditsStorage | null, edits: UnsavedEdits): boolean {
  return write(storage, unsavedEditsKey(edits.reportId), { format: 'huibao-unsaved-edits', formatVersion: 1, ...edits })
}

/** Writes the figures' record synchronously; false when storage refused it. */
export function recordUnsavedFigures(storage: UnsavedEditsStorage | null, figures: UnsavedFigures): boolean {
  return write(storage, unsavedFiguresKey(figures.reportId), { format: 'huibao-unsaved-figures', formatVersion: 1, ...figures })
}

export function clearUnsavedEdits(storage: UnsavedEditsStorage | null, reportId: string): void {
  remove(storage, unsavedEditsKey(reportId))
}

export function clearUnsavedFigures(storage: UnsavedEditsStorage | null, reportId: string): void {
  remove(storage, unsavedFiguresKey(reportId))
}

type Read<T> = { kind: 'none' } | { kind: 'damaged' } | { kind: 'ok'; record: T }

function read<T>(storage: UnsavedEditsStorage | null, key: string, schema: z.ZodType, reportId: string): Read<T> {
  let raw: string | null
  try {
    raw = storage?.getItem(key) ?? null
  } catch {
    return { kind: 'none' }
  }
  if (raw === null) return { kind: 'none' }
  const parsed = schema.safeParse(safeJson(raw))
  if (!parsed.success || (parsed.data as Recorded).reportId !== reportId) return { kind: 'damaged' }
  // The blocks' inner content is ProseMirror JSON this page wrote from its own document; the
  // check is for a damaged record, not for a different shape.
  return { kind: 'ok', record: parsed.data as T }
}

/**
 * Puts a report's recorded edits back, if it has any. Only what differs from the stored rows
 * is written; a record older than a row it touches (written after the page went away) is
 * dropped whole rather than mixed with the newer text.
 */
export async function recoverUnsavedEdits(db: HuibaoDatabase, reportId: string, storage: UnsavedEditsStorage | null): Promise<RecoveryResult> {
  const text = read<UnsavedEdits>(storage, unsavedEditsKey(reportId), textSchema, reportId)
  const figures = read<UnsavedFigures>(storage, unsavedFiguresKey(reportId), figuresSchema, reportId)
  if (text.kind === 'none' && figures.kind === 'none') return { kind: 'none' }
  const clear = () => {
    clearUnsavedEdits(storage, reportId)
    clearUnsavedFigures(storage, reportId)
  }
  if (text.kind === 'damaged' || figures.kind === 'damaged') {
    clear()
    return { kind: 'failed', message: '上次关闭前未保存的内容记录已损坏，无法恢复。' }
  }
  try {
    const wrote = await db.transaction('rw', db.reports, db.sections, db.metricValues, async () => {
      const report = await db.reports.get(reportId)
      if (!report || report.deletedAt !== null) return null
      let wroteAny = false
      if (text.kind === 'ok') {
        const rows = new Map((await sectionRowsOf(db, reportId)).map((row) => [row.id, row]))
        const change = remainingChange(text.record, rows, report.sectionOrder)
        if (change) {
          await saveSections(db, reportId, change, Date.now(), text.record.by)
          wroteAny = true
        }
      }
      if (figures.kind === 'ok') {
        const rows = new Map((await db.metricValues.where('reportId').equals(reportId).toArray()).map((row) => [row.metricId, row]))
        const values = remainingFigures(figures.record, rows)
        if (values.length > 0) {
          await saveMetricValues(db, reportId, values, Date.now(), figures.record.by)
          wroteAny = true
        }
      }
      return wroteAny ? report.meta.title : null
    })
    clear()
    return wrote === null ? { kind: 'already-saved' } : { kind: 'recovered', title: wrote }
  } catch (error) {
    // A lock refusal will not change on a retry; any other failure keeps the records for the next open.
    if (error instanceof ReportLockedError) {
      clear()
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
  const ids = new Set<string>()
  try {
    for (let i = 0; storage && i < storage.length; i++) {
      const key = storage.key(i) ?? ''
      for (const prefix of [TEXT_PREFIX, FIGURES_PREFIX]) if (key.startsWith(prefix)) ids.add(key.slice(prefix.length))
    }
  } catch {
    return []
  }
  const results: RecoveryResult[] = []
  for (const id of ids) results.push(await recoverUnsavedEdits(db, id, storage))
  return results
}

/** What of the text's record is not in the stored rows yet; null when nothing is (or the record is stale). */
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

/** The recorded figures the stored rows do not have yet; none when the record is stale. */
function remainingFigures(record: UnsavedFigures, rows: Map<string, MetricValue & { updatedAt: number }>): MetricValue[] {
  if (record.figures.some((f) => (rows.get(f.metricId)?.updatedAt ?? 0) > record.at)) return []
  return record.figures.filter((f) => {
    const row = rows.get(f.metricId)
    return !row || row.value !== f.value || row.qualifier !== f.qualifier
  })
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
