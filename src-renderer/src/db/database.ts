// The only module that touches IndexedDB. Every schema change is a new db.version(n) with
// its upgrade; never edit an old version's stores. Transactions contain Dexie calls only.
import Dexie, { type EntityTable, type Table } from 'dexie'
import type { BlockJSON, Report } from '@core/report'
import type { MetricValue, ReportTemplate } from '@core/template'
import type { AuditEntry } from '@core/review/audit'
import type { CommentThread, ReviewState } from '@core/review/threads'
import type { VersionMeta } from '@core/review/versions'
import { legacyBlockRef, versionBlockKey, type VersionBlockRow, type VersionContentRow } from '@core/review/version-store'
import { withoutCommentMarks } from '@core/review/marks'
import type { Role } from '@core/review/workflow'
import { guardReportWrite, guardSectionWrite } from './lock'
import { previousYearCandidates } from '@core/last-year'
import { previousValuesForReport } from '@core/report-metrics'
import type { MetricDefinition } from '@core/template'

export const DATABASE_NAME = 'huibao'

export interface SectionRow {
  reportId: string
  /** Section id (the preamble's is 'preamble'). */
  id: string
  json: BlockJSON
  updatedAt: number
}

export interface MetricValueRow extends MetricValue {
  reportId: string
  updatedAt: number
}

export interface SettingRow {
  key: string
  value: unknown
}

/**
 * One stored version of a template. 'user' rows are the clerk's own templates (every version
 * kept, so reports made from an older one still open unchanged); 'snapshot' rows record the
 * built-in version a report was made from, in case a later app release changes it.
 */
export interface TemplateRow {
  /** 'id@version' */
  key: string
  id: string
  version: number
  kind: 'user' | 'snapshot'
  template: ReportTemplate
  updatedAt: number
  /** Set when the clerk deletes the template; the rows stay for the reports made from it. */
  deletedAt: number | null
}

export const templateRowKey = (id: string, version: number): string => `${id}@${version}`

export class HuibaoDatabase extends Dexie {
  reports!: EntityTable<Report, 'id'>
  sections!: Table<SectionRow, [string, string]>
  metricValues!: Table<MetricValueRow, [string, string]>
  settings!: EntityTable<SettingRow, 'key'>
  templates!: EntityTable<TemplateRow, 'key'>
  // Review (v4). Written only through db/review.ts; the audit log has no update/delete there.
  versions!: EntityTable<VersionMeta, 'id'>
  // Version content (v5): one row per version (sections by reference) and the sections themselves.
  versionContent!: EntityTable<VersionContentRow, 'id'>
  versionBlocks!: EntityTable<VersionBlockRow, 'key'>
  auditLog!: Table<AuditEntry, [string, number]>
  comments!: EntityTable<CommentThread, 'id'>
  reviewState!: EntityTable<ReviewState, 'reportId'>

  /**
   * Every transaction commits with 'strict' durability: Chromium otherwise reports a commit
   * once the data is handed to the OS, before it is flushed to disk, and township PCs lose
   * power. Saves, approvals and audit entries therefore resolve (and 已保存 shows) only after
   * the flush. 'relaxed' exists for the bench's comparison only.
   */
  constructor(name = DATABASE_NAME, options: { durability?: 'strict' | 'relaxed' } = {}) {
    super(name, { chromeTransactionDurability: options.durability ?? 'strict' })
    declareSchema(this)
  }
}

