// Whole-database backup and restore (dexie-export-import), and one report's rows for a
// recovery copy. Like database.ts, this is the only place these operations touch IndexedDB.
//
// A backup file is UTF-8 JSON:
//   { format: 'huibao-backup', formatVersion, appVersion, schemaVersion, createdAt,
//     summary: { reports: [{ id, title, year, updatedAt, deleted }] }, dataSha256, data }
// where `data` is dexie-export-import's export, verbatim. The summary lets a restore SHOW what
// a backup holds before anything is changed; the checksum catches a file damaged in transit.
import Dexie from 'dexie'
import { exportDB, importDB, importInto } from 'dexie-export-import'
import semver from 'semver'
import { z } from 'zod'
import { sha256Hex } from '@core/hash'
import type { Report } from '@core/report'
import {
  DATABASE_NAME,
  SCHEMA_VERSIONS,
  HuibaoDatabase,
  declareSchema,
  getDatabase,
  setDatabase,
  type MetricValueRow,
  type SectionRow
} from './database'

export const BACKUP_FORMAT = 'huibao-backup'
export const BACKUP_FORMAT_VERSION = 1
export const CURRENT_SCHEMA_VERSION = SCHEMA_VERSIONS.length
/** Tables whose rows are checked field by field; rows of other tables must be objects. */
const CHECKED_TABLES = ['reports', 'sections', 'metricValues', 'settings'] as const
type CheckedTable = (typeof CHECKED_TABLES)[number]

/** The tables a database of `schemaVersion` has, from the app's own schema declarations. */
function tablesAtVersion(schemaVersion: number): string[] {
  const probe = new Dexie('huibao-schema-probe')
  declareSchema(probe, schemaVersion)
  return probe.tables.map((table) => table.name).sort()
}

export const BACKUP_MESSAGES = {
  notBackup: '这不是汇报的备份文件。请选择由“备份到…”或自动备份生成的 .json 文件。当前数据没有改动。',
  damaged: '备份文件已损坏，无法恢复。请换一个备份文件（例如更早的自动备份）。当前数据没有改动。',
  newer: '该备份由更新版本的汇报创建，当前版本无法读取。请先升级汇报到最新版本，再恢复此备份。当前数据没有改动。'
} as const

export type BackupErrorKind = keyof typeof BACKUP_MESSAGES

/** A refusal to read a backup; its message is the Chinese sentence the clerk sees. */
export class BackupError extends Error {
  override name = 'BackupError'
  constructor(
    readonly kind: BackupErrorKind,
    /** For the console and tests: what exactly was wrong. */
    readonly detail = ''
  ) {
    super(BACKUP_MESSAGES[kind])
  }
}

// ---- Shapes ------------------------------------------------------------------------------

const summaryReportSchema = z.strictObject({
  id: z.string().min(1),
  title: z.string(),
  year: z.number().int(),
  updatedAt: z.number(),
  deleted: z.boolean()
})

export type BackupSummaryReport = z.infer<typeof summaryReportSchema>

const reportRowSchema = z.looseObject({
  id: z.string().min(1),
  meta: z.looseObject({ title: z.string(), year: z.number().int() }),
  sectionOrder: z.array(z.string()),
  updatedAt: z.number(),
  // Schema 1 rows have no deletedAt; the upgrade gives them one.
  deletedAt: z.number().nullable().optional()
})
const rowSchemas: Record<CheckedTable, z.ZodType> = {
  reports: reportRowSchema,
  sections: z.looseObject({ reportId: z.string().min(1), id: z.string().min(1), json: z.looseObject({ type: z.string() }) }),
  metricValues: z.looseObject({ reportId: z.string().min(1), metricId: z.string().min(1) }),
  settings: z.looseObject({ key: z.string().min(1) })
}

const dexieExportSchema = z.strictObject({
  formatName: z.literal('dexie'),
  formatVersion: z.literal(1),
  data: z.strictObject({
    databaseName: z.string(),
    databaseVersion: z.number(),
    tables: z.array(z.strictObject({ name: z.string(), schema: z.string(), rowCount: z.number().int().nonnegative() })),
    data: z.array(z.strictObject({ tableName: z.string(), inbound: z.literal(true), rows: z.array(z.unknown()) }))
  })
})

export type DexieExport = z.infer<typeof dexieExportSchema>

const envelopeSchema = z.strictObject({
  format: z.literal(BACKUP_FORMAT),
  formatVersion: z.number().int().positive(),
  appVersion: z.string().min(1),
  schemaVersion: z.number().int().positive(),
  createdAt: z.number().int().nonnegative(),
  summary: z.strictObject({ reports: z.array(summaryReportSchema) }),
  dataSha256: z.string().regex(/^[0-9a-f]{64}$/),
  data: z.unknown()
})

/** A backup that passed every check: safe to show and to restore. */
export interface ParsedBackup {
  appVersion: string
  schemaVersion: number
  createdAt: number
  reports: BackupSummaryReport[]
  data: DexieExport
}

