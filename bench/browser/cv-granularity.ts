// What the grain of `content-visibility: auto` costs per key (a diagnostic for issue 11, not a
// row): the plain ProseMirror page of row 8 three times in one Chromium — no content-visibility
// (row 8's baseline), one per section (the app's rule: one observed element per section) and
// one per chapter (a level-1 section and those after it, grouped by the schema) — typed in
// alternation, thread CPU per key (row 8's bursts).
//
//   node --import tsx bench/browser/cv-granularity.ts   (CV_PAGES=200, CV_ROUNDS=7, CV_MODES=none,section,chapter)
import { launchBrowser, serveRenderer } from '../../tests/e2e/harness'
import { summarize } from '../lib/stats'
import { buildPlainChaptersPage } from './bundle'
import { inputFor, measureBurst, type Side } from './speed'

async function main(): Promise<void> {
  const dir = await buildPlainChaptersPage()
  const modes = (process.env.CV_MODES ?? 'none,section,chapter').split(',')
  const session = await launchBrowser()
  const server = await serveRenderer(dir)
  const input = await inputFor(Number(process.env.CV_PAGES ?? 60))
  const sides: Side[] = []
  for (const mode of modes) {
    const page = sides.length ? await session.context.newPage() : session.page
    const cdp = await session.context.newCDPSession(page)
    await cdp.send('Performance.enable')
    await page.goto(server.url)
    await page.evaluate(([b, m]) => (window as unknown as { __benchPM: { mount(b: unknown, m: string): void } }).__benchPM.mount(b, m), [input.blocks, mode] as const)
    // measureBurst reads row 8's Event Timing map; this page has no observer filling it.
    await page.evaluate(() => {
      ;(window as unknown as { __benchEvents: Map<number, number> }).__benchEvents = new Map()
    })
    console.log(`${mode}: ${await page.evaluate(() => (window as unknown as { __chapters: number }).__chapters)} top-level groups after the preamble`)
    sides.push({ page, cdp })
  }
  const cpu: number[][] = modes.map(() => [])
  for (const s of sides) await measureBurst(s, 'ascii')
  for (let r = 0; r < Number(process.env.CV_ROUNDS ?? 7); r++) {
    const order = r % 2 ? [...sides.keys()].reverse() : [...sides.keys()]
    for (const i of order) {
      await sides[i].page.bringToFront()
      cpu[i].push((await measureBurst(sides[i], 'ascii')).cpuPerKey)
    }
  }
  modes.forEach((m, i) => {
    const s = summarize(cpu[i])
    console.log(`${m}: thread CPU per key ${s.median} ms (${s.min}–${s.max}, n=${s.n})`)
  })
  await session.close()
  await server.close()
}

void main()