/** All versions, oldest first. Exported so tests can open the database at an older version. */
export const SCHEMA_VERSIONS: Array<(db: Dexie) => void> = [
  (db) => {
    db.version(1).stores({
      reports: 'id, updatedAt',
      sections: '[reportId+id], reportId',
      metricValues: '[reportId+metricId], reportId',
      settings: 'key'
    })
  },
  (db) => {
    // v2: index the recycle-bin timestamp so the bin can be listed without a full scan, and
    // give rows written by v1 an explicit deletedAt.
    db.version(2)
      .stores({ reports: 'id, updatedAt, deletedAt' })
      .upgrade((tx) =>
        tx
          .table('reports')
          .toCollection()
          .modify((report: Partial<Report>) => {
            if (report.deletedAt === undefined) report.deletedAt = null
          })
      )
  },
  (db) => {
    // v3: user templates and template versions. A new table only: existing rows need no upgrade
    // (reports already carry templateId/templateVersion; previousReportId is optional).
    db.version(3).stores({ templates: 'key, id, kind' })
  },
  (db) => {
    // v4: the leader's review — version snapshots, the hash-chained audit log (one chain per
    // report, '' for app-wide events), comment threads and the per-report review record.
    // Reports keep their status field; a value this version does not know becomes 草稿 so
    // the workflow never meets a status it has no rule for.
    db.version(4)
      .stores({
        versions: 'id, reportId',
        auditLog: '[reportId+seq], reportId',
        comments: 'id, reportId',
        reviewState: 'reportId'
      })
      .upgrade((tx) =>
        tx
          .table('reports')
          .toCollection()
          .modify((report: Partial<Report>) => {
            if (!['draft', 'submitted', 'returned', 'approved', 'sent'].includes(report.status as string)) report.status = 'draft'
          })
      )
  },
  (db) => {
    // v5: compact versions. `versions` keeps only the metadata (listed without content); the
    // content moves to versionContent (title, figures, section references) and versionBlocks
    // (each section once per report; core/review/version-store.ts). A v4 row becomes its
    // metadata, a content row and one block per section under a per-version reference (no
    // hashing here: an upgrade transaction holds Dexie calls only). A row that is not a v4
    // version (no sections array) is left as it was.
    db.version(5)
      .stores({ versionContent: 'id, reportId', versionBlocks: 'key, reportId' })
      .upgrade(async (tx) => {
        // In slices, so years of whole-report snapshots never sit in memory at once.
        const ids = (await tx.table('versions').toCollection().primaryKeys()) as string[]
        for (let start = 0; start < ids.length; start += 20) {
          const rows = (await tx.table('versions').bulkGet(ids.slice(start, start + 20))) as Array<Record<string, unknown> | undefined>
          const metas: Record<string, unknown>[] = []
          const contents: VersionContentRow[] = []
          const blocks: VersionBlockRow[] = []
          for (const row of rows) {
            if (!row || !Array.isArray(row.sections)) continue
            const { meta, sections, values, ...rest } = row as Record<string, unknown> & { sections: VersionBlockRow['json'][] }
            const id = row.id as string
            const reportId = row.reportId as string
            const refs = sections.map((_, i) => legacyBlockRef(id, i))
            sections.forEach((json, i) => blocks.push({ key: versionBlockKey(reportId, refs[i]), reportId, json }))
            contents.push({ id, reportId, meta: meta as VersionContentRow['meta'], values: values as VersionContentRow['values'], blocks: refs })
            metas.push(rest)
          }
          await tx.table('versionBlocks').bulkAdd(blocks)
          await tx.table('versionContent').bulkAdd(contents)
          await tx.table('versions').bulkPut(metas)
        }
      })
  }
]

export function declareSchema(db: Dexie, upTo = SCHEMA_VERSIONS.length): void {
  for (const declare of SCHEMA_VERSIONS.slice(0, upTo)) declare(db)
}

let shared: HuibaoDatabase | null = null

/** The app's database; tests pass their own name to get an isolated one. */
export function getDatabase(): HuibaoDatabase {
  shared ??= new HuibaoDatabase()
  return shared
}

/** Replaces the shared database (store tests use an isolated fake-indexeddb one). */
export function setDatabase(db: HuibaoDatabase | null): void {
  shared = db
}

// ---- Reports ------------------------------------------------------------------------------

/** Live reports newest first, or (deleted: true) the recycle bin, most recently deleted first. */
export async function listReports(db: HuibaoDatabase, options: { deleted?: boolean } = {}): Promise<Report[]> {
  if (options.deleted) {
    // null is not a valid IndexedDB key, so live reports are simply absent from this index.
    return db.reports.orderBy('deletedAt').reverse().toArray()
  }
  const all = await db.reports.orderBy('updatedAt').reverse().toArray()
  return all.filter((r) => r.deletedAt === null)
}

export function getReport(db: HuibaoDatabase, id: string): Promise<Report | undefined> {
  return db.reports.get(id)
}

/** Stores a new report with its sections and (empty) metric values in one transaction. */
export async function createReport(
  db: HuibaoDatabase,
  report: Report,
  sections: BlockJSON[],
  values: MetricValue[]
): Promise<void> {
  const now = report.updatedAt
  await db.transaction('rw', db.reports, db.sections, db.metricValues, async () => {
    await db.reports.add(report)
    await db.sections.bulkAdd(sections.map((json) => ({ reportId: report.id, id: json.attrs.id, json, updatedAt: now })))
    await db.metricValues.bulkAdd(values.map((v) => ({ ...v, reportId: report.id, updatedAt: now })))
  })
}

