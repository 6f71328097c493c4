// Bench row 14 — issue 12.6 and the "DOCX + PDF together" row of 12.9: our PDF against LibreOffice converting
// our DOCX of the same report, at 60 and 200 pages, runs interleaved (the order alternates each
// round), page counts side by side. Printed, never asserted. Run alone (after a build):
// `npx tsx bench/pdf-speed.ts` (BENCH_PDF_RUNS=5, BENCH_PDF_PAGES=60,200 narrow it;
// BENCH_PDF_BEFORE=<another build's out/renderer> times that build too, in the same rounds, for a
// before/after under the same load).
//
// Ours = what 导出PDF does in the app, timed from the print window's navigation: the print
// route loads (the lean print app), reads the report from IndexedDB, lays it out, and Chromium
// prints it with the options Electron's printToPDF gets (tests/e2e/pdf-helpers PAGE_PDF_OPTIONS).
// LibreOffice = `soffice --headless --convert-to pdf` of the DOCX our Word export wrote for the
// same report, process start to exit, with a warm user profile (its first start is excluded).
import { execFile } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { exportReportDocx } from '../src-renderer/src/core/docx/export'
import { reportLayout } from '../src-renderer/src/core/pages/report-layout'
import { resolveReport } from '../src-renderer/src/core/resolve'
import type { ReportDocJSON } from '../src-renderer/src/core/report'
import { generateLargeReport } from '../tests/fixtures/large-report'
import { launchBrowser, serveRenderer, RENDERER_DIR } from '../tests/e2e/harness'
import { PAGE_PDF_OPTIONS, seedReport } from '../tests/e2e/pdf-helpers'
import { printExports, type ExportRow } from './exports'
import { SEED } from './lib/pieces'
import { summarize } from './lib/stats'

const run = promisify(execFile)
const RUNS = Number(process.env.BENCH_PDF_RUNS ?? 5)
const SIZES = (process.env.BENCH_PDF_PAGES ?? '60,200').split(',').map(Number)
const PDF_GOAL = 2
const LAYOUT = { profileId: 'gbt9704', signatureRule: 'no-seal', metricTable: true } as const

/** Resolves once the print view says it is laid out (the class PrintView sets with printReady). */
const WAIT_FOR_READY = `new Promise((ok, fail) => {
  const html = document.documentElement
  const ready = () => html.classList.contains('hb-print-ready')
  if (ready()) return ok(true)
  setTimeout(() => fail(new Error('print view not laid out in 120 s')), 120000)
  new MutationObserver((_, o) => { if (ready()) { o.disconnect(); ok(true) } }).observe(html, { attributes: true, attributeFilter: ['class'] })
})`
const pagesOf = async (pdf: string) => Number(/^Pages:\s+(\d+)/m.exec((await run('pdfinfo', [pdf])).stdout)?.[1])
const load = () => loadavg()[0].toFixed(2)
const ms = (xs: number[]) => {
  const s = summarize(xs)
  return `${Math.round(s.median)} ms (${Math.round(s.min)}–${Math.round(s.max)})`
}
/** Per-round LibreOffice ÷ ours: median (min–max). */
const ratios = (lo: number[], ours: number[]) => {
  const r = lo.map((x, i) => x / ours[i]).sort((a, b) => a - b)
  return { median: summarize(r).median, text: `${summarize(r).median.toFixed(2)}× (${r[0].toFixed(2)}–${r[r.length - 1].toFixed(2)})` }
}

