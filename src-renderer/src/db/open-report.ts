// What the editor needs to show a report, read in one read-only transaction (one consistent
// snapshot, one round of IndexedDB requests): the report row, its sections in order, its
// figures, and its review state and comment threads — so the lock, the review banner and the
// comment count are right on the first paint. Version snapshots and the audit log are not read
// (the versions page reads versions; the review bar reads the audit trail once idle).
import type { BlockJSON, Report } from '@core/report'
import type { MetricValue } from '@core/template'
import type { CommentThread, ReviewState } from '@core/review/threads'
import { inSectionOrder, loadMetricValues, sectionRowsOf, type HuibaoDatabase } from './database'
import { getReviewState, listComments } from './review'

export interface ReportForEditor {
  report: Report
  /** Preamble first, then the sections in the report's order. */
  blocks: BlockJSON[]
  values: MetricValue[]
  reviewState: ReviewState
  threads: CommentThread[]
}

/** The report and everything its editor shows first; null when there is no such report. */
export function readReportForEditor(db: HuibaoDatabase, id: string): Promise<ReportForEditor | null> {
  return db.transaction('r', [db.reports, db.sections, db.metricValues, db.reviewState, db.comments], async () => {
    const report = await db.reports.get(id)
    if (!report) return null
    // The sections in one request, not loadSections' batches: the editor needs every row before
    // it can draw anything, and each batch is another round trip (measured: 28 → 72 ms waiting
    // for the read when opening the 60-page bench report in batches of 16). A key range, as the
    // print window reads them: bulkGet would issue one request per section.
    const [rows, values, reviewState, threads] = await Promise.all([sectionRowsOf(db, id), loadMetricValues(db, id), getReviewState(db, id), listComments(db, id)])
    return { report, blocks: inSectionOrder(report, rows), values, reviewState, threads }
  })
}