/** Fields a locked report may still have written: the recycle bin and the edit time. */
const UNLOCKED_FIELDS = new Set(['deletedAt', 'updatedAt'])

/**
 * Meta, layout settings, attachments, last year's link…: refused (ReportLockedError) while the
 * report is 送审, 审核通过 or 已报送. Status changes go through db/review.ts writeReview only.
 */
export async function updateReport(db: HuibaoDatabase, id: string, patch: Partial<Omit<Report, 'id'>>, by: Role = 'clerk'): Promise<void> {
  await db.transaction('rw', db.reports, async () => {
    if (Object.keys(patch).some((key) => !UNLOCKED_FIELDS.has(key))) await guardReportWrite(db, id, by, 'content')
    await db.reports.update(id, { ...patch, updatedAt: patch.updatedAt ?? Date.now() })
  })
}

/** Changes only the title; refuses an empty one so a report never becomes nameless. */
export async function renameReport(db: HuibaoDatabase, id: string, title: string, now = Date.now(), by: Role = 'clerk'): Promise<void> {
  const trimmed = title.trim()
  if (trimmed === '') throw new Error('title must not be empty')
  await db.transaction('rw', db.reports, async () => {
    const report = await guardReportWrite(db, id, by, 'content')
    await db.reports.update(id, { meta: { ...report.meta, title: trimmed }, updatedAt: now })
  })
}

/** Sections read per request: one request's rows are deserialised in one main-thread task. */
const SECTION_READ_BATCH = 16

/** Sections of a report in document order (following report.sectionOrder). */
export async function loadSections(db: HuibaoDatabase, report: Report): Promise<BlockJSON[]> {
  // In batches, in order: reading a 200-page report's rows in one request made one task of
  // 100–200 ms (deserialising them all) before every export and every opening.
  const out: BlockJSON[] = []
  await db.transaction('r', db.sections, async () => {
    for (let i = 0; i < report.sectionOrder.length; i += SECTION_READ_BATCH) {
      const keys = report.sectionOrder.slice(i, i + SECTION_READ_BATCH).map((id) => [report.id, id] as [string, string])
      for (const row of await db.sections.bulkGet(keys)) if (row) out.push(row.json)
    }
  })
  return out
}

export interface ReportAtOnce {
  report: Report | undefined
  /** In document order (report.sectionOrder); [] when the report is missing. */
  sections: BlockJSON[]
  values: MetricValue[]
}

/**
 * A window nobody looks at (the PDF's print window): the report row, all its section rows and
 * its figures in one read-only transaction, three requests at once. The sections come in one
 * request over the key range [reportId, *] — bulkGet makes one request per key (~700 for 200
 * pages, ~0.1 s of main thread issuing them and running their callbacks) and needs the row's
 * sectionOrder first, a round trip later.
 */
export async function loadReportAtOnce(db: HuibaoDatabase, reportId: string): Promise<ReportAtOnce> {
  const [report, rows, values] = await db.transaction('r', db.reports, db.sections, db.metricValues, () =>
    Promise.all([db.reports.get(reportId), sectionRowsOf(db, reportId), loadMetricValues(db, reportId)])
  )
  if (!report) return { report, sections: [], values }
  return { report, sections: inSectionOrder(report, rows), values }
}

/** Every section row of a report in one request (a range over the [reportId, id] primary key). */
export function sectionRowsOf(db: HuibaoDatabase, reportId: string): Promise<SectionRow[]> {
  return db.sections.where(':id').between([reportId, Dexie.minKey], [reportId, Dexie.maxKey], true, true).toArray()
}

/** The rows' documents in the report's order; rows not in sectionOrder are left out. */
export function inSectionOrder(report: Report, rows: SectionRow[]): BlockJSON[] {
  const byId = new Map(rows.map((r) => [r.id, r.json]))
  const out: BlockJSON[] = []
  for (const id of report.sectionOrder) {
    const json = byId.get(id)
    if (json) out.push(json)
  }
  return out
}

/**
 * Autosave: writes only the sections that changed, removes the ones deleted, and records the
 * new order, atomically. Cost grows with what changed, not with the report's size. While the
 * report is 送审/审核通过/已报送 the write is refused unless it only adds the leader's
 * suggestions or comment anchors (db/lock.ts).
 */
