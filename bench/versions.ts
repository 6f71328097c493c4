// Row 13 (issue 12.8): compact versions. 保存版本 on the generated 60-page report, version 1 and
// version 50 with a few paragraphs changed between versions, in fake-indexeddb (Node).
//   ours     — the app's saveNamedVersion (schema v5: metadata + section references + only the
//              sections no earlier version had);
//   baseline — the previous storage on a schema-v4 database: the same steps as the v4 code
//              (load the content, hash it, one transaction writing the whole snapshot and the
//              audit entry), same content, same edits.
// Rounds alternate which store goes first; the first round is a warm-up. Bytes are the UTF-8
// JSON of the rows each store holds, summed by scanning the tables (not the app's own size
// field). Printed, never asserted. Alone: `node --import tsx bench/versions.ts`.
import Dexie from 'dexie'
import { IDBKeyRange, indexedDB } from 'fake-indexeddb'
import type { BlockJSON, InlineJSON, SectionJSON } from '../src-renderer/src/core/report'
import { chainEntry, type AuditEntry } from '../src-renderer/src/core/review/audit'
import { contentHash, type VersionSnapshot } from '../src-renderer/src/core/review/versions'
import { HuibaoDatabase, createReport, declareSchema, saveMetricValue, saveSections } from '../src-renderer/src/db/database'
import { getVersion, listVersions, loadContent } from '../src-renderer/src/db/review'
import { saveNamedVersion } from '../src-renderer/src/services/review'
import { loadLargeReport, PAGES, type LargeReport } from './lib/pieces'
import { bytes, summarize, type Summary } from './lib/stats'
import type { ExportRow } from './exports'

Dexie.dependencies.indexedDB = indexedDB
Dexie.dependencies.IDBKeyRange = IDBKeyRange

const VERSIONS = 50
const ROUNDS = Number(process.env.BENCH_VERSION_ROUNDS ?? 5)
const PARAGRAPHS_CHANGED = 3
const GOAL = 1.2
const CLERK = { role: 'clerk' as const, name: '王小明' }

/** Deterministic edits: the same for both stores and every round. */
function prng(seed: number): () => number {
  let s = seed >>> 0
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32)
}

/** Rewrites one paragraph of a section: its text runs get a changed sentence. */
function rewrite(section: BlockJSON, version: number, k: number): BlockJSON {
  const s = section as SectionJSON
  const idx = s.content.findIndex((c, i) => i > 0 && c.type === 'paragraph')
  if (idx < 0) return section
  const para = s.content[idx] as { type: 'paragraph'; content?: InlineJSON[] }
  const content: InlineJSON[] = [...(para.content ?? []), { type: 'text', text: `第${version}版补充：经复核，本项工作已按计划推进（${k}）。` }]
  return { ...s, content: s.content.map((c, i) => (i === idx ? { ...para, content } : c)) } as BlockJSON
}

type Store = { kind: 'ours' | 'baseline'; db: HuibaoDatabase; save: (label: string, at: number) => Promise<void> }

/** The v4 code path of 保存版本 (services/review.ts snapshot + db/review.ts writeReview then). */
async function baselineSave(db: HuibaoDatabase, reportId: string, label: string, at: number): Promise<void> {
  const report = (await db.reports.get(reportId))!
  const content = await loadContent(db, report)
  const version: VersionSnapshot = { ...structuredClone(content), id: crypto.randomUUID(), reportId, label, kind: 'manual', createdAt: at, role: CLERK.role, name: CLERK.name, contentHash: await contentHash(content) }
  const range = () => db.auditLog.where('[reportId+seq]').between([reportId, 0], [reportId, Infinity]).last()
  const entry: AuditEntry = await chainEntry(await range(), { reportId, at, role: CLERK.role, name: CLERK.name, action: 'version', detail: { versionId: version.id, label } })
  await db.transaction('rw', [db.auditLog, db.reports, db.reviewState, db.versions, db.sections, db.metricValues], async () => {
    if (((await range())?.seq ?? 0) !== entry.seq - 1) throw new Error('chain moved')
    await db.reports.get(reportId)
    await (db.versions as unknown as Dexie.Table<VersionSnapshot, string>).bulkAdd([version])
    await db.reports.update(reportId, { updatedAt: at })
    await db.auditLog.add(entry)
  })
}

let counter = 0
async function openStore(kind: Store['kind'], large: LargeReport): Promise<Store> {
  const name = `huibao-bench-versions-${kind}-${process.pid}-${++counter}`
  let db: HuibaoDatabase
  if (kind === 'ours') db = new HuibaoDatabase(name)
  else {
    const v4 = new Dexie(name)
    declareSchema(v4, 4)
    db = v4 as unknown as HuibaoDatabase
  }
  await db.open()
  await createReport(db, { ...large.report, status: 'draft' }, large.sections, large.values)
  const id = large.report.id
  const save = kind === 'ours' ? async (label: string, at: number) => void (await saveNamedVersion(db, id, CLERK, label, at)) : (label: string, at: number) => baselineSave(db, id, label, at)
  return { kind, db, save }
}

