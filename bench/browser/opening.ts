// Issue 11 item 2, in detail: where the time goes when a 60-page report opens, from the report
// list (click 打开 → editable and painted) and in a new window (navigation start → editable and
// painted), with the home list of 200 reports (navigation start → first rows, count and a
// painted frame). `BENCH_ONLY=opening npm run bench` runs only this (it also runs in the full
// bench). Same report and seeding as row 8 (bench/browser/speed.ts).
//
// Each round does all three, in the same order, so background load hits them alike. Next to
// the wall-clock times it records the page's main-thread time (CDP TaskDuration) spent on the
// open: the machine is shared, and main-thread time moves far less with the load than the
// wall clock does. The phases come from the app's own performance marks (huibao:*), which
// cost nothing measurable and stay in the build.
import { loadavg } from 'node:os'
import type { CDPSession, Page } from 'playwright-core'
import { launchBrowser, serveRenderer, type BrowserSession, type RendererServer } from '../../tests/e2e/harness'
import { NotAvailable } from '../lib/na'
import { summarize, type Summary } from '../lib/stats'
import { blocksFromJSON, blocksFromResolved, lastSectionNeedle, type PlainBlock } from '../lib/text'
import { loadLargeReportOf, resolverFor } from '../lib/pieces'
import { waitForEditable } from './probe'
import type { BenchBundles } from './bundle'

const BODY = '报告正文'
const ROUNDS = Number(process.env.BENCH_OPEN_ROUNDS ?? process.env.BENCH_ROUNDS ?? 7)
/** How long the list has sat idle before 打开 is clicked: a clerk reads the list before choosing. */
const LIST_IDLE_MS = 1000

export interface OpeningFigures {
  pages: number
  rounds: number
  /** 1-minute load average before and after. */
  load: [number, number]
  fromList: Summary
  fromListCpu: Summary
  newWindow: Summary
  newWindowCpu: Summary
  homeList200: Summary
  /**
   * Baseline, the engine alone: a plain ProseMirror page (bench/browser/pm-entry.ts) with the
   * same text — navigation start → view built and painted, and the build → painted part alone.
   */
  plainWindow: Summary
  plainMount: Summary
  /** Milliseconds between consecutive marks, per phase name (median over rounds). */
  fromListPhases: Array<[string, Summary]>
  newWindowPhases: Array<[string, Summary]>
}

interface OneOpen {
  total: number
  cpu: number
  marks: Record<string, number>
}

async function taskMs(cdp: CDPSession): Promise<number> {
  const { metrics } = (await cdp.send('Performance.getMetrics')) as { metrics: Array<{ name: string; value: number }> }
  return (metrics.find((m) => m.name === 'TaskDuration')?.value ?? NaN) * 1000
}

/** The app's marks, ms relative to `zero` (performance.now() origin of this document). */
function readMarks(zero: number): Record<string, number> {
  const out: Record<string, number> = {}
  for (const m of performance.getEntriesByType('mark')) if (m.name.startsWith('huibao:')) out[m.name] = m.startTime - zero
  return out
}

async function newWindow(page: Page, cdp: CDPSession, url: string, id: string, needle: string): Promise<OneOpen> {
  // A page of the same origin (a small static file of the build, shown as text): the same
  // renderer process, so its main-thread counter runs on across the navigation.
  await page.goto(`${url}zod-jitless.js`)
  const before = await taskMs(cdp)
  await page.goto(`${url}#/reports/${encodeURIComponent(id)}`)
  const at = await page.evaluate(waitForEditable, { label: BODY, needle, timeoutMs: 30_000 })
  if (at < 0) throw new NotAvailable(`the report did not open in a new window (${at})`)
  const cpu = (await taskMs(cdp)) - before
  return { total: at, cpu, marks: await page.evaluate(readMarks, 0) }
}

async function homeList(page: Page, url: string): Promise<number> {
  await page.goto('about:blank')
  await page.goto(`${url}#/`)
  const shown = await page.evaluate(
    () =>
      new Promise<number>((ok) => {
        const check = () => {
          const buttons = document.querySelectorAll('button[aria-label^="打开「"]')
          const count = Number(/共 (\d+) 份/.exec(document.querySelector('.hb-page__subtitle')?.textContent ?? '')?.[1] ?? 0)
          if (buttons.length > 0 && count >= 200) {
            const channel = new MessageChannel()
            channel.port1.onmessage = () => ok(performance.now())
            channel.port2.postMessage(0)
            return
          }
          if (performance.now() > 30_000) return ok(-1)
          requestAnimationFrame(check)
        }
        requestAnimationFrame(check)
      })
  )
  if (shown < 0) throw new NotAvailable('the home list did not show 200 reports within 30 s')
  return shown
}

