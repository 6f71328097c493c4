// Recovery copies: one report's rows (report, sections, figures) written outside IndexedDB by
// the desktop app a little behind each change, and put back as a new report when the database
// is lost. Checked with the backup format's row shapes before anything is written.
import { z } from 'zod'
import type { Report } from '@core/report'
import type { HuibaoDatabase, MetricValueRow, SectionRow } from './database'
import { CURRENT_SCHEMA_VERSION, reportRowSchema, rowSchemas } from './backup'

export interface RecoveryCopy {
  format: 'huibao-recovery'
  formatVersion: 1
  schemaVersion: number
  reportId: string
  title: string
  year: number
  updatedAt: number
  copiedAt: number
  report: Report
  sections: SectionRow[]
  metricValues: MetricValueRow[]
}

const recoveryCopySchema = z.looseObject({
  format: z.literal('huibao-recovery'),
  formatVersion: z.literal(1),
  schemaVersion: z.number().int().positive(),
  reportId: z.string().min(1),
  report: reportRowSchema,
  sections: z.array(rowSchemas.sections),
  metricValues: z.array(rowSchemas.metricValues)
})

/** Reports changed after `since` (ms), by the updatedAt index: one query, not a scan. */
export function reportsChangedSince(db: HuibaoDatabase, since: number): Promise<Report[]> {
  return db.reports.where('updatedAt').above(since).toArray()
}

/** A report with its rows, read in one transaction so the copy is consistent. */
export async function loadRecoveryCopy(db: HuibaoDatabase, reportId: string, now = Date.now()): Promise<RecoveryCopy | null> {
  return db.transaction('r', db.reports, db.sections, db.metricValues, async () => {
    const report = await db.reports.get(reportId)
    if (!report) return null
    const sections = await db.sections.where('reportId').equals(reportId).toArray()
    const metricValues = await db.metricValues.where('reportId').equals(reportId).toArray()
    return {
      format: 'huibao-recovery' as const,
      formatVersion: 1 as const,
      schemaVersion: db.verno,
      reportId,
      title: report.meta.title,
      year: report.meta.year,
      updatedAt: report.updatedAt,
      copiedAt: now,
      report,
      sections,
      metricValues
    }
  })
}

export function parseRecoveryCopy(json: string): RecoveryCopy {
  let value: unknown
  try {
    value = JSON.parse(json)
  } catch {
    throw new Error('这个恢复副本已损坏，请选择同一报告的另一个副本。')
  }
  const parsed = recoveryCopySchema.safeParse(value)
  if (!parsed.success) throw new Error('这个恢复副本已损坏，请选择同一报告的另一个副本。')
  if (parsed.data.schemaVersion > CURRENT_SCHEMA_VERSION) {
    throw new Error('这个恢复副本由更新版本的汇报创建，请先升级汇报后再恢复。')
  }
  return parsed.data as unknown as RecoveryCopy
}

/** A report put back from a recovery copy; `reopened` when it had been 送审/approved. */
export interface RecoveredReport {
  report: Report
  reopened: boolean
}

/**
 * Puts a report from a recovery copy back. If a report with that id still exists it is left
 * alone and the copy comes back as a new report (new id, title marked), so nothing is lost.
 * A copy holds no versions, audit trail or approval record, so a report that was submitted or
 * approved cannot come back locked under an approval nobody can verify: it comes back as a
 * draft, to be 送审 and approved again.
 */
export async function restoreRecoveryCopy(
  db: HuibaoDatabase,
  copy: RecoveryCopy,
  newId: () => string,
  now = Date.now()
): Promise<RecoveredReport> {
  const reopened = copy.report.status !== 'draft' && copy.report.status !== 'returned'
  return db.transaction('rw', db.reports, db.sections, db.metricValues, async () => {
    const exists = (await db.reports.get(copy.reportId)) !== undefined
    const id = exists ? newId() : copy.reportId
    const report: Report = {
      ...copy.report,
      id,
      status: reopened ? 'draft' : copy.report.status,
      deletedAt: null,
      updatedAt: now,
      meta: exists ? { ...copy.report.meta, title: `${copy.report.meta.title}（恢复副本）` } : copy.report.meta
    }
    await db.reports.add(report)
    await db.sections.bulkPut(copy.sections.map((row) => ({ ...row, reportId: id })))
    await db.metricValues.bulkPut(copy.metricValues.map((row) => ({ ...row, reportId: id })))
    return { report, reopened }
  })
}

/** Which of these report ids the database still has (recycle bin included). */
export async function reportIdsPresent(db: HuibaoDatabase, ids: string[]): Promise<Set<string>> {
  const found = await db.reports.bulkGet(ids)
  return new Set(found.filter((r): r is Report => r !== undefined).map((r) => r.id))
}
