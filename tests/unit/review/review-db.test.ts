// Review storage (schema v4): upgrade from v3, the append-only chained audit log, atomic
// workflow writes, version restore, comments and purge.
import 'fake-indexeddb/auto'
import Dexie from 'dexie'
import { afterEach, describe, expect, it } from 'vitest'
import type { BlockJSON, Report } from '@core/report'
import { verifyChain, type AuditEntryData } from '@core/review/audit'
import type { CommentThread } from '@core/review/threads'
import { contentHash, type VersionSnapshot } from '@core/review/versions'
import { HuibaoDatabase, SCHEMA_VERSIONS, createReport, declareSchema, getReport, loadSections, moveToRecycleBin, purgeReport } from '../../../src-renderer/src/db/database'
import * as reviewDb from '../../../src-renderer/src/db/review'
import { META, blocks, sectionOf, t } from './fixtures'

let counter = 0
const opened: Dexie[] = []
function freshName(): string {
  return `huibao-review-${process.pid}-${++counter}`
}
function freshDb(): HuibaoDatabase {
  const db = new HuibaoDatabase(freshName())
  opened.push(db)
  return db
}
afterEach(async () => {
  for (const db of opened.splice(0)) {
    db.close()
    await Dexie.delete(db.name)
  }
})

function report(id: string, sections: BlockJSON[], status: Report['status'] = 'draft'): Report {
  return { id, templateId: 'rule-of-law-annual', templateVersion: 1, meta: META, status, sectionOrder: sections.map((s) => s.attrs.id), createdAt: 1, updatedAt: 1, deletedAt: null }
}

const audit = (reportId: string, action: AuditEntryData['action'], at = 1000): AuditEntryData => ({ reportId, at, role: 'leader', name: '李主任', action, detail: {} })

describe('schema v4', () => {
  it('is the version after 3 and upgrades a v3 database, keeping its reports', async () => {
    expect(SCHEMA_VERSIONS.length).toBeGreaterThan(4)
    const name = freshName()
    const v3 = new Dexie(name)
    declareSchema(v3, 3)
    await v3.open()
    expect(v3.verno).toBe(3)
    const sections = blocks([t('旧导语')])
    await v3.table('reports').bulkAdd([report('old', sections, 'approved'), { ...report('odd', sections), status: 'archived' }])
    await v3.table('sections').bulkAdd(sections.map((json) => ({ reportId: 'old', id: json.attrs.id, json, updatedAt: 1 })))
    v3.close()

    const db = new HuibaoDatabase(name)
    opened.push(db)
    await db.open()
    expect(db.verno).toBe(SCHEMA_VERSIONS.length)
    const old = await getReport(db, 'old')
    expect(old?.status).toBe('approved')
    expect(await loadSections(db, old!)).toEqual(sections)
    // An unknown status becomes 草稿 rather than a state the workflow has no rule for.
    expect((await getReport(db, 'odd'))?.status).toBe('draft')
    expect(await db.versions.count()).toBe(0)
    expect(await reviewDb.listAudit(db, 'old')).toEqual([])
  })
})

describe('audit log', () => {
  it('appends chained entries per report, even when written concurrently', async () => {
    const db = freshDb()
    await Promise.all([1, 2, 3, 4, 5].map((i) => reviewDb.appendAudit(db, audit('r1', 'version', i))))
    await reviewDb.appendAudit(db, audit('r2', 'submit'))
    const log = await reviewDb.listAudit(db, 'r1')
    expect(log.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5])
    expect(await verifyChain(log)).toEqual({ ok: true, count: 5 })
    expect((await reviewDb.listAudit(db, 'r2')).length).toBe(1)
  })

  it('offers no update or delete, and a stored entry changed behind its back is detected', async () => {
    // setAuditHooks only observes writes (the anchor outside IndexedDB); nothing updates or deletes an entry.
    expect(Object.keys(reviewDb).filter((k) => /audit/i.test(k)).sort()).toEqual(['appendAudit', 'listAudit', 'setAuditHooks'])
    const db = freshDb()
    for (const a of ['submit', 'return', 'submit'] as const) await reviewDb.appendAudit(db, audit('r1', a))
    // Tampering straight in IndexedDB, as a user with dev tools could.
    await db.auditLog.update(['r1', 2], { detail: { opinion: '同意' } })
    const verdict = await verifyChain(await reviewDb.listAudit(db, 'r1'))
    expect(verdict).toMatchObject({ ok: false, seq: 2 })
  })
})