async function fromList(page: Page, cdp: CDPSession, title: string, needle: string): Promise<OneOpen> {
  // Every row there, then the list idle for a while (what a clerk looking for a report sees).
  await page.waitForFunction(() => document.querySelectorAll('button[aria-label^="打开「"]').length >= 200, undefined, { timeout: 30_000 })
  await page.evaluate(() => new Promise((ok) => requestIdleCallback(ok, { timeout: 5000 })))
  await page.waitForTimeout(LIST_IDLE_MS)
  const before = await taskMs(cdp)
  const r = await page.evaluate(
    async (a) => {
      const button = Array.from(document.querySelectorAll<HTMLButtonElement>('button[aria-label^="打开「"]')).find((b) => b.getAttribute('aria-label') === `打开「${a.title}」`)
      if (!button) return null
      const t0 = performance.now()
      button.click()
      const wait = new Function(`return (${a.waitSrc})`)() as (x: unknown) => Promise<number>
      const at = await wait({ label: a.label, needle: a.needle, timeoutMs: 30_000 })
      const marks: Record<string, number> = {}
      for (const m of performance.getEntriesByType('mark')) if (m.name.startsWith('huibao:editor:') && m.startTime >= t0) marks[m.name] = m.startTime - t0
      return { total: at < 0 ? -1 : at - t0, marks }
    },
    { title, label: BODY, needle, waitSrc: waitForEditable.toString() }
  )
  if (!r) throw new NotAvailable(`no 打开 button for 「${title}」 on the list`)
  if (r.total < 0) throw new NotAvailable('opening from the list did not reach an editable report')
  const cpu = (await taskMs(cdp)) - before
  return { total: r.total, cpu, marks: r.marks }
}

/** The plain ProseMirror page: page load, then the same text mounted and painted. */
async function plainPage(page: Page, pmUrl: string, blocks: PlainBlock[]): Promise<{ window: number; mount: number }> {
  await page.goto('about:blank')
  await page.goto(pmUrl)
  return page.evaluate(
    (b) =>
      new Promise<{ window: number; mount: number }>((ok) => {
        const t0 = performance.now()
        ;(window as unknown as { __benchPM: { mount(x: unknown): void } }).__benchPM.mount(b)
        requestAnimationFrame(() => {
          const channel = new MessageChannel()
          channel.port1.onmessage = () => ok({ window: performance.now(), mount: performance.now() - t0 })
          channel.port2.postMessage(0)
        })
      }),
    blocks
  )
}

/** Consecutive differences of the marks in `order` (missing marks are skipped), then to the end. */
function phases(open: OneOpen, order: Array<[string, string]>, endName: string): Array<[string, number]> {
  const out: Array<[string, number]> = []
  let prev = 0
  let prevName = 'start'
  for (const [mark, name] of order) {
    const at = open.marks[mark]
    if (at === undefined) continue
    out.push([`${prevName} → ${name}`, at - prev])
    prev = at
    prevName = name
  }
  out.push([`${prevName} → ${endName}`, open.total - prev])
  return out
}

function summarizePhases(all: Array<Array<[string, number]>>): Array<[string, Summary]> {
  const names = all[0]?.map(([n]) => n) ?? []
  return names.map((n) => [n, summarize(all.map((p) => p.find(([m]) => m === n)?.[1] ?? NaN).filter(Number.isFinite))])
}

const EDITOR_MARKS: Array<[string, string]> = [
  ['huibao:editor:setup', 'editor view set up (route, editor code)'],
  ['huibao:editor:read', 'report read (IndexedDB)'],
  ['huibao:editor:figures', 'figures + panels rendered'],
  ['huibao:editor:created', 'editor built'],
  ['huibao:editor:rendered', 'view rendered with the editor']
]
const WINDOW_MARKS: Array<[string, string]> = [
  ['huibao:start', 'app code evaluated'],
  ['huibao:db-open', 'database open'],
  ...EDITOR_MARKS
]

/**
 * `renderers`: built renderers to compare (usually one, the app; `BENCH_OPEN_COMPARE=<dir>` adds
 * another build, e.g. an earlier commit, measured round by round in the same browser).
 */