export async function saveSections(
  db: HuibaoDatabase,
  reportId: string,
  change: { changed: BlockJSON[]; removedIds: string[]; order: string[] | null },
  now = Date.now(),
  by: Role = 'clerk'
): Promise<void> {
  await db.transaction('rw', db.reports, db.sections, async () => {
    const report = await guardSectionWrite(db, reportId, by, change)
    // The writes go out together and the report row read by the guard is written back, not read
    // again (update() would): an autosave runs while the clerk types, and each request awaited in
    // turn was one more task on the main thread between keystrokes.
    const writes: Array<Promise<unknown>> = []
    if (change.changed.length > 0) writes.push(db.sections.bulkPut(change.changed.map((json) => ({ reportId, id: json.attrs.id, json, updatedAt: now }))))
    if (change.removedIds.length > 0) writes.push(db.sections.bulkDelete(change.removedIds.map((id) => [reportId, id] as [string, string])))
    writes.push(db.reports.put(change.order ? { ...report, sectionOrder: change.order, updatedAt: now } : { ...report, updatedAt: now }))
    await Promise.all(writes)
  })
}

export async function loadMetricValues(db: HuibaoDatabase, reportId: string): Promise<MetricValue[]> {
  const rows = await db.metricValues.where('reportId').equals(reportId).toArray()
  return rows.map(({ metricId, value, qualifier }) => ({ metricId, value, qualifier }))
}

export async function saveMetricValue(db: HuibaoDatabase, reportId: string, value: MetricValue, now = Date.now(), by: Role = 'clerk'): Promise<void> {
  await db.transaction('rw', db.reports, db.metricValues, async () => {
    await guardReportWrite(db, reportId, by, 'content')
    await db.metricValues.put({ ...value, reportId, updatedAt: now })
    await db.reports.update(reportId, { updatedAt: now })
  })
}

/**
 * Last year's values for `report` (linked through previousReportId), lined up with this
 * report's metric ids: report-own metrics created anew this year take last year's value of
 * the metric with the same label. [] when not linked; undefined when the link is broken.
 */
export async function loadPreviousYearValues(
  db: HuibaoDatabase,
  report: Report,
  template: ReportTemplate,
  templateOf: (r: Report) => ReportTemplate | undefined
): Promise<MetricValue[] | undefined> {
  if (!report.previousReportId) return undefined
  const [previous, values] = await Promise.all([db.reports.get(report.previousReportId), loadMetricValues(db, report.previousReportId)])
  if (!previous) return values
  return previousValuesForReport(template, report, { template: templateOf(previous), report: previous }, values)
}

/** The approval lock's refusal (db/lock.ts), re-exported for the stores that import it from here. */
export { ReportLockedError } from './lock'

/**
 * Replaces the report's own metric definitions and, in the same transaction, deletes the
 * values of `removedIds` (the editor has already turned their chips back into text).
 * Refused on a locked report (送审, 审核通过, 已报送).
 */
export async function saveReportMetrics(
  db: HuibaoDatabase,
  reportId: string,
  ownMetrics: MetricDefinition[],
  options: { removedIds?: string[]; values?: MetricValue[] } = {},
  now = Date.now(),
  by: Role = 'clerk'
): Promise<void> {
  await db.transaction('rw', db.reports, db.metricValues, async () => {
    await guardReportWrite(db, reportId, by, 'content')
    await db.reports.update(reportId, { ownMetrics, updatedAt: now })
    if (options.removedIds?.length) await db.metricValues.bulkDelete(options.removedIds.map((id) => [reportId, id] as [string, string]))
    if (options.values?.length) await db.metricValues.bulkPut(options.values.map((v) => ({ ...v, reportId, updatedAt: now })))
  })
}

/** Several values in one transaction (e.g. 其余填0 on a table): all stored or none. */
export async function saveMetricValues(db: HuibaoDatabase, reportId: string, values: readonly MetricValue[], now = Date.now(), by: Role = 'clerk'): Promise<void> {
  await db.transaction('rw', db.reports, db.metricValues, async () => {
    await guardReportWrite(db, reportId, by, 'content')
    await db.metricValues.bulkPut(values.map((v) => ({ ...v, reportId, updatedAt: now })))
    await db.reports.update(reportId, { updatedAt: now })
  })
}

/** Copies a report (sections and values) under a new id and title. */
export async function duplicateReport(db: HuibaoDatabase, sourceId: string, newId: string, title: string, now = Date.now()): Promise<Report> {
  return db.transaction('rw', db.reports, db.sections, db.metricValues, async () => {
    const source = await db.reports.get(sourceId)
    if (!source) throw new Error(`report ${sourceId} not found`)
    const copy: Report = { ...source, id: newId, meta: { ...source.meta, title }, status: 'draft', createdAt: now, updatedAt: now, deletedAt: null }
    await db.reports.add(copy)
    const sections = await db.sections.where('reportId').equals(sourceId).toArray()
    await db.sections.bulkAdd(sections.map((s) => ({ ...s, json: withoutCommentMarks(s.json), reportId: newId, updatedAt: now })))
    const values = await db.metricValues.where('reportId').equals(sourceId).toArray()
    await db.metricValues.bulkAdd(values.map((v) => ({ ...v, reportId: newId, updatedAt: now })))
    return copy
  })
}

