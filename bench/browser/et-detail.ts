// Where Event Timing's slow keys (≥ 24 ms) spend their time, the app beside the plain ProseMirror page
// (a diagnostic for row 8, not a row): bursts of 40 ASCII keys CAD ms apart, the two tabs
// alternating, and for each slow keydown its input delay (event → handlers start), processing
// (handlers) and presentation (handlers end → the frame on screen).
//
//   npx electron-vite build && node --import tsx bench/browser/et-detail.ts   (R=<renderer dir>, ROUNDS=10, CAD=25)
import { launchBrowser, serveRenderer, RENDERER_DIR } from '../../tests/e2e/harness'
import { buildBenchBundles } from './bundle'
import { inputFor, openApp, seedReport } from './speed'
import { placeCaretMidway } from './probe'
const sleep = (ms: number) => new Promise((ok) => setTimeout(ok, ms))
const TEXT = 'the clerk types steady prose into the middle of a long report '
interface Entry { n: string; s: number; ps: number; pe: number; d: number }
type Win = Window & { __et: Entry[] }
function install(): void {
  const w = window as unknown as Win
  w.__et = []
  new PerformanceObserver((list) => {
    for (const e of list.getEntries() as PerformanceEventTiming[]) {
      if (e.name === 'keydown' || e.name === 'keypress') w.__et.push({ n: e.name, s: e.startTime, ps: e.processingStart, pe: e.processingEnd, d: e.duration })
    }
  }).observe({ type: 'event', durationThreshold: 16 } as PerformanceObserverInit)
}
const median = (xs: number[]): string => {
  const s = [...xs].sort((x, y) => x - y)
  return s.length ? s[Math.floor(s.length / 2)].toFixed(1) : '-'
}
async function main(): Promise<void> {
  const bundles = await buildBenchBundles()
  const session = await launchBrowser()
  await session.context.addInitScript('globalThis.__name ??= (fn) => fn')
  const app = await serveRenderer(process.env.R ?? RENDERER_DIR)
  const pm = await serveRenderer(bundles.pmDir)
  try {
    const input = await inputFor(60)
    const a = session.page
    await a.goto(`${app.url}#/`)
    await a.addScriptTag({ content: bundles.dbScript })
    await seedReport(a, input)
    await openApp(a, app.url, input)
    const p = await session.context.newPage()
    await p.goto(pm.url)
    await p.evaluate((b) => (window as unknown as { __benchPM: { mount(b: unknown): void } }).__benchPM.mount(b), input.blocks)
    for (const page of [a, p]) await page.evaluate(install)
    const out: Record<'app' | 'plain', Entry[]> = { app: [], plain: [] }
    for (let r = 0; r < Number(process.env.ROUNDS ?? 10); r++) {
      for (const [name, page] of (r % 2 ? [['app', a], ['plain', p]] : [['plain', p], ['app', a]]) as Array<['app' | 'plain', typeof a]>) {
        await page.bringToFront()
        await page.evaluate(placeCaretMidway, '报告正文')
        await sleep(400)
        await page.evaluate(() => ((window as unknown as Win).__et = []))
        await page.keyboard.type(TEXT.slice(0, 40), { delay: Number(process.env.CAD ?? 25) })
        await sleep(1200)
        out[name].push(...(await page.evaluate(() => (window as unknown as Win).__et)))
      }
    }
    for (const [name, entries] of Object.entries(out)) {
      const slow = entries.filter((e) => e.n === 'keydown' && e.d >= 24)
      const keypress = entries.filter((e) => e.n === 'keypress' && e.d >= 24)
      console.log(`${name}: keydowns at ≥ 16 ms ${entries.filter((e) => e.n === 'keydown').length}, at ≥ 24 ms ${slow.length}`)
      console.log(`  slow keydowns, median: input delay ${median(slow.map((e) => e.ps - e.s))} ms, processing ${median(slow.map((e) => e.pe - e.ps))} ms, presentation ${median(slow.map((e) => e.s + e.d - e.pe))} ms`)
      console.log(`  their keypresses (ProseMirror and the native insertion), median processing ${median(keypress.map((e) => e.pe - e.ps))} ms`)
    }
  } finally {
    await session.close()
    await app.close()
    await pm.close()
  }
}
void main()
