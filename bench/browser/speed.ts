// Issue 11 figures: the editor against its engine. Main-thread time per key (the app vs a plain
// ProseMirror page holding the same text in an equivalent schema) for ASCII keys, Chinese IME
// composition and 修订模式, at 60 and 200 pages; Event Timing p95 at 60 pages, at a fast typist's
// pace (100 ms apart: the goal) and with keys 25 ms apart (stress); the worst IME
// event at 200 pages; detached editor DOM after 5 open/leave cycles. Opening a report and the
// home list are row 15 (browser/opening.ts), measured once, with its baseline and phases.
//
// Main-thread time = the renderer's CDP `Performance.getMetrics` TaskDuration (every task on the
// main thread: handlers, Vue, style, layout, paint) accumulated over a burst of keys, divided
// by the keys. Both editors are open in two tabs of the same Chromium and measured in
// alternation, round after round, so background load hits both alike.
import type { CDPSession, Page } from 'playwright-core'
import { launchBrowser, serveRenderer, type BrowserSession, type RendererServer } from '../../tests/e2e/harness'
import type { BlockJSON, Report } from '../../src-renderer/src/core/report'
import type { MetricValue } from '../../src-renderer/src/core/template'
import { NotAvailable, attempt, type NA } from '../lib/na'
import { summarize, type Summary } from '../lib/stats'
import { blocksFromJSON, blocksFromResolved, lastSectionNeedle, type PlainBlock } from '../lib/text'
import { loadLargeReportOf, resolverFor } from '../lib/pieces'
import { placeCaretMidway, waitForEditable } from './probe'
import type { BenchBundles } from './bundle'

const BODY = '报告正文'
// 9 rounds: single bursts swing ±20% (a GC, the autosave), and 5 rounds moved the ratio by ±0.1 from run to run.
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 9)
const KEYS_PER_BURST = 40
const KEY_DELAY_MS = 25
/**
 * A fast typist's pace: 100 ms from key to key, 600 keys a minute. 25 ms apart (40 a second, no
 * person types that fast) each key lands on the frames of the keys before it, so Event Timing
 * there measures the engine under a queue as much as the editor; this pace is the one a clerk
 * feels, and the one the Event Timing goal is judged at (as many keys as the 25 ms rounds).
 * Interleaved like the other rounds.
 */
const TYPIST_DELAY_MS = 100
const TYPIST_ROUNDS = Number(process.env.BENCH_TYPIST_ROUNDS ?? 9)
/** After a burst: long enough for the autosave debounce, so its cost is counted too. */
const TAIL_MS = 1200
const ASCII = 'the clerk types steady prose into the middle of a long report '
/** Pinyin syllables with the character each commits: every step is one composition update. */
const IME_WORDS: Array<[string, string]> = [
  ['zheng', '政'],
  ['fu', '府'],
  ['fa', '法'],
  ['zhi', '治'],
  ['jian', '建'],
  ['she', '设'],
  ['gong', '工'],
  ['zuo', '作']
]

export type Mode = 'ascii' | 'ime' | 'suggest'

export interface PerKey {
  pages: number
  mode: Mode
  /** Milliseconds of main-thread time per key, one value per round. */
  app: Summary
  plain: Summary
  /** The same bursts in the main thread's CPU time (ThreadTime): what load from other processes does not stretch. */
  appCpu: Summary
  plainCpu: Summary
  /** Event Timing: per-interaction durations ≥ 16 ms (shorter ones are not reported by Chromium). */
  appEvents: EventSummary
  plainEvents: EventSummary
  /** Event Timing with keys at a typist's pace (TYPIST_DELAY_MS), 60 pages only. */
  typist?: { app: EventSummary; plain: EventSummary }
}

export interface EventSummary {
  keys: number
  over16: number
  over24: number
  p95: number
  worst: number
}

export interface SpeedFigures {
  perKey: Array<PerKey | NA>
  detached: { cycles: number; detachedEditors: number; liveEditors: number; heapMiB: number } | NA
}

export interface Input {
  pages: number
  report: Report
  sections: BlockJSON[]
  values: MetricValue[]
  blocks: PlainBlock[]
  needle: string
}

export async function inputFor(pages: number): Promise<Input> {
  const large = await loadLargeReportOf(pages)
  let blocks: PlainBlock[]
  try {
    blocks = blocksFromResolved((await resolverFor(large))())
  } catch {
    blocks = blocksFromJSON(large.sections)
  }
  return { pages, report: large.report, sections: large.sections, values: large.values, blocks, needle: lastSectionNeedle(large.sections) }
}

// ---- in-page helpers (self-contained: they run in the page) ------------------------------