export async function measureOpening(
  bundles: BenchBundles,
  renderers: Array<{ name: string; dir: string }>,
  progress: (s: string) => void
): Promise<Array<OpeningFigures & { name: string }>> {
  let session: BrowserSession | null = null
  const servers: RendererServer[] = []
  const load0 = loadavg()[0]
  try {
    const large = await loadLargeReportOf(60)
    const needle = lastSectionNeedle(large.sections)
    let blocks: PlainBlock[]
    try {
      blocks = blocksFromResolved((await resolverFor(large))())
    } catch {
      blocks = blocksFromJSON(large.sections)
    }
    session = await launchBrowser()
    await session.context.addInitScript('globalThis.__name ??= (fn) => fn')
    const page = session.page
    const cdp = await session.context.newCDPSession(page)
    await cdp.send('Performance.enable')
    const pm = await serveRenderer(bundles.pmDir)
    servers.push(pm)
    const sides: Array<{ name: string; url: string; windows: OneOpen[]; lists: OneOpen[]; homes: number[] }> = []
    for (const r of renderers) {
      const server = await serveRenderer(r.dir)
      servers.push(server)
      // Each server is its own origin, with its own IndexedDB: seed each.
      await page.goto(`${server.url}#/`)
      await page.addScriptTag({ content: bundles.dbScript })
      await page.evaluate((d) => (window as unknown as { __benchDB: { seed(...a: unknown[]): Promise<void> } }).__benchDB.seed(d.report, d.sections, d.values), {
        report: large.report,
        sections: large.sections,
        values: large.values
      })
      await page.evaluate((d) => (window as unknown as { __benchDB: { seedList(...a: unknown[]): Promise<void> } }).__benchDB.seedList(d.report, d.preamble, 199), {
        report: large.report,
        preamble: large.sections[0]
      })
      // One warm-up of each (caches, code cache), not counted.
      await newWindow(page, cdp, server.url, large.report.id, needle)
      await homeList(page, server.url)
      await fromList(page, cdp, large.report.meta.title, needle)
      sides.push({ name: r.name, url: server.url, windows: [], lists: [], homes: [] })
    }
    await plainPage(page, pm.url, blocks)
    const plain: Array<{ window: number; mount: number }> = []
    for (let i = 0; i < ROUNDS; i++) {
      // Alternate which build goes first.
      const order = i % 2 === 0 ? sides : [...sides].reverse()
      for (const side of order) {
        side.windows.push(await newWindow(page, cdp, side.url, large.report.id, needle))
        side.homes.push(await homeList(page, side.url))
        side.lists.push(await fromList(page, cdp, large.report.meta.title, needle))
        progress(`opening round ${i + 1}/${ROUNDS} ${side.name}: new window ${side.windows.at(-1)!.total.toFixed(0)} ms, home ${side.homes.at(-1)!.toFixed(0)} ms, from list ${side.lists.at(-1)!.total.toFixed(0)} ms`)
      }
      plain.push(await plainPage(page, pm.url, blocks))
    }
    const load1 = loadavg()[0]
    return sides.map((side) => ({
      name: side.name,
      pages: 60,
      rounds: ROUNDS,
      load: [load0, load1] as [number, number],
      fromList: summarize(side.lists.map((o) => o.total)),
      fromListCpu: summarize(side.lists.map((o) => o.cpu)),
      newWindow: summarize(side.windows.map((o) => o.total)),
      newWindowCpu: summarize(side.windows.map((o) => o.cpu)),
      homeList200: summarize(side.homes),
      plainWindow: summarize(plain.map((p) => p.window)),
      plainMount: summarize(plain.map((p) => p.mount)),
      fromListPhases: summarizePhases(side.lists.map((o) => phases(o, EDITOR_MARKS, 'editable and painted'))),
      newWindowPhases: summarizePhases(side.windows.map((o) => phases(o, WINDOW_MARKS, 'editable and painted')))
    }))
  } finally {
    if (session) await session.close()
    await Promise.all(servers.map((s) => s.close()))
  }
}

const f0 = (x: number) => (Number.isFinite(x) ? x.toFixed(0) : '—')
const spread = (s: Summary) => `${f0(s.median)} ms (${f0(s.min)}–${f0(s.max)}, n=${s.n})`

export function formatOpening(all: Array<OpeningFigures & { name: string }>): string {
  return all.map((f) => formatOne(f, all.length > 1 ? ` [${f.name}]` : '')).join('\n')
}

function formatOne(f: OpeningFigures, label: string): string {
  const verdict = (s: Summary, goal: number) => (s.median <= goal ? 'meets' : 'MISSES')
  const lines = [
    `15 Opening a ${f.pages}-page report${label} (issue 11 item 2; load average ${f.load[0].toFixed(1)} → ${f.load[1].toFixed(1)}; median (min–max, n) of ${f.rounds} interleaved rounds after one warm-up)`,
    `  Open from the list (list idle ${LIST_IDLE_MS / 1000} s, click 打开 → editable and painted)   goal ≤ 300 ms   ${spread(f.fromList)}   main thread ${spread(f.fromListCpu)}   baseline: plain ProseMirror builds and paints the same text in ${spread(f.plainMount)}   ${verdict(f.fromList, 300)}`,
    `  Open in a new window (navigation start → editable and painted)               goal ≤ 600 ms   ${spread(f.newWindow)}   main thread ${spread(f.newWindowCpu)}   baseline: plain ProseMirror page load → painted ${spread(f.plainWindow)}   ${verdict(f.newWindow, 600)}`,
    `  Home list with 200 reports (navigation start → rows, count, painted)         goal ≤ 400 ms   ${spread(f.homeList200)}   ${verdict(f.homeList200, 400)}`,
    '  Where the time goes, from the list (wall clock between the app\'s marks):'
  ]
  for (const [name, s] of f.fromListPhases) lines.push(`    ${name.padEnd(72)} ${spread(s)}`)
  lines.push('  Where the time goes, new window:')
  for (const [name, s] of f.newWindowPhases) lines.push(`    ${name.padEnd(72)} ${spread(s)}`)
  return lines.join('\n')
}
