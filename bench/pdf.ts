// PDF export of the generated 60-page report: Chromium printing the print view (what Electron's
// printToPDF does in the hidden window) beside LibreOffice converting our DOCX of the same
// report, as a ratio. Printed, never asserted. Run alone: `node --import tsx bench/pdf.ts`
// (after `npm run build`); bench/run.ts can call measurePdf() for its table.
import { execFile } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { exportReportDocx } from '../src-renderer/src/core/docx/export'
import { reportLayout } from '../src-renderer/src/core/pages/report-layout'
import { resolveReport } from '../src-renderer/src/core/resolve'
import type { ReportDocJSON } from '../src-renderer/src/core/report'
import { generateLargeReport } from '../tests/fixtures/large-report'
import { launchBrowser, serveRenderer, RENDERER_DIR } from '../tests/e2e/harness'
import { PAGE_PDF_OPTIONS, seedReport } from '../tests/e2e/pdf-helpers'
import { PAGES, SEED } from './lib/pieces'
import { summarize, type Summary } from './lib/stats'

const run = promisify(execFile)
const CHROMIUM_RUNS = 3
const LIBREOFFICE_RUNS = 2

export interface PdfFigure {
  pages: { chromium: number; libreoffice: number }
  /** Print view opened until its sheets are laid out (measure + paginate + render). */
  layoutMs: Summary
  /** page.pdf() of the laid-out print view. */
  printMs: Summary
  /** layout + print: the whole Chromium export. */
  chromiumMs: Summary
  /** soffice --convert-to pdf of our DOCX, process start to exit. */
  libreofficeMs: Summary
  /** LibreOffice median / Chromium median. */
  ratio: number
  /** Page view: opened until "共 N 页" shows; frame intervals while scrolling top to bottom. */
  pageView: { openMs: Summary; scrollFrameMs: Summary; frames: number }
}

/** Scrolls the page view's sheet column to the end, 400 px a frame, and times every frame. */
async function scrollFrames(): Promise<number[]> {
  const el = document.querySelector('.hb-pageview__scroll') as HTMLElement
  const times: number[] = []
  let last = performance.now()
  return new Promise((resolve) => {
    const step = () => {
      const now = performance.now()
      times.push(now - last)
      last = now
      if (el.scrollTop + el.clientHeight >= el.scrollHeight - 1) return resolve(times.slice(1))
      el.scrollTop += 400
      requestAnimationFrame(step)
    }
    requestAnimationFrame(step)
  })
}

const pagesOf = async (pdf: string) => Number(/^Pages:\s+(\d+)/m.exec((await run('pdfinfo', [pdf])).stdout)?.[1])

export async function measurePdf(rendererDir: string = RENDERER_DIR): Promise<PdfFigure> {
  const loaded = generateLargeReport({ pages: PAGES, seed: SEED })
  loaded.report.id = 'bench-pdf'
  const layout = { profileId: 'gbt9704', signatureRule: 'no-seal', metricTable: true } as const
  const dir = mkdtempSync(join(tmpdir(), 'huibao-bench-pdf-'))
  const server = await serveRenderer(rendererDir)
  const session = await launchBrowser()
  try {
    const { page, context } = session
    // tsx keeps function names through a __name helper that only exists in Node.
    await context.addInitScript('globalThis.__name ??= (fn) => fn')
    await page.goto(server.url)
    await page.getByRole('button', { name: '新建报告' }).waitFor()
    await seedReport(page, loaded, { layout })

    const layoutMs: number[] = []
    const printMs: number[] = []
    let chromiumPages = 0
    for (let i = 0; i < CHROMIUM_RUNS; i++) {
      await page.goto('about:blank')
      const t0 = performance.now()
      await page.goto(`${server.url}#/reports/${loaded.report.id}/print`)
      await page.locator('html.hb-print-ready').waitFor({ state: 'attached', timeout: 120_000 })
      const t1 = performance.now()
      const pdf = await page.pdf(PAGE_PDF_OPTIONS)
      const t2 = performance.now()
      layoutMs.push(t1 - t0)
      printMs.push(t2 - t1)
      const file = join(dir, 'chromium.pdf')
      writeFileSync(file, pdf)
      chromiumPages = await pagesOf(file)
    }

    const openMs: number[] = []
    let frameMs: number[] = []
    for (let i = 0; i < CHROMIUM_RUNS; i++) {
      await page.goto('about:blank')
      const t0 = performance.now()
      await page.goto(`${server.url}#/reports/${loaded.report.id}/pages`)
      await page.getByText(/^共 \d+ 页$/).waitFor({ timeout: 120_000 })
      openMs.push(performance.now() - t0)
      frameMs = frameMs.concat(await page.evaluate(scrollFrames))
    }

    const report = { ...loaded.report, layout }
    const resolved = resolveReport(report, { type: 'doc', content: loaded.doc.content } as ReportDocJSON, loaded.template, loaded.values)
    const l = reportLayout(report, loaded.template, loaded.values)
    const docx = join(dir, 'report.docx')
    writeFileSync(docx, await exportReportDocx(resolved, l.profile, { signatureRule: l.signatureRule, attachments: l.attachments }))
    const libreofficeMs: number[] = []
    for (let i = 0; i < LIBREOFFICE_RUNS; i++) {
      const t0 = performance.now()
      await run('soffice', [`-env:UserInstallation=file://${join(dir, 'lo')}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', dir, docx], {
        timeout: 300_000
      })
      libreofficeMs.push(performance.now() - t0)
    }
    const chromiumMs = layoutMs.map((x, i) => x + printMs[i])
    const chromium = summarize(chromiumMs)
    const libreoffice = summarize(libreofficeMs)
    return {
      pages: { chromium: chromiumPages, libreoffice: await pagesOf(join(dir, 'report.pdf')) },
      layoutMs: summarize(layoutMs),
      printMs: summarize(printMs),
      chromiumMs: chromium,
      libreofficeMs: libreoffice,
      ratio: Math.round((libreoffice.median / chromium.median) * 100) / 100,
      pageView: { openMs: summarize(openMs), scrollFrameMs: summarize(frameMs), frames: frameMs.length }
    }
  } finally {
    await session.close()
    await server.close()
    rmSync(dir, { recursive: true, force: true })
  }
}

/** One line for the bench table. */
export function formatPdfFigure(f: PdfFigure): string {
  return (
    `PDF export, ${PAGES}-page report: Chromium ${Math.round(f.chromiumMs.median)} ms ` +
    `(layout ${Math.round(f.layoutMs.median)} + print ${Math.round(f.printMs.median)}, ${f.pages.chromium} pages) vs ` +
    `LibreOffice DOCX→PDF ${Math.round(f.libreofficeMs.median)} ms (${f.pages.libreoffice} pages): ` +
    `LibreOffice/Chromium = ${f.ratio}×; page view opens in ${Math.round(f.pageView.openMs.median)} ms, ` +
    `scrolling frames median ${f.pageView.scrollFrameMs.median} ms, p95 ${f.pageView.scrollFrameMs.p95} ms`
  )
}

if (process.argv[1] && /bench[\\/]pdf\.ts$/.test(process.argv[1])) {
  measurePdf(process.env.HUIBAO_RENDERER_DIR)
    .then((f) => {
      console.log(formatPdfFigure(f))
      console.log(JSON.stringify(f, null, 2))
    })
    .catch((e) => {
      console.error(e)
      process.exit(1)
    })
}
