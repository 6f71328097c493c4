// Opening a report in the editor reads, in one transaction, exactly what the first paint needs:
// the report, its sections in order, its figures, its review state and comments. Version
// snapshots and the audit log are not read to open; the audit trail comes after, on its own.
// A read prefetched by the route is used once, by the editor it was made for.
import 'fake-indexeddb/auto'
import Dexie from 'dexie'
import { describe, expect, it, vi } from 'vitest'
import { HuibaoDatabase, createReport, saveSections } from '../../../src-renderer/src/db/database'
import { putComment } from '../../../src-renderer/src/db/review'
import { saveNamedVersion, submitReport } from '../../../src-renderer/src/services/review'
import { useEditorStore } from '../../../src-renderer/src/stores/editor'
import { useReviewStore } from '../../../src-renderer/src/stores/review'
import type { BlockJSON } from '../../../src-renderer/src/core/report'
import type { CommentThread } from '../../../src-renderer/src/core/review/threads'
import { generateLargeReport } from '../../fixtures/large-report'
import { useStoreDatabase } from './store-db'

let db: HuibaoDatabase
const clerk = { role: 'clerk' as const, name: '张三' }

useStoreDatabase('editor-open', (d) => (db = d))

/** The tables of each transaction started outside another one (nested ones run inside their parent's). */
function topLevelTransactions(): string[][] {
  const seen: string[][] = []
  const original = db.transaction.bind(db) as (...a: unknown[]) => unknown
  vi.spyOn(db, 'transaction').mockImplementation(((...args: unknown[]) => {
    if (!Dexie.currentTransaction) {
      const tables = args.slice(1, -1).flat() as Array<{ name: string } | string>
      seen.push(tables.map((t) => (typeof t === 'string' ? t : t.name)).sort())
    }
    return original(...args)
  }) as never)
  return seen
}

function thread(reportId: string, id: string, createdAt: number): CommentThread {
  return { id, reportId, anchorText: '巡查', status: 'open', author: clerk, text: `意见${id}`, createdAt, updatedAt: createdAt, replies: [], orphaned: false }
}

async function stored() {
  const loaded = generateLargeReport({ pages: 3, seed: 11 })
  await createReport(db, loaded.report, loaded.doc.content, loaded.values)
  await saveNamedVersion(db, loaded.report.id, clerk, '初稿', Date.UTC(2025, 0, 1))
  await putComment(db, thread(loaded.report.id, 't-2', 20))
  await putComment(db, thread(loaded.report.id, 't-1', 10))
  return loaded
}

describe('opening a report for the editor', () => {
  it('reads the report, its blocks in order, figures, review state and comments — not versions or the audit log', async () => {
    const loaded = await stored()
    // Another report's rows must not leak in.
    const other = generateLargeReport({ pages: 1, seed: 12 })
    await createReport(db, { ...other.report, id: 'other' }, other.doc.content, other.values)
    await putComment(db, thread('other', 't-x', 5))
    const versionReads = vi.spyOn(db.versions, 'where')
    const auditReads = vi.spyOn(db.auditLog, 'where')
    const transactions = topLevelTransactions()

    const opened = await useEditorStore().open(loaded.report.id)

    expect(opened.report.id).toBe(loaded.report.id)
    expect(opened.blocks).toEqual(loaded.doc.content)
    expect(opened.blocks.map((b: BlockJSON) => b.attrs.id)).toEqual(loaded.report.sectionOrder)
    expect(opened.values).toEqual(expect.arrayContaining(loaded.values))
    expect(opened.values).toHaveLength(loaded.values.length)
    expect(opened.threads.map((t) => t.id)).toEqual(['t-1', 't-2'])
    expect(opened.reviewState.reportId).toBe(loaded.report.id)
    expect(versionReads).not.toHaveBeenCalled()
    expect(auditReads).not.toHaveBeenCalled()
    // One transaction over exactly these tables (loadSections' own runs nested inside it).
    expect(transactions).toEqual([['comments', 'metricValues', 'reports', 'reviewState', 'sections']])
    expect(useEditorStore().report?.id).toBe(loaded.report.id)
  })

  it('gives the review store the status before the editor is drawn, and the audit trail after', async () => {
    const loaded = await stored()
    await submitReport(db, loaded.report.id, clerk, Date.UTC(2025, 0, 2))
    const opened = await useEditorStore().open(loaded.report.id)
    const review = useReviewStore()
    review.adopt(opened.report.id, { status: opened.report.status, state: opened.reviewState, threads: opened.threads })
    expect(review.status).toBe('submitted')
    expect(review.openThreads).toBe(2)
    expect(review.audit).toEqual([])

    await review.loadTrail()
    expect(review.audit.map((e) => e.action)).toContain('submit')
    expect(review.verdict).not.toBeNull()
  })

  it('uses a prefetched read once, for the report it was made for', async () => {
    const loaded = await stored()
    const store = useEditorStore()
    const reads = topLevelTransactions()
    store.prefetch(loaded.report.id)
    const opened = await store.open(loaded.report.id)
    expect(reads).toHaveLength(1)
    expect(opened.blocks).toEqual(loaded.doc.content)

    // Not reused: a later open reads again and sees what was written since.
    const changed = structuredClone(loaded.doc.content[1])
    ;(changed.content as unknown[]).push({ type: 'paragraph', content: [{ type: 'text', text: '后来写入的一段' }] })
    await saveSections(db, loaded.report.id, { changed: [changed], removedIds: [], order: null })
    reads.length = 0
    const again = await store.open(loaded.report.id)
    expect(reads).toHaveLength(1)
    expect(JSON.stringify(again.blocks[1])).toContain('后来写入的一段')
  })

  it('drops a prefetched read when the navigation went elsewhere, and ignores one for another report', async () => {
    const loaded = await stored()
    const store = useEditorStore()
    store.prefetch(loaded.report.id)
    store.dropPrefetch()
    const changed = structuredClone(loaded.doc.content[1])
    ;(changed.content as unknown[]).push({ type: 'paragraph', content: [{ type: 'text', text: '预取之后的修改' }] })
    await saveSections(db, loaded.report.id, { changed: [changed], removedIds: [], order: null })
    expect(JSON.stringify((await store.open(loaded.report.id)).blocks[1])).toContain('预取之后的修改')

    store.prefetch('no-such-report')
    expect((await store.open(loaded.report.id)).report.id).toBe(loaded.report.id)
  })

  it('refuses a missing or deleted report with a Chinese message', async () => {
    const loaded = await stored()
    await expect(useEditorStore().open('missing')).rejects.toThrow('找不到这份报告')
    await db.reports.update(loaded.report.id, { deletedAt: Date.now() })
    await expect(useEditorStore().open(loaded.report.id)).rejects.toThrow('找不到这份报告')
  })
})
