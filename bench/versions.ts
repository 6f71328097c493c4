// Row 13 (issue 12.8): compact versions. 保存版本 on the generated 60-page report, version 1 and
// version 50 with a few paragraphs changed between versions (bench/versions-round.ts), against
// the previous full-snapshot storage, in fake-indexeddb (Node: CPU and wall time) and in
// Chromium (real IndexedDB, strict durability, on-disk profile: wall time). Rounds alternate
// which store goes first; the first round is a warm-up. Bytes are the UTF-8 JSON of the rows
// each store holds, summed by scanning the tables (not the app's own size field).
// Printed, never asserted. Alone: `node --import tsx bench/versions.ts`.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import Dexie from 'dexie'
import { IDBKeyRange, indexedDB } from 'fake-indexeddb'
import { loadLargeReport, PAGES } from './lib/pieces'
import { bytes, summarize, type Summary } from './lib/stats'
import { attempt, isNA, type NA } from './lib/na'
import type { ExportRow } from './exports'
import { PARAGRAPHS_CHANGED, VERSIONS, runVersionRound, type RoundInput, type RoundResult, type StoreKind } from './versions-round'

Dexie.dependencies.indexedDB = indexedDB
Dexie.dependencies.IDBKeyRange = IDBKeyRange

const ROUNDS = Number(process.env.BENCH_VERSION_ROUNDS ?? 5)
const GOAL = 1.2

interface Side {
  v1: Summary
  v50: Summary
  ratio: Summary
  cpu: { v1: Summary; v50: Summary; ratio: Summary } | null
  first: number
  last: number
  total: number
  list: Summary
  read: Summary
}

interface Pass {
  where: string
  ours: Side
  baseline: Side
}

export interface VersionsFigure {
  rounds: number
  node: Pass
  chromium: Pass | NA
}

type RunRound = (kind: StoreKind, measureBytes: boolean) => Promise<RoundResult>

async function interleaved(run: RunRound): Promise<Record<StoreKind, RoundResult[]>> {
  const results: Record<StoreKind, RoundResult[]> = { ours: [], baseline: [] }
  for (let r = 0; r <= ROUNDS; r++) {
    const order: StoreKind[] = r % 2 ? ['baseline', 'ours'] : ['ours', 'baseline']
    // Bytes are deterministic: measured in the warm-up round, which is not timed.
    for (const kind of order) results[kind].push(await run(kind, r === 0))
  }
  return results
}

function side(rs: RoundResult[]): Side {
  const timed = rs.slice(1)
  const last = VERSIONS - 1
  return {
    v1: summarize(timed.map((x) => x.ms[0])),
    v50: summarize(timed.map((x) => x.ms[last])),
    ratio: summarize(timed.map((x) => x.ms[last] / x.ms[0])),
    cpu: timed[0].cpu.length
      ? { v1: summarize(timed.map((x) => x.cpu[0])), v50: summarize(timed.map((x) => x.cpu[last])), ratio: summarize(timed.map((x) => x.cpu[last] / x.cpu[0])) }
      : null,
    first: rs[0].first,
    last: rs[0].last,
    total: rs[0].total,
    list: summarize(timed.map((x) => x.listMs)),
    read: summarize(timed.map((x) => x.readMs))
  }
}

async function nodePass(input: RoundInput): Promise<Pass> {
  let counter = 0
  const cpuNow = () => {
    const c = process.cpuUsage()
    return (c.user + c.system) / 1000
  }
  const r = await interleaved((kind, measureBytes) => runVersionRound(kind, input, `huibao-bench-versions-${kind}-${process.pid}-${++counter}`, measureBytes, cpuNow))
  return { where: 'Node, fake-indexeddb', ours: side(r.ours), baseline: side(r.baseline) }
}

async function chromiumPass(input: RoundInput): Promise<Pass> {
  const { chromium } = await import('playwright-core')
  const { CHROMIUM_PATH, serveRenderer } = await import('../tests/e2e/harness')
  const { ARTIFACTS_DIR, bundle } = await import('./browser/bundle')
  const dir = resolve(ARTIFACTS_DIR, 'versions')
  mkdirSync(dir, { recursive: true })
  await bundle(resolve(__dirname, 'browser/versions-entry.ts'), dir, 'versions.js', 'HuibaoBenchVersions')
  writeFileSync(join(dir, 'index.html'), '<!doctype html><meta charset="utf-8"><title>versions</title><script src="./versions.js"></script>\n')
  const server = await serveRenderer(dir)
  // On disk, as the app's data is (an incognito context keeps IndexedDB in memory).
  const profile = mkdtempSync(join(tmpdir(), 'huibao-versions-'))
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM_PATH, headless: true, args: ['--no-sandbox', '--disable-gpu'] })
  type Api = { setInput(i: RoundInput): void; round(kind: StoreKind, measureBytes: boolean): Promise<RoundResult> }
  try {
    await context.addInitScript('globalThis.__name ??= (fn) => fn')
    const page = context.pages()[0] ?? (await context.newPage())
    await page.goto(server.url)
    await page.evaluate((i) => (window as unknown as { __benchVersions: Api }).__benchVersions.setInput(i), input)
    const r = await interleaved((kind, measureBytes) => page.evaluate((a) => (window as unknown as { __benchVersions: Api }).__benchVersions.round(a.kind, a.measureBytes), { kind, measureBytes }))
    return { where: `Chromium ${context.browser()?.version() ?? ''} headless, on-disk profile, strict durability`, ours: side(r.ours), baseline: side(r.baseline) }
  } finally {
    await context.close()
    await server.close()
    rmSync(profile, { recursive: true, force: true })
  }
}