// ---- Helpers -----------------------------------------------------------------------------

/** True when a backup was made by a newer app than this one (semver precedence; unparsable → false). */
export function isNewerVersion(candidate: string, current: string): boolean {
  const a = semver.valid(candidate)
  const b = semver.valid(current)
  return a !== null && b !== null && semver.gt(a, b)
}

function summarize(rows: unknown[]): BackupSummaryReport[] {
  return (rows as Report[]).map((r) => ({
    id: r.id,
    title: r.meta.title,
    year: r.meta.year,
    updatedAt: r.updatedAt,
    deleted: r.deletedAt !== null && r.deletedAt !== undefined
  }))
}

function tableRows(data: DexieExport, name: string): unknown[] {
  return data.data.data.find((t) => t.tableName === name)?.rows ?? []
}

/**
 * dexie-export-import reads a Blob in chunks, with async file reads between them; inside a
 * transaction those would let IndexedDB auto-commit. This stream is already fully parsed, so
 * the whole import (clear included) runs inside ONE transaction: all or nothing.
 */
function parsedStream(data: DexieExport) {
  // A private copy: the import empties the row arrays it consumes. JSON, not structuredClone,
  // because the caller's object may be a (Vue) proxy, which structuredClone refuses.
  const result = JSON.parse(JSON.stringify(data)) as DexieExport
  return {
    result,
    eof: () => true,
    done: () => true,
    pullAsync: async () => result,
    pullSync: () => result
  } as unknown as Parameters<typeof importInto>[1]
}

// ---- Export ------------------------------------------------------------------------------

export interface CreateBackupOptions {
  appVersion: string
  now?: number
}

/** The whole database as a backup file. Works on any open Dexie of this app, any version. */
export async function createBackup(db: Dexie, { appVersion, now = Date.now() }: CreateBackupOptions): Promise<Uint8Array> {
  const data = JSON.parse(await (await exportDB(db)).text()) as DexieExport
  const envelope = {
    format: BACKUP_FORMAT,
    formatVersion: BACKUP_FORMAT_VERSION,
    appVersion,
    schemaVersion: db.verno,
    createdAt: now,
    summary: { reports: summarize(tableRows(data, 'reports')) },
    dataSha256: await sha256Hex(JSON.stringify(data)),
    data
  }
  return new TextEncoder().encode(JSON.stringify(envelope))
}

/**
 * Backs up the database as it is on disk WITHOUT upgrading it: opened without a declared
 * schema (Dexie's dynamic mode), so an app upgrade can take its backup before the new schema
 * touches anything. null when there is no database yet.
 */
export async function createBackupBeforeOpen(options: CreateBackupOptions, name = DATABASE_NAME): Promise<Uint8Array | null> {
  if (!(await Dexie.exists(name))) return null
  const raw = new Dexie(name)
  try {
    await raw.open()
    return await createBackup(raw, options)
  } finally {
    raw.close()
  }
}

// ---- Read and validate -------------------------------------------------------------------

/**
 * Checks a backup file completely, touching no database: JSON, envelope, checksum, versions,
 * the export's tables and rows, and that the summary matches the rows. Throws BackupError.
 */
export async function readBackup(bytes: Uint8Array, { appVersion }: { appVersion?: string } = {}): Promise<ParsedBackup> {
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    throw new BackupError(looksLikeOurs(bytes) ? 'damaged' : 'notBackup', 'not UTF-8')
  }
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    // A truncated copy of our file still starts like one: that is damage, not a foreign file.
    throw new BackupError(looksLikeOurs(bytes) ? 'damaged' : 'notBackup', 'not JSON')
  }
  if (typeof value !== 'object' || value === null || (value as { format?: unknown }).format !== BACKUP_FORMAT) {
    throw new BackupError('notBackup', 'no huibao-backup format tag')
  }
  const formatVersion = (value as { formatVersion?: unknown }).formatVersion
  if (typeof formatVersion === 'number' && formatVersion > BACKUP_FORMAT_VERSION) {
    throw new BackupError('newer', `formatVersion ${formatVersion}`)
  }
  const envelope = envelopeSchema.safeParse(value)
  if (!envelope.success) throw new BackupError('damaged', envelope.error.message)
  const head = envelope.data
  if (head.schemaVersion > CURRENT_SCHEMA_VERSION) throw new BackupError('newer', `schemaVersion ${head.schemaVersion}`)
  if (appVersion && isNewerVersion(head.appVersion, appVersion)) throw new BackupError('newer', `appVersion ${head.appVersion}`)
  if ((await sha256Hex(JSON.stringify(head.data))) !== head.dataSha256) throw new BackupError('damaged', 'checksum mismatch')

  const exported = dexieExportSchema.safeParse(head.data)
  if (!exported.success) throw new BackupError('damaged', exported.error.message)
  const data = exported.data
  if (data.data.databaseVersion !== head.schemaVersion) throw new BackupError('damaged', 'schema version mismatch')
  const expected = tablesAtVersion(head.schemaVersion)
  const sameTables = (names: string[]) => JSON.stringify([...names].sort()) === JSON.stringify(expected)
  if (!sameTables(data.data.tables.map((t) => t.name)) || !sameTables(data.data.data.map((t) => t.tableName))) {
    throw new BackupError('damaged', 'unexpected tables')
  }
  for (const name of expected) {
    const declared = data.data.tables.find((t) => t.name === name)!
    const rows = data.data.data.find((t) => t.tableName === name)!.rows
    if (declared.rowCount !== rows.length) throw new BackupError('damaged', `table ${name} row count`)
    const schema = (rowSchemas as Record<string, z.ZodType | undefined>)[name] ?? z.looseObject({})
    if (!rows.every((row) => schema.safeParse(row).success)) throw new BackupError('damaged', `table ${name} rows`)
  }
  const summary = summarize(tableRows(data, 'reports'))
  if (JSON.stringify(summary) !== JSON.stringify(head.summary.reports)) throw new BackupError('damaged', 'summary mismatch')

  return { appVersion: head.appVersion, schemaVersion: head.schemaVersion, createdAt: head.createdAt, reports: summary, data }
}

