// Figure 11: the template editor with many metrics (issue 9, item 6), in Chromium against the
// built renderer. For 500 and 2,000 metrics: time from the in-app navigation to the first frame
// showing the metric list, the longest main-thread task while opening, and keystroke → next
// frame while typing in a metric's name. Baseline: the same rows (same columns, same values)
// as plain HTML inputs, all of them, with no framework: what the browser alone needs to show
// the whole list. Runs of ours and the baseline are interleaved. Printed, never asserted.
import { resolve } from 'node:path'
import { readFileSync } from 'node:fs'
import type { Page } from 'playwright-core'
import { build } from 'vite'
import { launchBrowser, serveRenderer, type BrowserSession, type RendererServer } from '../tests/e2e/harness'
import type { MetricDefinition, ReportTemplate, TemplateSection } from '../src-renderer/src/core/template'
import { ARTIFACTS_DIR, BENCH_DIR } from './browser/bundle'
import { collectKeystrokes, installKeystrokeProbe, type KeyRecord } from './browser/probe'
import { NotAvailable } from './lib/na'
import { ms, summarize, table, type Summary } from './lib/stats'

// BENCH_TEMPLATE_SIZES=500 / BENCH_TEMPLATE_RUNS=3 shorten a run (e.g. against an old, slow build).
export const SIZES = (process.env.BENCH_TEMPLATE_SIZES ?? '500,2000').split(',').map(Number)
const RUNS = Number(process.env.BENCH_TEMPLATE_RUNS ?? 5)
const TYPED = 'abcdefghijklmnopqrst'
/** Goals: no frozen frame (longest task) and an open that feels immediate. */
const GOAL_LONGEST_MS = 200
const GOAL_OPEN_MS = 1000

export interface SizeFigure {
  metrics: number
  ours: { open: Summary; longest: Summary; keyP50: number; keyP95: number }
  baseline: { open: Summary; longest: Summary }
}

export interface TemplateEditorFigure {
  chromium: string
  sizes: SizeFigure[]
}

/** A deterministic template: 20 sections, every tenth metric computed from the two before it. */
export function generatedTemplate(n: number): ReportTemplate {
  const sections: TemplateSection[] = Array.from({ length: 20 }, (_, i) => ({ key: `s${i + 1}`, level: 1, title: `第${i + 1}部分工作情况`, guidance: '', required: false }))
  const metrics: MetricDefinition[] = Array.from({ length: n }, (_, i) => {
    const id = `m${i + 1}`
    const base: MetricDefinition = { id, label: `第${i + 1}项工作完成数量`, unit: i % 3 === 0 ? '次' : '件', type: 'integer', min: 0, qualifiers: i % 4 === 0 ? ['余', '多', '约'] : [], sectionKey: `s${(i % 20) + 1}` }
    if (i % 10 === 9) return { ...base, label: `第${i + 1}项占比`, unit: '%', type: 'percent', formula: `{m${i - 1}} / {m${i}} * 100` }
    return base
  })
  return {
    id: `bench-template-${n}`,
    version: 1,
    name: `压力测试模板（${n}个指标）`,
    description: '',
    builtIn: false,
    titlePattern: '{organs}关于{year}年工作情况的报告',
    defaultAddressee: '',
    preambleGuidance: '',
    sections,
    metrics
  } as ReportTemplate
}

async function bundleEntry(): Promise<string> {
  const ROOT = resolve(BENCH_DIR, '..')
  await build({
    configFile: false,
    logLevel: 'error',
    root: ROOT,
    resolve: { alias: { '@core': resolve(ROOT, 'src-renderer/src/core'), '@contract': resolve(ROOT, 'src-main/contract') } },
    build: {
      outDir: ARTIFACTS_DIR,
      emptyOutDir: false,
      target: 'chrome130',
      minify: true,
      reportCompressedSize: false,
      lib: { entry: resolve(BENCH_DIR, 'browser/template-entry.ts'), formats: ['iife'], name: 'HuibaoBenchTpl', fileName: () => 'tpl.js' }
    }
  })
  return readFileSync(resolve(ARTIFACTS_DIR, 'tpl.js'), 'utf8')
}