export async function measureVersions(): Promise<VersionsFigure> {
  const large = await loadLargeReport()
  const input: RoundInput = { report: large.report, sections: large.sections, values: large.values }
  const node = await nodePass(input)
  const chromium = await attempt('versions in Chromium', () => chromiumPass(input))
  return { rounds: ROUNDS, node, chromium }
}

const span = (s: Summary, digits = 2, unit = ' ms') => `${s.median.toFixed(digits)}${unit} (${s.min.toFixed(digits)}–${s.max.toFixed(digits)})`

function timeRow(figure: string, pick: (s: Side) => { v1: Summary; v50: Summary; ratio: Summary }, p: Pass, notes: string): ExportRow {
  const ours = pick(p.ours)
  const base = pick(p.baseline)
  return {
    figure,
    goal: `≤ ${GOAL}×`,
    ours: `${span(ours.ratio, 2, '×')}; v1 ${span(ours.v1)}, v50 ${span(ours.v50)}`,
    baseline: `${span(base.ratio, 2, '×')}; v1 ${span(base.v1)}, v50 ${span(base.v50)}`,
    ratio: `v50 ours ÷ baseline ${(ours.v50.median / base.v50.median).toFixed(2)}×`,
    verdict: ours.ratio.median <= GOAL ? '达标 met' : '未达标 missed',
    notes
  }
}

export function versionRows(f: VersionsFigure): ExportRow[] {
  const { node } = f
  const setup = `${f.rounds} interleaved rounds after 1 warm-up, each ${VERSIONS} versions of the ${PAGES}-page report with ${PARAGRAPHS_CHANGED} paragraphs changed between versions (a figure every 5th); baseline: the v4 full-snapshot storage, same steps, content and edits; verdict on the median of the per-round ratio v50 ÷ v1`
  const rows: ExportRow[] = []
  if (isNA(f.chromium)) rows.push({ figure: '保存版本 v50 ÷ v1, Chromium', goal: `≤ ${GOAL}×`, ours: `n/a (${f.chromium.na})`, baseline: '', ratio: '', verdict: 'n/a', notes: '' })
  else rows.push(timeRow('保存版本: v50 ÷ v1, Chromium wall time', (s) => s, f.chromium, `${f.chromium.where}; ${setup}`))
  if (node.ours.cpu && node.baseline.cpu) rows.push(timeRow('保存版本: v50 ÷ v1, Node CPU time', (s) => s.cpu!, node, `${node.where}; process CPU time (user + system, all threads) of the save; same setup`))
  rows.push(timeRow('保存版本: v50 ÷ v1, Node wall time', (s) => s, node, `${node.where}; same runs as the CPU row; wall time moves with the shared machine's load`))
  rows.push(
    {
      figure: '保存版本: bytes stored, version 1 / version 50',
      goal: `v50 ≤ ${GOAL}× v1`,
      ours: `${bytes(node.ours.first)} / ${bytes(node.ours.last)}`,
      baseline: `${bytes(node.baseline.first)} / ${bytes(node.baseline.last)}`,
      ratio: `v50: ${(node.ours.last / node.baseline.last).toFixed(3)}× of baseline`,
      verdict: node.ours.last <= GOAL * node.ours.first ? '达标 met' : '未达标 missed',
      notes: 'UTF-8 JSON of the version rows added (ours: metadata, content row, new sections; baseline: the whole snapshot); deterministic'
    },
    {
      figure: `Versions of one report, total storage after ${VERSIONS}`,
      goal: 'smaller than full copies',
      ours: bytes(node.ours.total),
      baseline: bytes(node.baseline.total),
      ratio: `${(node.ours.total / node.baseline.total).toFixed(3)}×`,
      verdict: node.ours.total < node.baseline.total ? '达标 met' : '未达标 missed',
      notes: 'deterministic (same edits every round)'
    }
  )
  for (const p of isNA(f.chromium) ? [node] : [f.chromium, node]) {
    const where = p === node ? 'Node' : 'Chromium'
    rows.push(
      {
        figure: `版本与比较 list of ${VERSIONS} versions, ${where}`,
        goal: 'metadata only',
        ours: span(p.ours.list),
        baseline: span(p.baseline.list),
        ratio: `${(p.ours.list.median / p.baseline.list.median).toFixed(3)}×`,
        verdict: p.ours.list.median <= p.baseline.list.median ? '达标 met' : '未达标 missed',
        notes: 'listVersions; baseline rows carry the whole report each'
      },
      {
        figure: `Reading the oldest version (compare/restore), ${where}`,
        goal: 'informational',
        ours: span(p.ours.read),
        baseline: span(p.baseline.read),
        ratio: `${(p.ours.read.median / p.baseline.read.median).toFixed(2)}×`,
        verdict: 'n/a',
        notes: 'ours reassembles the version from its content row and shared sections (one read transaction); baseline reads one whole row'
      }
    )
  }
  return rows
}

if (process.argv[1] && /bench[\\/]versions\.ts$/.test(process.argv[1])) {
  void (async () => {
    const { printExports } = await import('./exports')
    const f = await measureVersions()
    console.log(printExports(versionRows(f)))
    console.log(`load average ${loadavg().map((x) => x.toFixed(1)).join(' ')}`)
  })()
}
