// The project pieces the bench measures, loaded lazily so that one that has not landed (or
// fails to load) turns its figures into "n/a (reason)" instead of aborting the run.
import { existsSync, statSync } from 'node:fs'
import { resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { ReportDocJSON, Report, BlockJSON } from '../../src-renderer/src/core/report'
import type { MetricValue, ReportTemplate } from '../../src-renderer/src/core/template'
import type { ResolvedReport } from '../../src-renderer/src/core/resolved'
import type { generateLargeReport } from '../../tests/fixtures/large-report'
import type { resolveReport } from '../../src-renderer/src/core/resolve'
import type { exportReportDocx } from '../../src-renderer/src/core/docx/export'
import type { builtInTemplate } from '../../src-renderer/src/core/templates'
import { NotAvailable } from './na'

const ROOT = resolve(__dirname, '../..')

export const PAGES = 60
/** Fixed so every run measures the same report. */
export const SEED = 9704

async function load<T>(relPath: string, exportName: string): Promise<T> {
  const file = [relPath, `${relPath}.ts`, `${relPath}/index.ts`].map((p) => resolve(ROOT, p)).find((f) => existsSync(f) && statSync(f).isFile())
  if (!file) throw new NotAvailable(`${relPath} has not landed`)
  let mod: Record<string, unknown>
  try {
    mod = (await import(pathToFileURL(file).href)) as Record<string, unknown>
  } catch (e) {
    throw new NotAvailable(`${relPath} failed to load: ${(e as Error).message.split('\n')[0]}`)
  }
  const value = mod[exportName] ?? (mod.default as Record<string, unknown> | undefined)?.[exportName]
  if (typeof value !== 'function') throw new NotAvailable(`${relPath} does not export ${exportName}()`)
  return value as T
}

export interface LargeReport {
  report: Report
  /** Blocks in document order (preamble first). */
  sections: BlockJSON[]
  values: MetricValue[]
  template: ReportTemplate | null
}

/** The deterministic generated report, whatever exact shape the fixture returns it in. */
export async function loadLargeReport(): Promise<LargeReport> {
  return loadLargeReportOf(PAGES)
}

/** The same generated report at another length (the id includes the page count). */
export async function loadLargeReportOf(pages: number): Promise<LargeReport> {
  const generate = await load<typeof generateLargeReport>('tests/fixtures/large-report.ts', 'generateLargeReport')
  // Read defensively: the bench should say what is wrong rather than crash if the shape moves.
  const out = generate({ pages, seed: SEED }) as unknown as Record<string, unknown>
  const report = out.report as Report | undefined
  const doc = out.doc as ReportDocJSON | undefined
  const sections = (out.sections as BlockJSON[] | undefined) ?? doc?.content
  if (!report || !Array.isArray(sections)) throw new NotAvailable('generateLargeReport() returned neither { report, doc } nor { report, sections }')
  const values = (out.values as MetricValue[] | undefined) ?? (out.metricValues as MetricValue[] | undefined) ?? []
  const template = (out.template as ReportTemplate | undefined) ?? null
  return { report, sections, values, template }
}

export const loadResolve = () => load<typeof resolveReport>('src-renderer/src/core/resolve.ts', 'resolveReport')
export const loadExport = () => load<typeof exportReportDocx>('src-renderer/src/core/docx/export.ts', 'exportReportDocx')
export const loadBuiltInTemplate = () => load<typeof builtInTemplate>('src-renderer/src/core/templates', 'builtInTemplate')

/** resolveReport bound to the generated report (template from the fixture or the registry). */
export async function resolverFor(large: LargeReport): Promise<() => ResolvedReport> {
  const resolveReport = await loadResolve()
  let template = large.template
  if (!template) {
    const builtInTemplate = await loadBuiltInTemplate()
    template = builtInTemplate(large.report.templateId) ?? null
    if (!template) throw new NotAvailable(`template ${large.report.templateId} is not a built-in`)
  }
  const doc = { type: 'doc', content: large.sections } as ReportDocJSON
  const t = template
  return () => resolveReport(large.report, doc, t, large.values)
}