const utf8 = (value: unknown) => Buffer.byteLength(JSON.stringify(value))

/** Bytes of every version row the store holds (metadata, content rows, sections). */
async function storedBytes(store: Store): Promise<number> {
  const tables = store.kind === 'ours' ? ['versions', 'versionContent', 'versionBlocks'] : ['versions']
  let sum = 0
  for (const t of tables) await store.db.table(t).each((row) => void (sum += utf8(row)))
  return sum
}

interface RoundResult {
  ms: number[]
  /** Process CPU time (user + system, all threads) of each save: less sensitive to other load. */
  cpu: number[]
  /** Bytes added by version 1 and by version 50. */
  first: number
  last: number
  total: number
  listMs: number
  readMs: number
}

async function runRound(store: Store, large: LargeReport, measureBytes: boolean): Promise<RoundResult> {
  const rand = prng(9704)
  let sections = large.sections.slice()
  const ms: number[] = []
  const cpu: number[] = []
  let first = 0
  let before = 0
  let last = 0
  for (let v = 1; v <= VERSIONS; v++) {
    if (v > 1) {
      // A few paragraphs changed (and a figure every fifth version), saved as autosave would.
      const changed: BlockJSON[] = []
      for (let k = 0; k < PARAGRAPHS_CHANGED; k++) {
        const at = 1 + Math.floor(rand() * (sections.length - 1))
        sections[at] = rewrite(sections[at], v, k)
        changed.push(sections[at])
      }
      await saveSections(store.db, large.report.id, { changed, removedIds: [], order: null }, 1_000_000 + v)
      if (v % 5 === 0 && large.values[0]) await saveMetricValue(store.db, large.report.id, { ...large.values[0], value: v }, 1_000_000 + v)
    }
    if (measureBytes && v === VERSIONS) before = await storedBytes(store)
    const c0 = process.cpuUsage()
    const t0 = performance.now()
    await store.save(`第${v}版`, 2_000_000 + v)
    ms.push(performance.now() - t0)
    const c = process.cpuUsage(c0)
    cpu.push((c.user + c.system) / 1000)
    if (measureBytes && v === 1) first = await storedBytes(store)
  }
  const total = measureBytes ? await storedBytes(store) : 0
  if (measureBytes) last = total - before
  let t0 = performance.now()
  const listed = await listVersions(store.db, large.report.id)
  const listMs = performance.now() - t0
  t0 = performance.now()
  if (store.kind === 'ours') await getVersion(store.db, listed[listed.length - 1].id)
  else await store.db.versions.get(listed[listed.length - 1].id)
  const readMs = performance.now() - t0
  sections = []
  return { ms, cpu, first, last, total, listMs, readMs }
}

interface Side {
  v1: Summary
  v50: Summary
  ratio: Summary
  cpu: { v1: Summary; v50: Summary; ratio: Summary }
  first: number
  last: number
  total: number
  list: Summary
  read: Summary
}

export interface VersionsFigure {
  rounds: number
  ours: Side
  baseline: Side
}

export async function measureVersions(): Promise<VersionsFigure> {
  const large = await loadLargeReport()
  const results: Record<Store['kind'], RoundResult[]> = { ours: [], baseline: [] }
  for (let r = 0; r <= ROUNDS; r++) {
    const order: Store['kind'][] = r % 2 ? ['baseline', 'ours'] : ['ours', 'baseline']
    for (const kind of order) {
      const store = await openStore(kind, large)
      // Bytes are deterministic: measured in the warm-up round, which is not timed.
      const result = await runRound(store, large, r === 0)
      store.db.close()
      await Dexie.delete(store.db.name)
      results[kind].push(result)
    }
  }
  const side = (rs: RoundResult[]): Side => {
    const timed = rs.slice(1)
    return {
      v1: summarize(timed.map((x) => x.ms[0])),
      v50: summarize(timed.map((x) => x.ms[VERSIONS - 1])),
      ratio: summarize(timed.map((x) => x.ms[VERSIONS - 1] / x.ms[0])),
      cpu: {
        v1: summarize(timed.map((x) => x.cpu[0])),
        v50: summarize(timed.map((x) => x.cpu[VERSIONS - 1])),
        ratio: summarize(timed.map((x) => x.cpu[VERSIONS - 1] / x.cpu[0]))
      },
      first: rs[0].first,
      last: rs[0].last,
      total: rs[0].total,
      list: summarize(timed.map((x) => x.listMs)),
      read: summarize(timed.map((x) => x.readMs))
    }
  }
  return { rounds: ROUNDS, ours: side(results.ours), baseline: side(results.baseline) }
}