export function installEventTiming(): void {
  // One entry per key: keydown for typed keys, compositionupdate/compositionend for IME steps
  // (its duration runs from the event to the next paint, so it covers the input it causes).
  // A commit gives compositionupdate and compositionend with one timestamp: one step, kept once.
  const w = window as unknown as { __benchEvents: Map<number, number> }
  w.__benchEvents = new Map()
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      if (e.name !== 'keydown' && e.name !== 'compositionupdate' && e.name !== 'compositionend') continue
      const at = Math.round(e.startTime * 10)
      w.__benchEvents.set(at, Math.max(w.__benchEvents.get(at) ?? 0, e.duration))
    }
  }).observe({ type: 'event', durationThreshold: 16, buffered: false } as PerformanceObserverInit)
}

export function takeEventTiming(): number[] {
  const w = window as unknown as { __benchEvents: Map<number, number> }
  const out = [...w.__benchEvents.values()]
  w.__benchEvents.clear()
  return out
}

// ---- measuring ----------------------------------------------------------------------------

/** Seconds of main-thread work so far: TaskDuration (wall time inside tasks) or, with `cpu`, ThreadTime (the thread's CPU time, which other processes' load does not stretch). */
async function taskSeconds(cdp: CDPSession, cpu = false): Promise<number> {
  const { metrics } = (await cdp.send('Performance.getMetrics')) as { metrics: Array<{ name: string; value: number }> }
  return metrics.find((m) => m.name === (cpu ? 'ThreadTime' : 'TaskDuration'))?.value ?? NaN
}

const sleep = (ms: number) => new Promise((ok) => setTimeout(ok, ms))

/** Types one burst of `keys` key events, `delay` ms apart (25 ms: also the trace tool's, trace-typing.ts); returns how many it sent. */
export async function burst(page: Page, cdp: CDPSession, mode: Mode, keys = KEYS_PER_BURST, delay = KEY_DELAY_MS): Promise<number> {
  if (mode !== 'ime') {
    await page.keyboard.type(ASCII.repeat(Math.ceil(keys / ASCII.length)).slice(0, keys), { delay })
    return keys
  }
  let events = 0
  for (let w = 0; events < keys; w++) {
    const [pinyin, hanzi] = IME_WORDS[w % IME_WORDS.length]
    for (let i = 1; i <= pinyin.length; i++) {
      await cdp.send('Input.imeSetComposition', { text: pinyin.slice(0, i), selectionStart: i, selectionEnd: i })
      events++
      await sleep(delay)
    }
    await cdp.send('Input.insertText', { text: hanzi })
    events++
    await sleep(delay)
  }
  return events
}

export interface Side {
  page: Page
  cdp: CDPSession
  /** Bursts typed so far: each one goes into the next paragraph of `paragraphShift`'s round. */
  bursts?: number
  /** The plain ProseMirror page: in 修订模式 it types into an insertion mark (SUGGEST_BASELINE). */
  plainPM?: boolean
}

/**
 * What the plain page types in 修订模式. The app's 修订模式 puts every typed key into an
 * insertion mark, drawn underlined on a green ground: the same formatting on the plain page is
 * ProseMirror typing into an insertion mark drawn the same way ('marked', the default).
 * BENCH_SUGGEST_BASELINE=unmarked types bare text there, as row 8 did until 2026-11-30.
 */
const SUGGEST_BASELINE = process.env.BENCH_SUGGEST_BASELINE === 'unmarked' ? 'unmarked' : 'marked'

/**
 * Which paragraph, counted from the middle one, the n-th burst types into: 16 in turn. A key's
 * frame re-rasters the 256-px tiles its paragraph covers, so one fixed paragraph makes the figure
 * depend on where that paragraph happens to fall on the tile grid of each page (traced: the same
 * paragraph covered two tile rows in the app and one in the plain page, 8 tiles a key against 4).
 * Both editors visit the same paragraphs in the same order.
 */
export function paragraphShift(n: number): number {
  return (n % 16) - 8
}

