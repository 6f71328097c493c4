// 版本比较: two sides (a stored version or the current text) of one report, diffed against the
// report's template. Without a choice, the leader's default: what changed since the version
// they last reviewed.
import { diffContents, type ReportContent, type VersionDiff } from '@core/review/versions'
import { getDatabase, type HuibaoDatabase } from '../db/database'
import { getReviewState, getVersion, listVersions } from '../db/review'
import { formatDateTime } from './format'
import { loadReportBundle } from './report-bundle'

export interface Comparison {
  diff: VersionDiff
  labels: { from: string; to: string }
}

export async function loadComparison(reportId: string, fromId: string, toId: string, db: HuibaoDatabase = getDatabase()): Promise<Comparison> {
  const bundle = await loadReportBundle(reportId, { db })
  const side = async (id: string): Promise<{ content: ReportContent; label: string }> => {
    if (id === 'current') return { content: { meta: bundle.report.meta, sections: bundle.doc.content, values: bundle.values }, label: '当前内容' }
    const v = await getVersion(db, id)
    if (!v || v.reportId !== reportId) throw new Error('找不到要比较的版本。')
    return { content: v, label: `${v.label}（${formatDateTime(v.createdAt)}）` }
  }
  if (!fromId) {
    const state = await getReviewState(db, reportId)
    fromId = state.lastReviewedVersionId ?? (await listVersions(db, reportId)).at(-1)?.id ?? ''
    if (!fromId) throw new Error('还没有可比较的版本。送审时会自动保存版本。')
  }
  const [a, b] = await Promise.all([side(fromId), side(toId)])
  return { diff: diffContents(a.content, b.content, bundle.template), labels: { from: a.label, to: b.label } }
}
