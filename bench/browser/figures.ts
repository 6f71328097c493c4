// Figures 2–4, measured in Debian's Chromium against the BUILT renderer (out/renderer):
// keystroke latency (ours vs plain ProseMirror), time to open, and the cost of one autosave.
import type { Page } from 'playwright-core'
import { launchBrowser, serveRenderer, type BrowserSession, type RendererServer } from '../../tests/e2e/harness'
import type { BlockJSON, Report } from '../../src-renderer/src/core/report'
import type { MetricValue } from '../../src-renderer/src/core/template'
import type { PlainBlock } from '../lib/text'
import { NotAvailable, attempt, type NA } from '../lib/na'
import { summarize, type Summary } from '../lib/stats'
import { collectKeystrokes, installKeystrokeProbe, placeCaretMidway, waitForEditable, type KeyRecord } from './probe'
import { ARTIFACTS_DIR, type BenchBundles } from './bundle'
import { profileTyping } from './profile'
import type { SaveTiming } from './db-entry'

export const BODY_LABEL = '报告正文'
/** ASCII on purpose: Playwright sends characters outside the US layout as bare insertText, with no keydown. */
const TYPED = 'the township clerk types steady prose into the middle of a long report '.repeat(3).slice(0, 200)
const KEY_DELAY_MS = 25
const OPEN_RUNS = 5
const OPEN_TIMEOUT_MS = 20_000

export interface BrowserInput {
  report: Report
  sections: BlockJSON[]
  values: MetricValue[]
  /** The same text as plain blocks, for the baseline editor. */
  blocks: PlainBlock[]
  /** A piece of the last section's text: when the editor shows it, the whole report is in. */
  needle: string
}

export interface KeyLatency {
  frame: Summary & { p50: number }
  paint: Summary & { p50: number }
}

export interface KeystrokeFigure {
  keys: number
  ours: KeyLatency | NA
  baseline: KeyLatency | NA
}

export interface OpenFigure {
  /** Fresh page load of #/reports/<id> → editable with the last section (from navigation start). */
  cold: Summary
  /** In-app: from the list route, hash change to #/reports/<id> → editable. */
  warm: Summary
}

export interface AutosaveFigure {
  where: string
  oneSection: Summary & { bytes: number; sections: number }
  wholeDocument: Summary & { bytes: number; sections: number }
}

export interface BrowserFigures {
  chromium: string
  keystroke: KeystrokeFigure
  open: OpenFigure | NA
  autosave: AutosaveFigure | NA
}

function keySummary(records: KeyRecord[], field: 'frame' | 'paint'): Summary & { p50: number } {
  const values = records.map((r) => r[field]).filter((v): v is number => typeof v === 'number')
  if (values.length === 0) throw new NotAvailable(`no ${field} timings recorded (did typing reach the editor?)`)
  const s = summarize(values)
  return { ...s, p50: s.median }
}

function latency(records: KeyRecord[]): KeyLatency {
  return { frame: keySummary(records, 'frame'), paint: keySummary(records, 'paint') }
}

/** Puts the caret mid-report, types TYPED, returns per-key records. */
async function typeInMiddle(page: Page): Promise<KeyRecord[]> {
  const body = page.locator(`[contenteditable="true"][aria-label="${BODY_LABEL}"]`).first()
  if (!(await page.evaluate(placeCaretMidway, BODY_LABEL))) throw new NotAvailable('the editor body has no paragraph with text')
  await page.waitForTimeout(300)
  await page.evaluate(installKeystrokeProbe)
  await page.keyboard.type(TYPED, { delay: KEY_DELAY_MS })
  const records = await page.evaluate(collectKeystrokes)
  const text = (await body.textContent()) ?? ''
  if (!text.includes(TYPED.slice(0, 40))) throw new NotAvailable('the typed text did not appear in the editor body')
  return records
}

async function injectDB(page: Page, bundles: BenchBundles): Promise<void> {
  await page.addScriptTag({ content: bundles.dbScript })
}

function openFailure(code: number): string {
  const within = `within ${OPEN_TIMEOUT_MS / 1000} s at #/reports/:id`
  return code === -1
    ? `no contenteditable labelled "${BODY_LABEL}" ${within} (has the editor landed?)`
    : `the "${BODY_LABEL}" body did not show the last section's text ${within}`
}

/** Writes the report into the app origin's IndexedDB through the app's own database module. */
async function seed(page: Page, input: BrowserInput): Promise<void> {
  await page.evaluate(
    (d) => (window as unknown as { __benchDB: { seed(...a: unknown[]): Promise<void> } }).__benchDB.seed(d.report, d.sections, d.values),
    { report: input.report, sections: input.sections, values: input.values }
  )
}

async function openCold(page: Page, base: string, input: BrowserInput): Promise<number> {
  await page.goto('about:blank')
  await page.goto(`${base}#/reports/${encodeURIComponent(input.report.id)}`)
  const at = await page.evaluate(waitForEditable, { label: BODY_LABEL, needle: input.needle, timeoutMs: OPEN_TIMEOUT_MS })
  if (at < 0) throw new NotAvailable(openFailure(at))
  return at
}

