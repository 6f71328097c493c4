// How many keys 25 ms apart Event Timing marks slow (≥ 24 ms) in editors of every size on this
// machine, down to a bare <textarea> (a diagnostic for row 8, not a row): the browser's own floor
// for that goal, and how near the engine comes to it. Tabs of one Chromium, bursts of 40 ASCII
// keys, the order rotating each round, each burst in the next paragraph (speed.ts
// paragraphShift). Sides: `textarea`; `pm-N`, row 8's plain page with N pages; `pmcv-N`, the
// same with `content-visibility: auto` per chapter as the app has it; `app-N`.
//
//   npx electron-vite build && node --import tsx bench/browser/et-floor.ts   (ROUNDS=10, CAD=25, SIDES=textarea,pm-1,pm-60,pmcv-60,app-60)
import type { Page } from 'playwright-core'
import { launchBrowser, serveRenderer, RENDERER_DIR } from '../../tests/e2e/harness'
import { buildBenchBundles, buildPlainChaptersPage } from './bundle'
import { inputFor, installEventTiming, openApp, paragraphShift, seedReport, takeEventTiming } from './speed'
import { placeCaretMidway } from './probe'

const sleep = (ms: number) => new Promise((ok) => setTimeout(ok, ms))
const TEXT = 'the clerk types steady prose into the middle of a long report '

async function main(): Promise<void> {
  const bundles = await buildBenchBundles()
  const session = await launchBrowser()
  await session.context.addInitScript('globalThis.__name ??= (fn) => fn')
  const app = await serveRenderer(process.env.R ?? RENDERER_DIR)
  const pm = await serveRenderer(bundles.pmDir)
  const pmcv = await serveRenderer(await buildPlainChaptersPage())
  try {
    const sides: Array<{ name: string; page: Page; focus: (burst: number) => Promise<unknown> }> = []
    for (const name of (process.env.SIDES ?? 'textarea,pm-1,pm-60,pmcv-60,app-60').split(',')) {
      const page = sides.length === 0 ? session.page : await session.context.newPage()
      const [kind, pages] = name.split('-')
      if (kind === 'textarea') {
        await page.setContent(`<textarea aria-label="输入" style="width:600px;height:400px;font:16pt serif">${'依法行政，建设法治政府。'.repeat(40)}</textarea>`)
        const box = page.getByRole('textbox', { name: '输入' })
        sides.push({ name, page, focus: () => box.evaluate((el: HTMLTextAreaElement) => { el.focus(); el.setSelectionRange(200, 200) }) })
      } else if (kind === 'pm' || kind === 'pmcv') {
        const input = await inputFor(Number(pages))
        await page.goto(kind === 'pm' ? pm.url : pmcv.url)
        await page.evaluate(([b, m]) => (window as unknown as { __benchPM: { mount(b: unknown, m: string): void } }).__benchPM.mount(b, m), [input.blocks, 'chapter'] as const)
        sides.push({ name, page, focus: (n) => page.evaluate(placeCaretMidway, { label: '报告正文', shift: paragraphShift(n) }) })
      } else {
        const input = await inputFor(Number(pages))
        await page.goto(`${app.url}#/`)
        await page.addScriptTag({ content: bundles.dbScript })
        await seedReport(page, input)
        await openApp(page, app.url, input)
        sides.push({ name, page, focus: (n) => page.evaluate(placeCaretMidway, { label: '报告正文', shift: paragraphShift(n) }) })
      }
      await page.evaluate(installEventTiming)
    }
    const tally = new Map<string, { keys: number; slow: number }>()
    const rounds = Number(process.env.ROUNDS ?? 10)
    for (let r = 0; r < rounds; r++) {
      for (let i = 0; i < sides.length; i++) {
        const side = sides[(i + r) % sides.length]
        await side.page.bringToFront()
        await side.focus(r)
        await sleep(400)
        await side.page.evaluate(takeEventTiming)
        await side.page.keyboard.type(TEXT.slice(0, 40), { delay: Number(process.env.CAD ?? 25) })
        await sleep(1200)
        const durations = await side.page.evaluate(takeEventTiming)
        const t = tally.get(side.name) ?? { keys: 0, slow: 0 }
        t.keys += 40
        t.slow += durations.filter((d) => d >= 24).length
        tally.set(side.name, t)
      }
    }
    for (const [name, t] of tally) console.log(`${name.padEnd(10)} ${t.slow} of ${t.keys} keys at ≥ 24 ms (${((100 * t.slow) / t.keys).toFixed(1)}%)`)
  } finally {
    await session.close()
    await Promise.all([app.close(), pm.close(), pmcv.close()])
  }
}
void main()