/** In the page: longest task (PerformanceObserver 'longtask', ≥ 50 ms; 0 = none) over `run`. */
interface OpenResult {
  open: number
  longest: number
}

async function openOurs(page: Page, base: string, template: ReportTemplate): Promise<OpenResult> {
  await page.goto('about:blank')
  await page.goto(`${base}#/templates`)
  await page.getByRole('heading', { name: '模板管理' }).waitFor()
  await page.waitForTimeout(300)
  const r = await page.evaluate(
    async (a) => {
      const tasks: number[] = []
      const obs = new PerformanceObserver((list) => list.getEntries().forEach((e) => tasks.push(e.duration)))
      obs.observe({ type: 'longtask' })
      const t0 = performance.now()
      location.hash = `#/templates/${a.id}`
      const shown = await new Promise<number>((ok) => {
        const check = () => {
          if (document.querySelector(`[aria-label="指标名称${a.first}"]`)) return requestAnimationFrame(() => ok(performance.now()))
          if (performance.now() - t0 > 120_000) return ok(-1)
          requestAnimationFrame(check)
        }
        check()
      })
      // Tasks still running right after the first frame belong to opening too.
      await new Promise((ok) => setTimeout(ok, 500))
      obs.disconnect()
      return { open: shown < 0 ? -1 : shown - t0, longest: Math.max(0, ...tasks) }
    },
    { id: template.id, first: template.metrics[0].id }
  )
  if (r.open < 0) throw new NotAvailable(`the template editor did not show ${template.metrics[0].id} within 120 s`)
  return r
}

async function openBaseline(page: Page, template: ReportTemplate): Promise<OpenResult> {
  await page.goto('about:blank')
  return page.evaluate(async (t) => {
    const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;')
    const sectionOptions = t.sections.map((s) => `<option value="${s.key}">${esc(s.title)}</option>`).join('')
    const types = ['整数', '小数', '百分比', '文字'].map((x) => `<option>${x}</option>`).join('')
    const rows = t.metrics
      .map(
        (m) =>
          `<tr><td><input value="${esc(m.id)}"></td><td><input value="${esc(m.label)}" aria-label="指标名称${esc(m.id)}"></td><td><input value="${esc(m.unit)}"></td>` +
          `<td><select>${types}</select></td><td><input value="${m.min ?? ''}"><input value="${m.max ?? ''}"></td><td><input type="checkbox"${m.qualifiers.length ? ' checked' : ''}></td>` +
          `<td><select>${sectionOptions}</select></td><td><input value="${esc(m.formula ?? '')}"></td><td><button>删除</button></td></tr>`
      )
      .join('')
    const tasks: number[] = []
    const obs = new PerformanceObserver((list) => list.getEntries().forEach((e) => tasks.push(e.duration)))
    obs.observe({ type: 'longtask' })
    const t0 = performance.now()
    document.body.innerHTML = `<table style="font:13px sans-serif;border-collapse:collapse"><thead><tr><th>编号</th><th>名称</th><th>单位</th><th>类型</th><th>范围</th><th>余/多/约</th><th>所属章节</th><th>公式</th><th></th></tr></thead><tbody>${rows}</tbody></table>`
    const shown = await new Promise<number>((ok) => requestAnimationFrame(() => ok(performance.now())))
    await new Promise((ok) => setTimeout(ok, 500))
    obs.disconnect()
    return { open: shown - t0, longest: Math.max(0, ...tasks) }
  }, template)
}

async function typeInName(page: Page, template: ReportTemplate): Promise<KeyRecord[]> {
  const input = page.getByRole('textbox', { name: `指标名称${template.metrics[0].id}`, exact: true })
  await input.click()
  await page.keyboard.press('End')
  await page.evaluate(installKeystrokeProbe)
  await page.keyboard.type(TYPED, { delay: 25 })
  return page.evaluate(collectKeystrokes)
}