export async function measureBurst(side: Side, mode: Mode, delay = KEY_DELAY_MS): Promise<{ perKey: number; cpuPerKey: number; events: number[]; keys: number }> {
  const { page, cdp } = side
  const shift = paragraphShift(side.bursts ?? 0)
  side.bursts = (side.bursts ?? 0) + 1
  if (!(await page.evaluate(placeCaretMidway, { label: BODY, shift }))) throw new NotAvailable('no paragraph with text to type into')
  await sleep(400)
  // After the caret's selectionchange has reached ProseMirror: a new selection drops stored marks.
  if (mode === 'suggest' && side.plainPM && SUGGEST_BASELINE === 'marked') {
    const marked = await page.evaluate(() => (window as unknown as { __benchPM: { markTyping(): boolean } }).__benchPM.markTyping())
    if (!marked) throw new NotAvailable('the plain page could not mark its typing')
  }
  await page.evaluate(takeEventTiming)
  const before = await taskSeconds(cdp)
  const cpuBefore = await taskSeconds(cdp, true)
  const keys = await burst(page, cdp, mode, KEYS_PER_BURST, delay)
  await sleep(TAIL_MS)
  const after = await taskSeconds(cdp)
  const cpuAfter = await taskSeconds(cdp, true)
  const events = await page.evaluate(takeEventTiming)
  return { perKey: ((after - before) * 1000) / keys, cpuPerKey: ((cpuAfter - cpuBefore) * 1000) / keys, events, keys }
}

function eventSummary(durations: number[], keys: number): EventSummary {
  // Interactions under 16 ms are not reported: count them as "under 16" (0 here).
  const all = [...durations, ...Array(Math.max(0, keys - durations.length)).fill(0)].sort((a, b) => a - b)
  const p95 = all[Math.min(all.length - 1, Math.ceil(0.95 * all.length) - 1)] ?? 0
  // Durations come rounded to 8 ms: p95 ≤ 16 means at most 5% of the keys at 24 ms or more.
  return { keys, over16: durations.length, over24: durations.filter((d) => d >= 24).length, p95, worst: durations.length ? Math.max(...durations) : 0 }
}

export async function openApp(page: Page, url: string, input: Input): Promise<number> {
  await page.goto('about:blank')
  await page.goto(`${url}#/reports/${encodeURIComponent(input.report.id)}`)
  const at = await page.evaluate(waitForEditable, { label: BODY, needle: input.needle, timeoutMs: 30_000 })
  if (at < 0) throw new NotAvailable(`the report did not open (${at})`)
  await page.evaluate(installEventTiming)
  return at
}

export async function seedReport(page: Page, input: Input): Promise<void> {
  await page.evaluate(
    (d) => (window as unknown as { __benchDB: { seed(...a: unknown[]): Promise<void> } }).__benchDB.seed(d.report, d.sections, d.values),
    { report: input.report, sections: input.sections, values: input.values }
  )
}

async function perKey(session: BrowserSession, app: Side, plain: Side, appUrl: string, pmUrl: string, input: Input, mode: Mode, bundles: BenchBundles): Promise<PerKey> {
  await app.page.goto(`${appUrl}#/`)
  await app.page.addScriptTag({ content: bundles.dbScript })
  await seedReport(app.page, input)
  await openApp(app.page, appUrl, input)
  if (mode === 'suggest') {
    // From the keyboard, not a click: a click leaves the pointer over the page, and Chromium then
    // hit-tests it for hover after every frame (≈ 0.35 ms and one more pre-paint per key, traced)
    // — for this row and every row after it in the same tab, while the plain page and the other
    // rows never have a pointer over them.
    await app.page.getByRole('button', { name: '修订模式', exact: true }).press('Enter')
    if ((await app.page.getByRole('button', { name: '修订模式', exact: true }).getAttribute('aria-pressed')) !== 'true') throw new NotAvailable('修订模式 did not turn on')
  }
  await plain.page.goto(pmUrl)
  await plain.page.evaluate((blocks) => (window as unknown as { __benchPM: { mount(b: unknown): void } }).__benchPM.mount(blocks), input.blocks)
  await plain.page.evaluate(installEventTiming)
  const appTimes: number[] = []
  const plainTimes: number[] = []
  const appCpu: number[] = []
  const plainCpu: number[] = []
  const appEvents: number[] = []
  const plainEvents: number[] = []
  let appKeys = 0
  let plainKeys = 0
  // One warm-up burst each, then interleaved rounds (alternating which goes first).
  await measureBurst(plain, mode)
  await measureBurst(app, mode)
  for (let r = 0; r < ROUNDS; r++) {
    const order = r % 2 === 0 ? [plain, app] : [app, plain]
    for (const side of order) {
      await side.page.bringToFront()
      const m = await measureBurst(side, mode)
      if (side === app) {
        appTimes.push(m.perKey)
        appCpu.push(m.cpuPerKey)
        appEvents.push(...m.events)
        appKeys += m.keys
      } else {
        plainTimes.push(m.perKey)
        plainCpu.push(m.cpuPerKey)
        plainEvents.push(...m.events)
        plainKeys += m.keys
      }
    }
  }
  // Event Timing at a typist's pace, 60 pages: the same tabs, interleaved the same way.
  let typist: PerKey['typist']
  if (input.pages === 60 && TYPIST_ROUNDS > 0) {
    const ev = { app: [] as number[], plain: [] as number[] }
    const keys = { app: 0, plain: 0 }
    for (let r = 0; r < TYPIST_ROUNDS; r++) {
      for (const side of r % 2 === 0 ? [plain, app] : [app, plain]) {
        await side.page.bringToFront()
        const m = await measureBurst(side, mode, TYPIST_DELAY_MS)
        const k = side === app ? 'app' : 'plain'
        ev[k].push(...m.events)
        keys[k] += m.keys
      }
    }
    typist = { app: eventSummary(ev.app, keys.app), plain: eventSummary(ev.plain, keys.plain) }
  }
  void session
  return {
    typist,
    pages: input.pages,
    mode,
    app: summarize(appTimes),
    plain: summarize(plainTimes),
    appCpu: summarize(appCpu),
    plainCpu: summarize(plainCpu),
    appEvents: eventSummary(appEvents, appKeys),
    plainEvents: eventSummary(plainEvents, plainKeys)
  }
}

