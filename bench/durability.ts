// Cost of strict IndexedDB durability per autosave: the same one-section save of the generated
// 60-page report, committed 'strict' (flushed to disk before 已保存; what the app does) and
// 'relaxed' (Chromium's default: handed to the OS, not flushed). Interleaved rounds on a
// persistent on-disk profile (an incognito context would keep IndexedDB in memory).
// Printed, never asserted. Alone: `node --import tsx bench/durability.ts`.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { chromium } from 'playwright-core'
import { CHROMIUM_PATH, serveRenderer } from '../tests/e2e/harness'
import { ARTIFACTS_DIR, bundle } from './browser/bundle'
import { loadLargeReport, type LargeReport } from './lib/pieces'
import { median, percentile, round } from './lib/stats'

const ROUNDS = 8
const SAVES_PER_ROUND = 12
const WARMUP_SAVES = 4
/** Goal: a save, strict, stays far below the autosave debounce (300 ms) so typing never queues. */
export const GOAL_MS = 50

export interface DurabilityFigure {
  strict: { median: number; p10: number; p90: number; n: number }
  relaxed: { median: number; p10: number; p90: number; n: number }
  rounds: number
  where: string
  /** IDBTransaction.durability as Chromium reports it for each mode: proof the option arrives. */
  engine: { strict: string; relaxed: string }
}

function describe(times: number[]) {
  return { median: round(median(times)), p10: round(percentile(times, 10)), p90: round(percentile(times, 90)), n: times.length }
}

export async function measureDurability(large: LargeReport): Promise<DurabilityFigure> {
  const dir = resolve(ARTIFACTS_DIR, 'durability')
  mkdirSync(dir, { recursive: true })
  await bundle(resolve(__dirname, 'browser/durability-entry.ts'), dir, 'durability.js', 'HuibaoBenchDurability')
  writeFileSync(join(dir, 'index.html'), '<!doctype html><meta charset="utf-8"><title>durability</title><script src="./durability.js"></script>\n')
  const server = await serveRenderer(dir)
  const profile = mkdtempSync(join(tmpdir(), 'huibao-durability-'))
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM_PATH, headless: true, args: ['--no-sandbox', '--disable-gpu'] })
  try {
    await context.addInitScript('globalThis.__name ??= (fn) => fn')
    const page = context.pages()[0] ?? (await context.newPage())
    await page.goto(server.url)
    await page.evaluate(
      (d) => (window as unknown as { __benchDurability: { seed(...a: unknown[]): Promise<void> } }).__benchDurability.seed(d.report, d.sections, d.values),
      { report: large.report, sections: large.sections, values: large.values }
    )
    const time = (durability: 'strict' | 'relaxed', runs: number, r: number) =>
      page.evaluate(
        (a) => (window as unknown as { __benchDurability: { timeSaves(...x: unknown[]): Promise<number[]> } }).__benchDurability.timeSaves(a.id, a.durability, a.runs, a.r),
        { id: large.report.id, durability, runs, r }
      )
    const engineSays = (durability: 'strict' | 'relaxed') =>
      page.evaluate((d) => (window as unknown as { __benchDurability: { engineDurability(d: string): Promise<string> } }).__benchDurability.engineDurability(d), durability)
    const engine = { strict: await engineSays('strict'), relaxed: await engineSays('relaxed') }
    await time('strict', WARMUP_SAVES, 0)
    await time('relaxed', WARMUP_SAVES, 0)
    const strict: number[] = []
    const relaxed: number[] = []
    for (let r = 1; r <= ROUNDS; r++) {
      // Alternate which goes first, so drift in the machine's load hits both alike.
      const order: Array<'strict' | 'relaxed'> = r % 2 ? ['strict', 'relaxed'] : ['relaxed', 'strict']
      for (const d of order) (d === 'strict' ? strict : relaxed).push(...(await time(d, SAVES_PER_ROUND, r)))
    }
    return { strict: describe(strict), relaxed: describe(relaxed), rounds: ROUNDS, engine, where: `Chromium ${context.browser()?.version() ?? ''} headless, on-disk profile in ${tmpdir()}` }
  } finally {
    await context.close()
    await server.close()
    rmSync(profile, { recursive: true, force: true })
  }
}

export function formatDurability(f: DurabilityFigure): string {
  const verdict = f.strict.median <= GOAL_MS ? `meets the goal (≤ ${GOAL_MS} ms)` : `MISSES the goal (≤ ${GOAL_MS} ms)`
  return [
    `Autosave durability, one section of the 60-page report, ${f.rounds} interleaved rounds × ${SAVES_PER_ROUND} saves (${f.where}):`,
    `  IDBTransaction.durability reported by Chromium: app '${f.engine.strict}', baseline '${f.engine.relaxed}'`,
    `  strict  (app): median ${f.strict.median} ms, p10–p90 ${f.strict.p10}–${f.strict.p90} ms, n=${f.strict.n}`,
    `  relaxed (baseline, Chromium default): median ${f.relaxed.median} ms, p10–p90 ${f.relaxed.p10}–${f.relaxed.p90} ms, n=${f.relaxed.n}`,
    `  cost of strict per save: ${round(f.strict.median - f.relaxed.median)} ms (${round(f.strict.median / f.relaxed.median)}×); goal: strict ≤ ${GOAL_MS} ms — ${verdict}`
  ].join('\n')
}

if (process.argv[1] && /bench[\\/]durability\.ts$/.test(process.argv[1])) {
  loadLargeReport()
    .then(measureDurability)
    .then((f) => console.log(formatDurability(f)))
    .catch((e) => {
      console.error(e)
      process.exitCode = 1
    })
}