export async function measurePdfSpeed(rendererDir: string = RENDERER_DIR, beforeDir = process.env.BENCH_PDF_BEFORE): Promise<ExportRow[]> {
  const dir = mkdtempSync(join(tmpdir(), 'huibao-bench-pdfspeed-'))
  const server = await serveRenderer(rendererDir)
  const before = beforeDir ? await serveRenderer(beforeDir) : null
  const session = await launchBrowser()
  const rows: ExportRow[] = []
  try {
    const { page, context } = session
    // tsx keeps function names through a __name helper that only exists in Node.
    await context.addInitScript('globalThis.__name ??= (fn) => fn')
    for (const s of before ? [server, before] : [server]) {
      await page.goto(s.url)
      await page.getByRole('button', { name: '新建报告' }).waitFor()
    }
    // Waiting through CDP like Electron's main waits for the page's 'pdf:ready': a Playwright
    // locator would first inject its selector engine into every fresh page (~100 ms here).
    const cdp = await context.newCDPSession(page)
    // CPU time of all Chromium's processes over one print: what the build costs, far less
    // swayed by the other work on the machine than the wall clock.
    const browserCdp = await session.browser.newBrowserCDPSession()
    const cpuMs = async (): Promise<number> => {
      const { processInfo } = (await browserCdp.send('SystemInfo.getProcessInfo')) as { processInfo: { cpuTime: number }[] }
      return processInfo.reduce((n, p) => n + p.cpuTime, 0) * 1000
    }
    const profile = `-env:UserInstallation=file://${join(dir, 'lo')}`

    for (const size of SIZES) {
      const loaded = generateLargeReport({ pages: size, seed: SEED })
      loaded.report.id = `bench-pdf-${size}`
      for (const s of before ? [before, server] : [server]) {
        await page.goto(s.url)
        await seedReport(page, loaded, { layout: LAYOUT })
      }
      const report = { ...loaded.report, layout: LAYOUT }
      const doc = { type: 'doc', content: loaded.doc.content } as ReportDocJSON
      /** Our Word export of the report (Node, the same code the app runs), timed. */
      const docx = async (): Promise<{ bytes: Uint8Array; ms: number }> => {
        const t0 = performance.now()
        const resolved = resolveReport(report, doc, loaded.template, loaded.values)
        const l = reportLayout(report, loaded.template, loaded.values)
        const bytes = await exportReportDocx(resolved, l.profile, { signatureRule: l.signatureRule, attachments: l.attachments })
        return { bytes, ms: performance.now() - t0 }
      }
      const docxFile = join(dir, `report-${size}.docx`)
      writeFileSync(docxFile, (await docx()).bytes)
      const laidOut: Record<string, number[]> = { ours: [], before: [] }
      const cpu: Record<string, number[]> = { ours: [], before: [] }
      const print = async (url: string, name: string): Promise<number> => {
        await page.goto('about:blank')
        const c0 = await cpuMs()
        const t0 = performance.now()
        await page.goto(`${url}#/reports/${loaded.report.id}/print`)
        await cdp.send('Runtime.evaluate', { expression: WAIT_FOR_READY, awaitPromise: true, returnByValue: true })
        const t1 = performance.now()
        const pdf = await page.pdf(PAGE_PDF_OPTIONS)
        const t = performance.now() - t0
        cpu[name].push((await cpuMs()) - c0)
        laidOut[name].push(t1 - t0)
        writeFileSync(join(dir, `${name}-${size}.pdf`), pdf)
        return t
      }
      const ours = () => print(server.url, 'ours')
      const loPdf = join(dir, `report-${size}.pdf`)
      const libreoffice = async (): Promise<number> => {
        // soffice exits 0 even when it could not convert: a run counts only if it wrote the PDF.
        rmSync(loPdf, { force: true })
        const t0 = performance.now()
        await run('soffice', [profile, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', dir, docxFile], { timeout: 300_000 })
        const t = performance.now() - t0
        if (!existsSync(loPdf)) throw new Error(`LibreOffice wrote no PDF for ${docxFile}`)
        return t
      }
      // Warm-up: LibreOffice's first start builds its profile; Chromium's first print loads fonts.
      await ours()
      if (before) await print(before.url, 'before')
      await libreoffice()
      laidOut.ours.length = 0
      laidOut.before.length = 0
      cpu.ours.length = 0
      cpu.before.length = 0
      const loadBefore = load()
      const o: number[] = []
      const lo: number[] = []
      const dx: number[] = []
      const b: number[] = []
      for (let i = 0; i < RUNS; i++) {
        // Rotate who goes first, so drift in the machine's load hits every side alike.
        const turns: Array<() => Promise<void>> = [async () => void o.push(await ours()), async () => void lo.push(await libreoffice())]
        if (before) turns.push(async () => void b.push(await print(before.url, 'before')))
        for (let k = 0; k < turns.length; k++) await turns[(i + k) % turns.length]()
        dx.push((await docx()).ms)
      }
      const loadAfter = load()
      const pages = `${await pagesOf(join(dir, `ours-${size}.pdf`))} pages vs LibreOffice ${await pagesOf(loPdf)}`
      const r = ratios(lo, o)
      rows.push({
        figure: `PDF, ${size}-page report (${pages})`,
        goal: `≥ ${PDF_GOAL}× faster than LibreOffice`,
        ours: ms(o),
        baseline: `LibreOffice ${ms(lo)}`,
        ratio: r.text,
        verdict: r.median >= PDF_GOAL ? '达标 met' : '未达标 missed',
        notes:
          `ours: print route navigation → laid out (${ms(laidOut.ours)}) → page.pdf (Electron's printToPDF options), Chromium CPU ${ms(cpu.ours)}; LibreOffice: soffice --convert-to pdf of our DOCX; ` +
          `${RUNS} interleaved rounds after 1 warm-up each; ratio = LibreOffice ÷ ours per round; load ${loadBefore} → ${loadAfter}`
      })
      if (before) {
        const rb = ratios(lo, b)
        rows.push({
          figure: `PDF, ${size} pages, build ${beforeDir} (${await pagesOf(join(dir, `before-${size}.pdf`))} pages)`,
          goal: `≥ ${PDF_GOAL}× faster than LibreOffice`,
          ours: ms(b),
          baseline: `LibreOffice ${ms(lo)}`,
          ratio: rb.text,
          verdict: rb.median >= PDF_GOAL ? '达标 met' : '未达标 missed',
          notes: `the other build, timed the same way in the same ${RUNS} rounds (before/after under the same load), laid out ${ms(laidOut.before)}, Chromium CPU ${ms(cpu.before)}`
        })
      }
      const both = o.map((x, i) => x + dx[i])
      const rb = ratios(lo, both)
      rows.push({
        figure: `DOCX + PDF together, ${size} pages`,
        goal: '≥ 1× (both files before LibreOffice has the PDF alone)',
        ours: ms(both),
        baseline: `LibreOffice ${ms(lo)}`,
        ratio: rb.text,
        verdict: rb.median >= 1 ? '达标 met' : '未达标 missed',
        notes: `ours: our Word export (resolveReport + exportReportDocx in Node, ${ms(dx)}) + the PDF above, same round; baseline: LibreOffice converting that DOCX (its own DOCX step not counted)`
      })
    }
  } finally {
    await session.close()
    await server.close()
    await before?.close()
    rmSync(dir, { recursive: true, force: true })
  }
  return rows
}

if (process.argv[1] && /bench[\\/]pdf-speed\.ts$/.test(process.argv[1])) {
  console.log(`load ${loadavg().map((x) => x.toFixed(2)).join(' ')}`)
  measurePdfSpeed(process.env.HUIBAO_RENDERER_DIR)
    .then((rows) => console.log(printExports(rows)))
    .catch((e) => {
      console.error(e)
      process.exit(1)
    })
}