/** Opens and leaves the editor 5 times, collects garbage, counts editor roots no longer in the document. */
async function detachedEditors(page: Page, url: string, input: Input): Promise<SpeedFigures['detached']> {
  const cycles = 5
  for (let i = 0; i < cycles; i++) {
    await page.goto(`${url}#/reports/${encodeURIComponent(input.report.id)}`)
    await page.evaluate(waitForEditable, { label: BODY, needle: input.needle, timeoutMs: 30_000 })
    await page.getByRole('button', { name: '返回列表' }).first().click()
    await page.getByRole('heading', { name: '报告列表' }).waitFor()
  }
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('HeapProfiler.enable')
  await cdp.send('HeapProfiler.collectGarbage')
  await cdp.send('HeapProfiler.collectGarbage')
  const proto = (await cdp.send('Runtime.evaluate', { expression: 'HTMLDivElement.prototype' })) as { result: { objectId: string } }
  const found = (await cdp.send('Runtime.queryObjects', { prototypeObjectId: proto.result.objectId })) as { objects: { objectId: string } }
  const counted = (await cdp.send('Runtime.callFunctionOn', {
    objectId: found.objects.objectId,
    functionDeclaration: 'function () { const eds = this.filter((d) => d.classList.contains("ProseMirror")); return [eds.filter((d) => !d.isConnected).length, eds.filter((d) => d.isConnected).length] }',
    returnByValue: true
  })) as { result: { value: [number, number] } }
  const heap = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number }
  await cdp.detach()
  return { cycles, detachedEditors: counted.result.value[0], liveEditors: counted.result.value[1], heapMiB: Math.round((heap.usedSize / 1024 / 1024) * 10) / 10 }
}

export async function measureSpeed(bundles: BenchBundles, rendererDir: string, progress: (s: string) => void): Promise<SpeedFigures> {
  let session: BrowserSession | null = null
  let app: RendererServer | null = null
  let pm: RendererServer | null = null
  try {
    session = await launchBrowser()
    await session.context.addInitScript('globalThis.__name ??= (fn) => fn')
    app = await serveRenderer(rendererDir)
    pm = await serveRenderer(bundles.pmDir)
    const appPage = session.page
    const plainPage = await session.context.newPage()
    const appSide: Side = { page: appPage, cdp: await session.context.newCDPSession(appPage) }
    const plainSide: Side = { page: plainPage, cdp: await session.context.newCDPSession(plainPage), plainPM: true }
    await appSide.cdp.send('Performance.enable')
    await plainSide.cdp.send('Performance.enable')
    const wanted = (process.env.BENCH_SPEED_PAGES ?? '60,200').split(',').map(Number)
    const modes = (process.env.BENCH_SPEED_MODES ?? 'ascii,ime,suggest').split(',') as Mode[]
    const results: Array<PerKey | NA> = []
    const inputs = new Map<number, Input>()
    for (const pages of wanted) {
      const input = await inputFor(pages)
      inputs.set(pages, input)
      for (const mode of modes) {
        const r = await attempt(`per key ${pages} pages ${mode}`, () => perKey(session!, appSide, plainSide, app!.url, pm!.url, input, mode, bundles))
        results.push(r)
        progress(`per key, ${pages} pages, ${mode}: ${'na' in r ? r.na : `app ${r.app.median} ms, plain ${r.plain.median} ms (CPU ${r.appCpu.median} vs ${r.plainCpu.median}), events ≥16: ${r.appEvents.over16}/${r.appEvents.keys} (plain ${r.plainEvents.over16}), worst ${r.appEvents.worst} (plain ${r.plainEvents.worst})${r.typist ? `; typist's pace ≥24: ${r.typist.app.over24}/${r.typist.app.keys} (plain ${r.typist.plain.over24})` : ''}`}`)
      }
    }
    await plainPage.close()
    const sixty = inputs.get(60) ?? (await inputFor(60))
    const detached = await attempt('detached editors', () => detachedEditors(appPage, app!.url, sixty))
    progress(`detached editors: ${JSON.stringify(detached)}`)
    return { perKey: results, detached }
  } finally {
    if (session) await session.close()
    await Promise.all([app, pm].map((s) => (s as RendererServer | null)?.close()))
  }
}