function looksLikeOurs(bytes: Uint8Array): boolean {
  const start = new TextDecoder('utf-8').decode(bytes.subarray(0, 200))
  return start.includes(`"format":"${BACKUP_FORMAT}"`)
}

// ---- Restore -----------------------------------------------------------------------------

/**
 * Brings an older-schema export up to the current schema with the app's own upgrade code:
 * import it into a scratch database at its version, open that with the full schema, export.
 */
async function upgradeExport(data: DexieExport): Promise<DexieExport> {
  const scratch = `huibao-restore-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`
  const blob = new Blob([JSON.stringify(data)], { type: 'application/json' })
  const imported = await importDB(blob, { name: scratch })
  imported.close()
  const upgraded = new HuibaoDatabase(scratch)
  try {
    await upgraded.open()
    return JSON.parse(await (await exportDB(upgraded)).text()) as DexieExport
  } finally {
    upgraded.close()
    await Dexie.delete(scratch)
  }
}

/**
 * Replaces everything in `db` with the backup, in one transaction: if anything fails, the
 * current data stays exactly as it was. Call only with a ParsedBackup from readBackup, and
 * only after the current state has been backed up.
 */
export async function restoreBackup(db: HuibaoDatabase, backup: ParsedBackup): Promise<void> {
  const data = backup.schemaVersion < db.verno ? await upgradeExport(backup.data) : backup.data
  await db.transaction('rw', db.tables, () =>
    importInto(db, parsedStream(data), { clearTablesBeforeImport: true, acceptNameDiff: true })
  )
}

// ---- One report: recovery copies ---------------------------------------------------------

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

/**
 * Puts a report from a recovery copy back. If a report with that id still exists it is left
 * alone and the copy comes back as a new report (new id, title marked), so nothing is lost.
 */
export async function restoreRecoveryCopy(
  db: HuibaoDatabase,
  copy: RecoveryCopy,
  newId: () => string,
  now = Date.now()
): Promise<Report> {
  return db.transaction('rw', db.reports, db.sections, db.metricValues, async () => {
    const exists = (await db.reports.get(copy.reportId)) !== undefined
    const id = exists ? newId() : copy.reportId
    const report: Report = {
      ...copy.report,
      id,
      deletedAt: null,
      updatedAt: now,
      meta: exists ? { ...copy.report.meta, title: `${copy.report.meta.title}（恢复副本）` } : copy.report.meta
    }
    await db.reports.add(report)
    await db.sections.bulkPut(copy.sections.map((row) => ({ ...row, reportId: id })))
    await db.metricValues.bulkPut(copy.metricValues.map((row) => ({ ...row, reportId: id })))
    return report
  })
}

/** Which of these report ids the database still has (recycle bin included). */
export async function reportIdsPresent(db: HuibaoDatabase, ids: string[]): Promise<Set<string>> {
  const found = await db.reports.bulkGet(ids)
  return new Set(found.filter((r): r is Report => r !== undefined).map((r) => r.id))
}

/**
 * Last resort when the database cannot be opened: one more try, and if it still fails, delete
 * it and start an empty one (the caller then puts reports back from recovery copies).
 */
export async function rebuildDatabase(): Promise<HuibaoDatabase> {
  const db = getDatabase()
  try {
    await db.open()
    return db
  } catch (error) {
    console.warn('[recovery] database still does not open; rebuilding it', error)
  }
  db.close()
  await Dexie.delete(db.name)
  const fresh = new HuibaoDatabase(db.name)
  await fresh.open()
  setDatabase(fresh)
  return fresh
}
