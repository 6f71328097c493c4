// Two builds of the app typed side by side (a diagnostic, not a bench row): the same report in
// two tabs, one per build, bursts interleaved round after round as row 8 does against the plain
// page, so a change's effect on main-thread time per key is read without two separate runs'
// drift. Run-to-run spread of row 8 is about ±0.1×, more than most single changes.
//
//   node --import tsx bench/browser/ab-typing.ts /path/to/renderer-A /path/to/renderer-B
//   AB_PAGES=60 AB_MODES=ascii,suggest AB_ROUNDS=7 AB_CSS_B='.editor-side--right{display:none}'
import { launchBrowser, serveRenderer } from '../../tests/e2e/harness'
import { summarize } from '../lib/stats'
import { buildBenchBundles } from './bundle'
import { inputFor, measureBurst, openApp, seedReport, type Mode, type Side } from './speed'

async function main(): Promise<void> {
  const [dirA, dirB] = process.argv.slice(2)
  if (!dirA || !dirB) throw new Error('usage: ab-typing.ts <renderer A> <renderer B>')
  const rounds = Number(process.env.AB_ROUNDS ?? 7)
  const bundles = await buildBenchBundles()
  const session = await launchBrowser()
  await session.context.addInitScript('globalThis.__name ??= (fn) => fn')
  const servers = [await serveRenderer(dirA), await serveRenderer(dirB)]
  try {
    const pages = [session.page, await session.context.newPage()]
    const sides: Side[] = []
    for (const page of pages) {
      const cdp = await session.context.newCDPSession(page)
      await cdp.send('Performance.enable')
      sides.push({ page, cdp })
    }
    for (const n of (process.env.AB_PAGES ?? '60').split(',').map(Number)) {
      const input = await inputFor(n)
      for (const mode of (process.env.AB_MODES ?? 'ascii').split(',') as Mode[]) {
        for (let i = 0; i < 2; i++) {
          await sides[i].page.goto(`${servers[i].url}#/`)
          await sides[i].page.addScriptTag({ content: bundles.dbScript })
          await seedReport(sides[i].page, input)
          await openApp(sides[i].page, servers[i].url, input)
          if (mode === 'suggest') await sides[i].page.getByRole('button', { name: '修订模式', exact: true }).press('Enter')
          // AB_CSS_B: a style sheet for B only (what-if experiments on one build, e.g. a panel hidden).
          if (i === 1 && process.env.AB_CSS_B) await sides[i].page.addStyleTag({ content: process.env.AB_CSS_B })
        }
        const times: number[][] = [[], []]
        const cpu: number[][] = [[], []]
        for (const side of sides) await measureBurst(side, mode)
        for (let r = 0; r < rounds; r++) {
          for (const i of r % 2 === 0 ? [0, 1] : [1, 0]) {
            await sides[i].page.bringToFront()
            const m = await measureBurst(sides[i], mode)
            times[i].push(m.perKey)
            cpu[i].push(m.cpuPerKey)
          }
        }
        for (const [what, t] of [['task time', times], ['thread CPU', cpu]] as const) {
          const [a, b] = t.map(summarize)
          const paired = summarize(t[1].map((x, k) => x / t[0][k]))
          console.log(`${n} pages ${mode}, ${what}: A ${a.median} ms (${a.min}–${a.max}), B ${b.median} ms (${b.min}–${b.max}), B/A ${(b.median / a.median).toFixed(3)}, paired per round ${paired.median} (${paired.min}–${paired.max}), n=${rounds}`)
        }
      }
    }
  } finally {
    await session.close()
    await Promise.all(servers.map((s) => s.close()))
  }
}

void main()