describe('workflow writes', () => {
  it('writes status, review record, version and audit entry together', async () => {
    const db = freshDb()
    const sections = blocks([t('导语。')], sectionOf('a', '做法', [t('正文。')]))
    await createReport(db, report('r1', sections), sections, [])
    const content = await reviewDb.loadContent(db, (await getReport(db, 'r1'))!)
    const version: VersionSnapshot = { ...content, id: 'v1', reportId: 'r1', label: '第1次送审', kind: 'submit', createdAt: 2000, role: 'clerk', name: '王小明', contentHash: await contentHash(content) }
    await reviewDb.writeReview(db, {
      reportId: 'r1',
      status: 'submitted',
      versions: [version],
      state: { reportId: 'r1', exports: [], lastSubmittedVersionId: 'v1' },
      audit: { ...audit('r1', 'submit'), role: 'clerk', name: '王小明', detail: { versionId: 'v1' } }
    })
    expect((await getReport(db, 'r1'))?.status).toBe('submitted')
    expect((await reviewDb.getReviewState(db, 'r1')).lastSubmittedVersionId).toBe('v1')
    expect((await reviewDb.listVersions(db, 'r1')).map((v) => v.id)).toEqual(['v1'])
    expect((await reviewDb.listAudit(db, 'r1')).map((e) => e.action)).toEqual(['submit'])
  })

  it('writes nothing when the transaction fails', async () => {
    const db = freshDb()
    await expect(reviewDb.writeReview(db, { reportId: 'missing', status: 'approved', audit: audit('missing', 'approve') })).rejects.toThrow()
    expect(await reviewDb.listAudit(db, 'missing')).toEqual([])
  })

  it('restores a version: sections, order, figures and title', async () => {
    const db = freshDb()
    const now = blocks([t('现在的导语。')], sectionOf('a', '做法', [t('现在。')]), sectionOf('b', '新增节', [t('新。')]))
    await createReport(db, report('r1', now), now, [{ metricId: 'm', value: 9, qualifier: '' }])
    const old = blocks([t('旧导语。')], sectionOf('a', '做法', [t('旧的。')]))
    await reviewDb.writeReview(db, {
      reportId: 'r1',
      restore: { meta: { ...META, title: '旧标题' }, sections: old, values: [{ metricId: 'm', value: 3, qualifier: '' }] },
      audit: audit('r1', 'restore')
    })
    const r = (await getReport(db, 'r1'))!
    expect(r.sectionOrder).toEqual(['preamble', 'a'])
    expect(r.meta.title).toBe('旧标题')
    expect(await loadSections(db, r)).toEqual(old)
    expect((await db.metricValues.where('reportId').equals('r1').toArray()).map((v) => v.value)).toEqual([3])
  })
})

describe('comments and purge', () => {
  const thread = (id: string, reportId: string, status: CommentThread['status']): CommentThread => ({
    id,
    reportId,
    anchorText: '正文',
    status,
    author: { role: 'leader', name: '李主任' },
    text: '请核实',
    createdAt: 1,
    updatedAt: 1,
    replies: [],
    orphaned: false
  })

  it('counts open comments per report', async () => {
    const db = freshDb()
    await reviewDb.putComments(db, [thread('c1', 'r1', 'open'), thread('c2', 'r1', 'resolved'), thread('c3', 'r1', 'open'), thread('c4', 'r2', 'open')])
    expect(Object.fromEntries(await reviewDb.countOpenComments(db))).toEqual({ r1: 2, r2: 1 })
  })

  it('destroying a report destroys its versions, comments, review record and log', async () => {
    const db = freshDb()
    const sections = blocks([t('导语。')])
    await createReport(db, report('r1', sections), sections, [])
    await reviewDb.putComment(db, thread('c1', 'r1', 'open'))
    await reviewDb.appendAudit(db, audit('r1', 'submit'))
    await reviewDb.appendAudit(db, audit('other', 'submit'))
    await moveToRecycleBin(db, 'r1')
    await purgeReport(db, 'r1')
    expect(await db.comments.count()).toBe(0)
    expect(await reviewDb.listAudit(db, 'r1')).toEqual([])
    expect((await reviewDb.listAudit(db, 'other')).length).toBe(1)
  })
})