const span = (s: Summary, digits = 2, unit = ' ms') => `${s.median.toFixed(digits)}${unit} (${s.min.toFixed(digits)}–${s.max.toFixed(digits)})`

export function versionRows(f: VersionsFigure): ExportRow[] {
  const met = f.ours.cpu.ratio.median <= GOAL
  const note = `${f.rounds} interleaved rounds after 1 warm-up, each ${VERSIONS} versions of the ${PAGES}-page report with ${PARAGRAPHS_CHANGED} paragraphs changed between versions (a figure every 5th); fake-indexeddb in Node`
  return [
    {
      figure: '保存版本: version 50 ÷ version 1, CPU time',
      goal: `≤ ${GOAL}×`,
      ours: `${span(f.ours.cpu.ratio, 2, '×')}; v1 ${span(f.ours.cpu.v1)}, v50 ${span(f.ours.cpu.v50)}`,
      baseline: `${span(f.baseline.cpu.ratio, 2, '×')}; v1 ${span(f.baseline.cpu.v1)}, v50 ${span(f.baseline.cpu.v50)}`,
      ratio: `v50 ours ÷ baseline ${(f.ours.cpu.v50.median / f.baseline.cpu.v50.median).toFixed(2)}×`,
      verdict: met ? '达标 met' : '未达标 missed',
      notes: `baseline: the v4 full-snapshot storage, same steps and content; ${note}; process CPU time (user + system, all threads) of the save; verdict on the median of the per-round ratio`
    },
    {
      figure: '保存版本: version 50 ÷ version 1, wall time',
      goal: `≤ ${GOAL}×`,
      ours: `${span(f.ours.ratio, 2, '×')}; v1 ${span(f.ours.v1)}, v50 ${span(f.ours.v50)}`,
      baseline: `${span(f.baseline.ratio, 2, '×')}; v1 ${span(f.baseline.v1)}, v50 ${span(f.baseline.v50)}`,
      ratio: `v50 ours ÷ baseline ${(f.ours.v50.median / f.baseline.v50.median).toFixed(2)}×`,
      verdict: f.ours.ratio.median <= GOAL ? '达标 met' : '未达标 missed',
      notes: 'same runs; wall time moves with the load of the shared machine (1-minute load average printed below)'
    },
    {
      figure: '保存版本: bytes stored, version 1 / version 50',
      goal: `v50 ≤ ${GOAL}× v1`,
      ours: `${bytes(f.ours.first)} / ${bytes(f.ours.last)}`,
      baseline: `${bytes(f.baseline.first)} / ${bytes(f.baseline.last)}`,
      ratio: `v50: ${(f.ours.last / f.baseline.last).toFixed(3)}× of baseline`,
      verdict: f.ours.last <= GOAL * f.ours.first ? '达标 met' : '未达标 missed',
      notes: 'UTF-8 JSON of the version rows added (ours: metadata, content row, new sections; baseline: the whole snapshot)'
    },
    {
      figure: `Versions of one report, total storage after ${VERSIONS}`,
      goal: 'smaller than full copies',
      ours: bytes(f.ours.total),
      baseline: bytes(f.baseline.total),
      ratio: `${(f.ours.total / f.baseline.total).toFixed(3)}×`,
      verdict: f.ours.total < f.baseline.total ? '达标 met' : '未达标 missed',
      notes: 'deterministic (same edits every round)'
    },
    {
      figure: `版本与比较 list of ${VERSIONS} versions`,
      goal: 'metadata only',
      ours: span(f.ours.list),
      baseline: span(f.baseline.list),
      ratio: `${(f.ours.list.median / f.baseline.list.median).toFixed(2)}×`,
      verdict: f.ours.list.median <= f.baseline.list.median ? '达标 met' : '未达标 missed',
      notes: 'listVersions; baseline rows carry the whole report each'
    },
    {
      figure: 'Reading the oldest version (compare/restore)',
      goal: 'informational',
      ours: span(f.ours.read),
      baseline: span(f.baseline.read),
      ratio: `${(f.ours.read.median / f.baseline.read.median).toFixed(2)}×`,
      verdict: 'n/a',
      notes: 'ours reassembles the version from its content row and shared sections (one read transaction); baseline reads one whole row'
    }
  ]
}

if (process.argv[1]?.endsWith('versions.ts')) {
  void (async () => {
    const { printExports } = await import('./exports')
    const f = await measureVersions()
    console.log(printExports(versionRows(f)))
    console.log(`load average ${(await import('node:os')).loadavg().map((x) => x.toFixed(1)).join(' ')}`)
  })()
}