// ---- printing ------------------------------------------------------------------------------

const f1 = (x: number) => (Number.isFinite(x) ? x.toFixed(1) : '—')
const spread = (s: Summary) => `${f1(s.median)} ms (${f1(s.min)}–${f1(s.max)}, n=${s.n})`
const verdict = (ok: boolean) => (ok ? 'meets' : 'MISSES')
const MODE_NAME: Record<Mode, string> = { ascii: 'ASCII keys', ime: '中文输入法 composition', suggest: '修订模式 (ASCII)' }

/** Rows of [figure, goal, baseline, measured, verdict]. */
export function speedRows(fig: SpeedFigures): string[][] {
  const rows: string[][] = []
  const na = (x: NA) => `n/a (${x.na})`
  for (const r of fig.perKey) {
    if ('na' in r) {
      rows.push(['Per-key main-thread time', na(r)])
      continue
    }
    const ratio = r.app.median / r.plain.median
    rows.push([
      `Per key, ${r.pages} pages, ${MODE_NAME[r.mode]}`,
      '≤ 1.3× plain PM',
      `plain PM${r.mode === 'suggest' && SUGGEST_BASELINE === 'marked' ? ' into an insertion mark' : ''} ${spread(r.plain)}`,
      `app ${spread(r.app)} = ${ratio.toFixed(2)}× (thread CPU ${f1(r.appCpu.median)} vs ${f1(r.plainCpu.median)} ms = ${(r.appCpu.median / r.plainCpu.median).toFixed(2)}×)`,
      verdict(ratio <= 1.3)
    ])
    const ev = r.appEvents
    const pv = r.plainEvents
    const p95 = (e: EventSummary) => (e.p95 < 16 ? '< 16 ms' : `${e.p95.toFixed(0)} ms`)
    const eventRow = (label: string, a: EventSummary, p: EventSummary, goal: boolean) => [
      label,
      goal ? '≤ 16 ms' : '— (stress)',
      `plain PM ${p95(p)} (${p.over16}/${p.keys} ≥ 16 ms, ${p.over24} ≥ 24)`,
      `app ${p95(a)} (${a.over16}/${a.keys} ≥ 16 ms, ${a.over24} ≥ 24)`,
      goal ? verdict(a.p95 <= 16) : ''
    ]
    if (r.pages === 60) {
      // The goal is judged on typing a person can do (TYPIST_DELAY_MS). Keys 25 ms apart are a
      // stress figure: the plain page itself is over 16 ms there in about half the runs.
      if (r.typist) rows.push(eventRow(`  Event Timing p95, ${r.pages} pages, ${MODE_NAME[r.mode]}, a typist's pace (${TYPIST_DELAY_MS} ms)`, r.typist.app, r.typist.plain, true))
      rows.push(eventRow(`  Event Timing p95, ${r.pages} pages, ${MODE_NAME[r.mode]}, keys ${KEY_DELAY_MS} ms apart`, ev, pv, false))
    }
    if (r.mode === 'ime' && r.pages === 200) {
      rows.push([`  worst IME event, ${r.pages} pages`, '≤ 50 ms', `plain PM ${pv.worst.toFixed(0)} ms`, `app ${ev.worst.toFixed(0)} ms over ${ev.keys} events`, verdict(ev.worst <= 50)])
    } else {
      rows.push([`  worst event, ${r.pages} pages`, '—', `plain PM ${pv.worst.toFixed(0)} ms`, `app ${ev.worst.toFixed(0)} ms over ${ev.keys} events`, ''])
    }
  }
  if ('na' in fig.detached) rows.push(['Detached editors', na(fig.detached)])
  else {
    const d = fig.detached
    rows.push([`Editor DOM after ${d.cycles} open/leave cycles (after GC)`, '0 detached', '—', `${d.detachedEditors} detached, ${d.liveEditors} live; JS heap ${d.heapMiB} MiB`, verdict(d.detachedEditors === 0)])
  }
  return rows
}
