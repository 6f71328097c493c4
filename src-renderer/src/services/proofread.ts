// 检查 (公文校对): the stored report → resolved as typed (raw) → every check. Run by the 检查
// button and before 送审 and every export, after the editor has flushed its autosave. The
// resolving and checking run in the report worker (./report-build.ts): at 200 pages they took
// up to a second of the window's main thread before each export.
import type { CheckItem } from '@core/checks'
import type { HuibaoDatabase } from '../db/database'
import { loadReportBundle, ReportBundleError, type ReportBundle } from './report-bundle'
import { runChecksOffThread, type WorkerOptions } from './report-build'

export class ProofreadError extends Error {
  override name = 'ProofreadError'
}

/** Today in local time as 'YYYY-MM-DD' (the clerk's calendar, not UTC). */
export function localToday(now = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0')
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`
}

export async function proofreadReport(reportId: string, deps: { db?: HuibaoDatabase; today?: string; createWorker?: WorkerOptions['createWorker'] } = {}): Promise<CheckItem[]> {
  let bundle: ReportBundle
  try {
    bundle = await loadReportBundle(reportId, { db: deps.db })
  } catch (error) {
    if (error instanceof ReportBundleError) throw new ProofreadError(`检查失败：${error.message}`)
    throw error
  }
  const { report, template, doc, values, previousValues } = bundle
  try {
    return await runChecksOffThread({ report, doc, template, values, previousValues, today: deps.today ?? localToday() }, { createWorker: deps.createWorker })
  } catch (error) {
    console.error('[huibao] proofreading failed', error)
    throw new ProofreadError(`检查失败：${error instanceof Error ? error.message : String(error)}。请稍后重试。`)
  }
}
