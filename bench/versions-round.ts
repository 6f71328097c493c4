// One round of bench row 13, the same in Node (fake-indexeddb) and in Chromium (bundled by
// bench/browser/versions-entry.ts): a fresh database holding the generated report, 50 versions
// saved with a few paragraphs changed between them, each save timed; then listing and reading.
//   ours     — the app's saveNamedVersion (schema v5);
//   baseline — the previous storage on a schema-v4 database: the same steps as the v4 code
//              (load the content, hash it, one transaction writing the whole snapshot and the
//              audit entry), same content, same edits.
import Dexie from 'dexie'
import type { BlockJSON, InlineJSON, Report, SectionJSON } from '../src-renderer/src/core/report'
import type { MetricValue } from '../src-renderer/src/core/template'
import { chainEntry, type AuditEntry } from '../src-renderer/src/core/review/audit'
import { contentHash, type VersionSnapshot } from '../src-renderer/src/core/review/versions'
import { HuibaoDatabase, createReport, declareSchema, saveMetricValue, saveSections } from '../src-renderer/src/db/database'
import { getVersion, listVersions, loadContent } from '../src-renderer/src/db/review'
import { saveNamedVersion } from '../src-renderer/src/services/review'

export const VERSIONS = 50
export const PARAGRAPHS_CHANGED = 3
const CLERK = { role: 'clerk' as const, name: '王小明' }

export type StoreKind = 'ours' | 'baseline'

export interface RoundInput {
  report: Report
  sections: BlockJSON[]
  values: MetricValue[]
}

export interface RoundResult {
  ms: number[]
  /** CPU milliseconds of each save when the host can tell (Node's process.cpuUsage), else []. */
  cpu: number[]
  /** Bytes added by version 1 and by version 50, and all version rows after 50 (0 when not measured). */
  first: number
  last: number
  total: number
  listMs: number
  readMs: number
}

/** Deterministic edits: the same for both stores and every round. */
function prng(seed: number): () => number {
  let s = seed >>> 0
  return () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32
}

/** Rewrites one paragraph of a section: a sentence is added to its text. */
function rewrite(section: BlockJSON, version: number, k: number): BlockJSON {
  const s = section as SectionJSON
  const idx = s.content.findIndex((c, i) => i > 0 && c.type === 'paragraph')
  if (idx < 0) return section
  const para = s.content[idx] as { type: 'paragraph'; content?: InlineJSON[] }
  const content: InlineJSON[] = [...(para.content ?? []), { type: 'text', text: `第${version}版补充：经复核，本项工作已按计划推进（${k}）。` }]
  return { ...s, content: s.content.map((c, i) => (i === idx ? { ...para, content } : c)) } as BlockJSON
}

/** The v4 code path of 保存版本 (services/review.ts snapshot + db/review.ts writeReview then). */
async function baselineSave(db: HuibaoDatabase, reportId: string, label: string, at: number): Promise<void> {
  const report = (await db.reports.get(reportId))!
  const content = await loadContent(db, report)
  const version: VersionSnapshot = { ...structuredClone(content), id: crypto.randomUUID(), reportId, label, kind: 'manual', createdAt: at, role: CLERK.role, name: CLERK.name, contentHash: await contentHash(content) }
  const last = () => db.auditLog.where('[reportId+seq]').between([reportId, 0], [reportId, Infinity]).last()
  const entry: AuditEntry = await chainEntry(await last(), { reportId, at, role: CLERK.role, name: CLERK.name, action: 'version', detail: { versionId: version.id, label } })
  await db.transaction('rw', [db.auditLog, db.reports, db.reviewState, db.versions, db.sections, db.metricValues], async () => {
    if (((await last())?.seq ?? 0) !== entry.seq - 1) throw new Error('chain moved')
    await db.reports.get(reportId)
    await (db.versions as unknown as Dexie.Table<VersionSnapshot, string>).bulkAdd([version])
    await db.reports.update(reportId, { updatedAt: at })
    await db.auditLog.add(entry)
  })
}

const utf8 = (value: unknown) => new TextEncoder().encode(JSON.stringify(value)).length

/** Bytes of every version row the store holds (metadata, content rows, sections). */
async function storedBytes(kind: StoreKind, db: HuibaoDatabase): Promise<number> {
  let sum = 0
  for (const t of kind === 'ours' ? ['versions', 'versionContent', 'versionBlocks'] : ['versions']) await db.table(t).each((row) => void (sum += utf8(row)))
  return sum
}

export async function runVersionRound(kind: StoreKind, input: RoundInput, name: string, measureBytes: boolean, cpuNow?: () => number): Promise<RoundResult> {
  let db: HuibaoDatabase
  if (kind === 'ours') db = new HuibaoDatabase(name)
  else {
    const v4 = new Dexie(name, { chromeTransactionDurability: 'strict' })
    declareSchema(v4, 4)
    db = v4 as unknown as HuibaoDatabase
  }
  try {
    await db.open()
    const id = input.report.id
    await createReport(db, { ...input.report, status: 'draft' }, input.sections, input.values)
    const rand = prng(9704)
    const sections = input.sections.slice()
    const ms: number[] = []
    const cpu: number[] = []
    let first = 0
    let before = 0
    for (let v = 1; v <= VERSIONS; v++) {
      if (v > 1) {
        // A few paragraphs changed (and a figure every fifth version), saved as autosave would.
        const changed: BlockJSON[] = []
        for (let k = 0; k < PARAGRAPHS_CHANGED; k++) {
          const at = 1 + Math.floor(rand() * (sections.length - 1))
          sections[at] = rewrite(sections[at], v, k)
          changed.push(sections[at])
        }
        await saveSections(db, id, { changed, removedIds: [], order: null }, 1_000_000 + v)
        if (v % 5 === 0 && input.values[0]) await saveMetricValue(db, id, { ...input.values[0], value: v }, 1_000_000 + v)
      }
      if (measureBytes && v === VERSIONS) before = await storedBytes(kind, db)
      const c0 = cpuNow?.()
      const t0 = performance.now()
      if (kind === 'ours') await saveNamedVersion(db, id, CLERK, `第${v}版`, 2_000_000 + v)
      else await baselineSave(db, id, `第${v}版`, 2_000_000 + v)
      ms.push(performance.now() - t0)
      if (c0 !== undefined) cpu.push(cpuNow!() - c0)
      if (measureBytes && v === 1) first = await storedBytes(kind, db)
    }
    const total = measureBytes ? await storedBytes(kind, db) : 0
    let t0 = performance.now()
    const listed = await listVersions(db, id)
    const listMs = performance.now() - t0
    t0 = performance.now()
    if (kind === 'ours') await getVersion(db, listed[listed.length - 1].id)
    else await db.versions.get(listed[listed.length - 1].id)
    const readMs = performance.now() - t0
    return { ms, cpu, first, last: measureBytes ? total - before : 0, total, listMs, readMs }
  } finally {
    db.close()
    await Dexie.delete(name)
  }
}
