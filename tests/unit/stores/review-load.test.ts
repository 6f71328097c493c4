// Opening a report in the editor loads its review (status, comments, audit) but not the versions
// list: only the versions page reads it (and then only metadata, see review/version-store.test.ts).
import 'fake-indexeddb/auto'
import { describe, expect, it, vi } from 'vitest'
import { HuibaoDatabase, createReport } from '../../../src-renderer/src/db/database'
import { saveNamedVersion } from '../../../src-renderer/src/services/review'
import { useReviewStore } from '../../../src-renderer/src/stores/review'
import { generateLargeReport } from '../../fixtures/large-report'
import { useStoreDatabase } from './store-db'

let db: HuibaoDatabase

useStoreDatabase('review-load', (d) => (db = d))

describe('review store load', () => {
  it('reads versions only when asked (the versions page), and reload keeps what was asked', async () => {
    const loaded = generateLargeReport({ pages: 2, seed: 5 })
    await createReport(db, loaded.report, loaded.doc.content, loaded.values)
    const clerk = { role: 'clerk' as const, name: '张三' }
    await saveNamedVersion(db, loaded.report.id, clerk, '初稿', Date.UTC(2025, 0, 1))
    await saveNamedVersion(db, loaded.report.id, clerk, '补充数据后', Date.UTC(2025, 0, 2))
    const versionReads = vi.spyOn(db.versions, 'where')

    const review = useReviewStore()
    await review.load(loaded.report.id)
    expect(versionReads).not.toHaveBeenCalled()
    expect(review.versions).toEqual([])
    expect(review.audit.length).toBeGreaterThanOrEqual(2)

    await review.load(loaded.report.id, { versions: true })
    expect(review.versions.map((v) => v.label)).toEqual(['补充数据后', '初稿'])
    versionReads.mockClear()
    await review.reload()
    expect(versionReads).toHaveBeenCalled()
    expect(review.versions).toHaveLength(2)
  })
})
