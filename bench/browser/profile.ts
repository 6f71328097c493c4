// Optional (BENCH_PROFILE=1): a CPU profile of typing in the app, written as a .cpuprofile for
// Chrome DevTools, with the top self-time functions printed. Separate from the measured run,
// so profiling overhead never touches the figures.
import { writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import type { BrowserContext, Page } from 'playwright-core'

interface ProfileNode {
  id: number
  callFrame: { functionName: string; url: string; lineNumber: number }
}
interface CpuProfile {
  nodes: ProfileNode[]
  samples: number[]
  timeDeltas: number[]
}

export async function profileTyping(context: BrowserContext, page: Page, text: string, outDir: string): Promise<string> {
  const cdp = await context.newCDPSession(page)
  await cdp.send('Profiler.enable')
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 })
  await cdp.send('Profiler.start')
  await page.keyboard.type(text, { delay: 25 })
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile }
  await cdp.detach()
  const file = resolve(outDir, 'keystroke.cpuprofile')
  writeFileSync(file, JSON.stringify(profile))

  const nodes = new Map(profile.nodes.map((n) => [n.id, n]))
  const self = new Map<string, number>()
  profile.samples.forEach((id, i) => {
    const frame = nodes.get(id)?.callFrame
    if (!frame || frame.functionName === '(idle)' || frame.functionName === '(program)') return
    const key = `${frame.functionName || '(anonymous)'} ${frame.url.split('/').pop() ?? ''}:${frame.lineNumber + 1}`
    self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0))
  })
  const top = [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, 12)
  return [`CPU profile of ${text.length} keys in the app → ${file}`, ...top.map(([k, us]) => `  ${(us / 1000).toFixed(1).padStart(8)} ms  ${k}`)].join('\n')
}
