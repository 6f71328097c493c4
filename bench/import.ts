// Figure: 导入Word on a 60-page file. The file is the generated 60-page report exported by our
// own Word export (so its length and formatting are known). Ours = the whole import before
// the preview opens: safe unzip (limits, streaming inflate of the XML parts only) + XML parse
// + reading runs/styles/numbering + recognition + the template plan (section matching,
// tables, figures). Baseline = the floor for reading the same file: fflate unzipSync of every
// entry and a bare saxes pass over document.xml collecting its text, no recognition at all.
// Interleaved runs after warm-up, so load drift hits both; printed, never asserted.
import { unzipSync, strFromU8 } from 'fflate'
import { SaxesParser } from 'saxes'
import { attempt, isNA, NotAvailable, type NA } from './lib/na'
import { bytes, ms, ratio, summarize, table, type Summary } from './lib/stats'
import { loadExport, loadLargeReport, resolverFor, PAGES } from './lib/pieces'

const RUNS = 9
const WARMUP = 3
/** The preview should open within a second of choosing a 60-page file (reading happens in a worker). */
const GOAL_MS = 1000

export interface ImportFigure {
  ours: Summary
  baseline: Summary
  fileBytes: number
  sections: number
  figures: number
}

function bareRead(file: Uint8Array): number {
  const parts = unzipSync(file)
  const parser = new SaxesParser()
  let chars = 0
  parser.on('text', (t) => (chars += t.length))
  parser.write(strFromU8(parts['word/document.xml'])).close()
  return chars
}

export async function measureImport(): Promise<ImportFigure> {
  const large = await loadLargeReport()
  const resolve = await resolverFor(large)
  const exportDocx = await loadExport()
  const file = await exportDocx(resolve())
  const core = await import('../src-renderer/src/core/import').catch((e: Error) => {
    throw new NotAvailable(`core/import failed to load: ${e.message.split('\n')[0]}`)
  })
  const { WORK_SUMMARY_TEMPLATE, BUILT_IN_TEMPLATES } = await import('../src-renderer/src/core/templates')
  const ours: number[] = []
  const base: number[] = []
  let sections = 0
  let figures = 0
  for (let i = 0; i < WARMUP + RUNS; i++) {
    let t0 = performance.now()
    const rec = core.recogniseReport(core.parseDocx(file))
    const proposal = core.proposeTemplate(rec, BUILT_IN_TEMPLATES)
    const template = BUILT_IN_TEMPLATES.find((t) => t.id === proposal.templateId) ?? WORK_SUMMARY_TEMPLATE
    const plan = core.planImport(rec, template, rec.year ?? 2024, proposal.templateId === core.FREE_STRUCTURE)
    const tOurs = performance.now() - t0
    t0 = performance.now()
    bareRead(file)
    const tBase = performance.now() - t0
    if (i >= WARMUP) {
      ours.push(tOurs)
      base.push(tBase)
    }
    sections = rec.sections.length
    figures = plan.figures.length
  }
  return { ours: summarize(ours), baseline: summarize(base), fileBytes: file.byteLength, sections, figures }
}

/** Measures and prints its own rows (registered in run.ts with one call). */
export async function runImportBench(): Promise<ImportFigure | NA> {
  console.log('[bench] 导入Word, 60-page file (Node)…')
  const fig = await attempt('import', measureImport)
  if (isNA(fig)) {
    console.log(`\n12 导入Word: n/a (${fig.na})`)
    return fig
  }
  const verdict = fig.ours.median <= GOAL_MS ? `meets goal (≤ ${GOAL_MS} ms)` : `misses goal (≤ ${GOAL_MS} ms)`
  console.log(
    `\n${table(
      ['Figure', 'Ours', 'Baseline', 'Ratio', 'Notes'],
      [
        ['12 导入Word, median', ms(fig.ours.median), ms(fig.baseline.median), ratio(fig.ours.median, fig.baseline.median), `${RUNS} interleaved runs after ${WARMUP} warm-up; ${verdict}`],
        ['  min / max', `${ms(fig.ours.min)} / ${ms(fig.ours.max)}`, `${ms(fig.baseline.min)} / ${ms(fig.baseline.max)}`, '', ''],
        ['  file', bytes(fig.fileBytes), '', '', `${PAGES}-page report exported by our Word export; ${fig.sections} headings, ${fig.figures} figures found`]
      ]
    )}`
  )
  console.log('Baseline 8: the same file read with fflate unzipSync (all entries) + a bare saxes text pass — no limits, no recognition.')
  return fig
}