export async function measureTemplateEditor(rendererDir: string): Promise<TemplateEditorFigure> {
  let session: BrowserSession | null = null
  let app: RendererServer | null = null
  try {
    const script = await bundleEntry()
    session = await launchBrowser()
    const { page, context } = session
    await context.addInitScript('globalThis.__name ??= (fn) => fn')
    app = await serveRenderer(rendererDir)
    const sizes: SizeFigure[] = []
    for (const n of SIZES) {
      const template = generatedTemplate(n)
      await page.goto(`${app.url}#/templates`)
      await page.addScriptTag({ content: script })
      await page.evaluate((t) => (window as unknown as { __benchTpl: { seedTemplate(t: unknown): Promise<void> } }).__benchTpl.seedTemplate(t), template)
      const ours: OpenResult[] = []
      const baseline: OpenResult[] = []
      for (let i = 0; i < RUNS; i++) {
        ours.push(await openOurs(page, app.url, template))
        baseline.push(await openBaseline(page, template))
      }
      await openOurs(page, app.url, template)
      const keys = (await typeInName(page, template)).map((k) => k.frame).filter((v): v is number => typeof v === 'number')
      if (keys.length === 0) throw new NotAvailable('typing in a metric name recorded no frames')
      const k = summarize(keys)
      sizes.push({
        metrics: n,
        ours: { open: summarize(ours.map((r) => r.open)), longest: summarize(ours.map((r) => r.longest)), keyP50: k.median, keyP95: k.p95 },
        baseline: { open: summarize(baseline.map((r) => r.open)), longest: summarize(baseline.map((r) => r.longest)) }
      })
      const f = sizes[sizes.length - 1]
      console.error(`[bench]   template editor, ${n} metrics: open ${ms(f.ours.open.median)} (baseline ${ms(f.baseline.open.median)}), longest task ${ms(f.ours.longest.median)}, key p95 ${ms(f.ours.keyP95)}`)
    }
    return { chromium: `Chromium ${session.browser.version()}`, sizes }
  } finally {
    if (session) await session.close()
    await app?.close()
  }
}

const longest = (s: Summary) => (s.max === 0 ? 'none ≥ 50 ms' : `${ms(s.median)} (${ms(s.min)}–${ms(s.max)})`)

export function formatTemplateEditorFigure(f: TemplateEditorFigure): string {
  const rows: string[][] = []
  for (const s of f.sizes) {
    const ok = s.ours.longest.max <= GOAL_LONGEST_MS && s.ours.open.median <= GOAL_OPEN_MS
    rows.push([`${s.metrics} metrics: open → first frame`, `${ms(s.ours.open.median)} (${ms(s.ours.open.min)}–${ms(s.ours.open.max)})`, `${ms(s.baseline.open.median)} (${ms(s.baseline.open.min)}–${ms(s.baseline.open.max)})`, ok ? 'meets goal' : 'MISSES goal'])
    rows.push(['  longest task while opening', longest(s.ours.longest), longest(s.baseline.longest), `goal ≤ ${GOAL_LONGEST_MS} ms (worst run)`])
    rows.push(['  typing a name: key → next frame', `p50 ${ms(s.ours.keyP50)}, p95 ${ms(s.ours.keyP95)}`, '—', `${TYPED.length} keys`])
  }
  return (
    `11 Template editor (goal: open ≤ ${GOAL_OPEN_MS} ms and no task > ${GOAL_LONGEST_MS} ms with 2,000 metrics; median (min–max) of ${RUNS} interleaved runs; ${f.chromium})\n` +
    table(['Template editor', 'Ours (windowed list)', 'Baseline (all rows, plain HTML)', 'Verdict'], rows) +
    '\nBaseline: the same rows and columns as plain <input>/<select> elements, every row in the DOM, no framework.'
  )
}

// `npx tsx bench/template-editor.ts` runs this figure alone (after `npx electron-vite build`).
if (process.argv[1]?.endsWith('template-editor.ts')) {
  import('./browser/bundle')
    .then(({ snapshotRenderer }) => measureTemplateEditor(snapshotRenderer()))
    .then((f) => console.log(formatTemplateEditorFigure(f)))
    .catch((e) => {
      console.error(e)
      process.exitCode = 1
    })
}
