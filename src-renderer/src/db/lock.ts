// The approval lock where it cannot be bypassed: every write to a report's content calls one
// of these inside its own Dexie transaction, so the status it checks is the one stored at the
// moment of the write — a stale screen, a late autosave or a forgotten button cannot get past.
import type { BlockJSON, Report } from '@core/report'
import { lockRefusal, sectionChangeRefusal, type WriteKind } from '@core/review/lock'
import type { Role } from '@core/review/workflow'
import type { HuibaoDatabase } from './database'

/** A write refused because of the report's review status; the message is for the clerk as is. */
export class ReportLockedError extends Error {
  override name = 'ReportLockedError'
}

/** Call inside a transaction that includes db.reports. Returns the report as stored. */
export async function guardReportWrite(db: HuibaoDatabase, reportId: string, by: Role, kind: WriteKind): Promise<Report> {
  const report = await db.reports.get(reportId)
  if (!report) throw new Error(`report ${reportId} not found`)
  const refusal = lockRefusal(report.status, by, kind)
  if (refusal) throw new ReportLockedError(refusal)
  return report
}

/** Call inside a transaction that includes db.reports and db.sections (autosave). */
export async function guardSectionWrite(
  db: HuibaoDatabase,
  reportId: string,
  by: Role,
  change: { changed: readonly BlockJSON[]; removedIds: readonly string[]; order: readonly string[] | null }
): Promise<Report> {
  const report = await db.reports.get(reportId)
  if (!report) throw new Error(`report ${reportId} not found`)
  if (report.status === 'draft' || report.status === 'returned') return report
  // Only a locked report pays for reading the stored sections it is compared with.
  const rows = change.changed.length ? await db.sections.bulkGet(change.changed.map((b) => [reportId, b.attrs.id] as [string, string])) : []
  const before = new Map<string, BlockJSON>()
  for (const row of rows) if (row) before.set(row.id, row.json)
  const orderChanged = change.order !== null && (change.order.length !== report.sectionOrder.length || change.order.some((id, i) => id !== report.sectionOrder[i]))
  const refusal = sectionChangeRefusal(report.status, by, { before, changed: change.changed, removedIds: change.removedIds, orderChanged })
  if (refusal) throw new ReportLockedError(refusal)
  return report
}