async function openWarm(page: Page, base: string, input: BrowserInput): Promise<number> {
  await page.goto('about:blank')
  await page.goto(`${base}#/`)
  await page.waitForLoadState('load')
  // The list idle for a second before the hash change (as rows 8 and 15).
  await page.evaluate(() => new Promise((ok) => requestIdleCallback(ok, { timeout: 5000 })))
  await page.waitForTimeout(1000)
  const elapsed = await page.evaluate(
    async (args) => {
      const t0 = performance.now()
      location.hash = `#/reports/${encodeURIComponent(args.id)}`
      const wait = new Function(`return (${args.waitSrc})`)() as (a: unknown) => Promise<number>
      const at = await wait({ label: args.label, needle: args.needle, timeoutMs: args.timeoutMs })
      return at < 0 ? -1 : at - t0
    },
    { id: input.report.id, label: BODY_LABEL, needle: input.needle, timeoutMs: OPEN_TIMEOUT_MS, waitSrc: waitForEditable.toString() }
  )
  if (elapsed < 0) throw new NotAvailable(`in-app navigation: ${openFailure(elapsed)}`)
  return elapsed
}

/** `rendererDir`: the built renderer to serve (default out/renderer, from `npm run build`). */
export async function measureBrowser(input: BrowserInput, bundles: BenchBundles, rendererDir?: string): Promise<BrowserFigures> {
  let session: BrowserSession | null = null
  let app: RendererServer | null = null
  let pm: RendererServer | null = null
  try {
    const t0 = performance.now()
    const progress = (what: string) => console.error(`[bench]   ${what} (${((performance.now() - t0) / 1000).toFixed(1)} s)`)
    session = await launchBrowser()
    const { page, context } = session
    // tsx compiles with keepNames, so functions handed to page.evaluate call a __name helper
    // that only exists in Node; give every document an identity stand-in.
    await context.addInitScript('globalThis.__name ??= (fn) => fn')
    const chromium = `Chromium ${session.browser.version()} (headless, ${process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'})`

    // Baseline first: it does not depend on anything else landing.
    pm = await serveRenderer(bundles.pmDir)
    await page.goto(pm.url)
    await page.evaluate((blocks) => (window as unknown as { __benchPM: { mount(b: unknown): void } }).__benchPM.mount(blocks), input.blocks)
    const baseline = await attempt('keystroke baseline', async () => latency(await typeInMiddle(page)))

    progress('plain ProseMirror typed')
    const open = await attempt('time to open', async () => {
      app = await serveRenderer(rendererDir)
      await page.goto(`${app.url}#/`)
      await injectDB(page, bundles)
      await seed(page, input)
      const cold: number[] = []
      const warm: number[] = []
      for (let i = 0; i < OPEN_RUNS; i++) {
        cold.push(await openCold(page, app.url, input))
        warm.push(await openWarm(page, app.url, input))
      }
      return { cold: summarize(cold), warm: summarize(warm) } satisfies OpenFigure
    })

    progress('opened')
    const ours = await attempt('keystroke latency', async () => {
      if ('na' in open) throw new NotAvailable(`the report could not be opened: ${open.na}`)
      if (!app) throw new NotAvailable('renderer not served')
      await openCold(page, app.url, input)
      const figure = latency(await typeInMiddle(page))
      if (process.env.BENCH_PROFILE) {
        await openCold(page, app.url, input)
        await page.evaluate(placeCaretMidway, BODY_LABEL)
        await page.waitForTimeout(300)
        console.log(await profileTyping(context, page, TYPED.slice(0, 100), ARTIFACTS_DIR))
      }
      return figure
    })
    const keystroke: KeystrokeFigure = { keys: TYPED.length, ours, baseline }

    progress('app typed')
    const autosave = await attempt('autosave', async () => {
      if (!app) throw new NotAvailable('renderer not served')
      await page.goto('about:blank')
      await page.goto(`${app.url}#/`)
      await injectDB(page, bundles)
      // Re-seed: the keystroke run above typed into the report and the app autosaved it.
      await seed(page, input)
      const timeSave = (mode: 'one' | 'all', runs: number, warmup: number) =>
        page.evaluate(
          (a) => (window as unknown as { __benchDB: { timeSave(...x: unknown[]): Promise<SaveTiming> } }).__benchDB.timeSave(a.id, a.mode, a.runs, a.warmup),
          { id: input.report.id, mode, runs, warmup }
        )
      const one = await timeSave('one', 15, 3)
      const all = await timeSave('all', 7, 1)
      return {
        where: 'browser, real IndexedDB (Chromium), the app\'s own saveSections',
        oneSection: { ...summarize(one.times), bytes: one.bytes, sections: one.sections },
        wholeDocument: { ...summarize(all.times), bytes: all.bytes, sections: all.sections }
      } satisfies AutosaveFigure
    })

    progress('autosave timed')
    return { chromium, keystroke, open, autosave }
  } finally {
    // Browser first, so no open connection holds a server's close() back.
    if (session) await session.close()
    const servers = [pm, app] as Array<RendererServer | null>
    await Promise.all(servers.map((s) => s?.close()))
  }
}