/** Recycle bin: a soft delete that can be undone. */
export async function moveToRecycleBin(db: HuibaoDatabase, id: string, now = Date.now()): Promise<void> {
  await db.reports.update(id, { deletedAt: now })
}

export async function restoreFromRecycleBin(db: HuibaoDatabase, id: string): Promise<void> {
  await db.reports.update(id, { deletedAt: null })
}

/** The explicit second step: destroys a report that is already in the recycle bin. */
export async function purgeReport(db: HuibaoDatabase, id: string): Promise<void> {
  const tables = [db.reports, db.sections, db.metricValues, db.versions, db.versionContent, db.versionBlocks, db.comments, db.auditLog, db.reviewState]
  await db.transaction('rw', tables, async () => {
    const report = await db.reports.get(id)
    if (!report || report.deletedAt === null) throw new Error('only reports in the recycle bin can be destroyed')
    await db.sections.where('reportId').equals(id).delete()
    await db.metricValues.where('reportId').equals(id).delete()
    await db.reports.delete(id)
    // Destroying a report destroys its review too: versions hold its full text.
    for (const table of [db.versions, db.versionContent, db.versionBlocks, db.comments, db.auditLog] as const) await table.where('reportId').equals(id).delete()
    await db.reviewState.delete(id)
  })
}

export async function getSetting<T>(db: HuibaoDatabase, key: string): Promise<T | undefined> {
  return (await db.settings.get(key))?.value as T | undefined
}

export async function setSetting(db: HuibaoDatabase, key: string, value: unknown): Promise<void> {
  await db.settings.put({ key, value })
}

// ---- Templates ----------------------------------------------------------------------------

/** Every stored template version, deleted ones included (reports may still use them). */
export function listTemplateRows(db: HuibaoDatabase): Promise<TemplateRow[]> {
  return db.templates.toArray()
}

/**
 * Stores a user template version. The version must be new for its id: an existing version is
 * never overwritten, because reports made from it rely on it staying as it was.
 */
export async function saveTemplateVersion(db: HuibaoDatabase, template: ReportTemplate, now = Date.now()): Promise<void> {
  await db.transaction('rw', db.templates, async () => {
    const key = templateRowKey(template.id, template.version)
    if (await db.templates.get(key)) throw new Error(`template version ${key} already exists`)
    await db.templates.add({ key, id: template.id, version: template.version, kind: 'user', template, updatedAt: now, deletedAt: null })
  })
}

/** Stores several templates at once (an import): all or nothing. */
export async function saveTemplateVersions(db: HuibaoDatabase, templates: readonly ReportTemplate[], now = Date.now()): Promise<void> {
  await db.transaction('rw', db.templates, async () => {
    for (const t of templates) {
      const key = templateRowKey(t.id, t.version)
      if (await db.templates.get(key)) throw new Error(`template version ${key} already exists`)
      await db.templates.add({ key, id: t.id, version: t.version, kind: 'user', template: t, updatedAt: now, deletedAt: null })
    }
  })
}

/** Records the template version a report is made from, once (no-op when already stored). */
export async function ensureTemplateSnapshot(db: HuibaoDatabase, template: ReportTemplate, now = Date.now()): Promise<void> {
  const key = templateRowKey(template.id, template.version)
  await db.transaction('rw', db.templates, async () => {
    if (await db.templates.get(key)) return
    await db.templates.add({ key, id: template.id, version: template.version, kind: 'snapshot', template, updatedAt: now, deletedAt: null })
  })
}

/** Hides a user template from the lists; its versions stay for the reports made from them. */
export async function deleteUserTemplate(db: HuibaoDatabase, id: string, now = Date.now()): Promise<void> {
  await db.templates.where('id').equals(id).modify((row: TemplateRow) => {
    if (row.kind === 'user') row.deletedAt = now
  })
}

/** Last year's live reports of the same template and issuing organ, most recently edited first. */
export async function findPreviousYearReports(db: HuibaoDatabase, templateId: string, year: number, organs: readonly string[]): Promise<Report[]> {
  return previousYearCandidates(await listReports(db), { templateId, year, organs })
}
