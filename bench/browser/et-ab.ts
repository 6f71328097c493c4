// Event Timing on one build under CSS what-ifs (a diagnostic for row 8, not a row): the same
// report in one tab, bursts alternating between the variants round after round, and for each
// variant the keys Event Timing reports at ≥ 16 and ≥ 24 ms, burst by burst, counted as row 8
// counts them (speed.ts). Row 8's p95 goal allows 5% of keys at ≥ 24 ms, a rate that moves by
// several keys between runs; interleaving the variants in one page is how a change's effect on
// it can be told from that drift.
//
//   ET_VARIANTS='{"nobg":".editor-paper-scroll{background:transparent!important}"}' \
//     node --import tsx bench/browser/et-ab.ts      (ET_PAGES=60 ET_MODE=ascii|ime|suggest ET_ROUNDS=12
//     ET_DELAY=25: ms from key to key, 100 for a typist's pace; ET_RENDERER: another build)
import { launchBrowser, serveRenderer, RENDERER_DIR } from '../../tests/e2e/harness'
import { buildBenchBundles } from './bundle'
import { burst, inputFor, installEventTiming, openApp, seedReport, takeEventTiming, type Mode } from './speed'
import { placeCaretMidway } from './probe'

const sleep = (ms: number) => new Promise((ok) => setTimeout(ok, ms))

interface Tally {
  keys: number
  over16: number
  over24: number
  perBurst: number[]
}

function setStyle(css: string): void {
  let style = document.getElementById('et-ab-style')
  if (!style) {
    style = document.createElement('style')
    style.id = 'et-ab-style'
    document.head.append(style)
  }
  style.textContent = css
}

async function main(): Promise<void> {
  const mode = (process.env.ET_MODE ?? 'ascii') as Mode
  const variants: Record<string, string> = { base: '', ...(JSON.parse(process.env.ET_VARIANTS ?? '{}') as Record<string, string>) }
  const bundles = await buildBenchBundles()
  const session = await launchBrowser()
  await session.context.addInitScript('globalThis.__name ??= (fn) => fn')
  const app = await serveRenderer(process.env.ET_RENDERER ?? RENDERER_DIR)
  try {
    const input = await inputFor(Number(process.env.ET_PAGES ?? 60))
    const page = session.page
    await page.goto(`${app.url}#/`)
    await page.addScriptTag({ content: bundles.dbScript })
    await seedReport(page, input)
    await openApp(page, app.url, input)
    if (mode === 'suggest') await page.getByRole('button', { name: '修订模式', exact: true }).press('Enter')
    const cdp = await session.context.newCDPSession(page)
    await page.evaluate(installEventTiming)
    await page.evaluate(placeCaretMidway, '报告正文')
    const delay = Number(process.env.ET_DELAY ?? 25)
    await burst(page, cdp, mode, 40, delay) // warm-up
    await sleep(1200)
    const tallies = new Map<string, Tally>()
    const names = Object.keys(variants)
    for (let round = 0; round < Number(process.env.ET_ROUNDS ?? 12); round++) {
      for (const name of round % 2 ? [...names].reverse() : names) {
        await page.evaluate(setStyle, variants[name])
        await page.evaluate(placeCaretMidway, '报告正文')
        await sleep(400)
        await page.evaluate(takeEventTiming)
        const keys = await burst(page, cdp, mode, 40, delay)
        await sleep(1200)
        const durations = await page.evaluate(takeEventTiming)
        const t = tallies.get(name) ?? { keys: 0, over16: 0, over24: 0, perBurst: [] }
        const over24 = durations.filter((d) => d >= 24).length
        t.keys += keys
        t.over16 += durations.length
        t.over24 += over24
        t.perBurst.push(over24)
        tallies.set(name, t)
      }
    }
    for (const [name, t] of tallies) {
      console.log(`${name.padEnd(12)} ${t.keys} keys: ${t.over16} at ≥ 16 ms, ${t.over24} at ≥ 24 ms (${((100 * t.over24) / t.keys).toFixed(1)}%); ≥ 24 ms per burst ${t.perBurst.join(',')}`)
    }
  } finally {
    await session.close()
    await app.close()
  }
}

void main().catch((e) => {
  console.error(e)
  process.exit(1)
})
