// The approval lock in the data layer (db/lock.ts) against a real IndexedDB implementation:
// every function that writes a report's content is refused while the report is 送审, 审核通过
// or 已报送 — except the leader's suggestions and comments while submitted — and the stored
// rows stay exactly as they were.
import 'fake-indexeddb/auto'
import Dexie from 'dexie'
import { afterEach, describe, expect, it } from 'vitest'
import type { BlockJSON, Report, ReportStatus, SectionJSON } from '@core/report'
import type { CommentThread } from '@core/review/threads'
import {
  HuibaoDatabase,
  createReport,
  moveToRecycleBin,
  renameReport,
  restoreFromRecycleBin,
  saveMetricValue,
  saveMetricValues,
  saveReportMetrics,
  saveSections,
  updateReport
} from '../../../src-renderer/src/db/database'
import { putComment, putComments, writeReview } from '../../../src-renderer/src/db/review'
import { ReportLockedError } from '../../../src-renderer/src/db/lock'
import { META, blocks, comment, del, ins, sectionOf, t } from '../review/fixtures'

const opened: HuibaoDatabase[] = []
let counter = 0
afterEach(async () => {
  for (const db of opened.splice(0)) {
    db.close()
    await Dexie.delete(db.name)
  }
})

const S1 = sectionOf('s1', '主要做法', [t('全年开展巡查。')])
const S2 = sectionOf('s2', '存在问题', [t('仍有不足。')])
const DOC: BlockJSON[] = blocks([t('导语。')], S1, S2)

function thread(id: string, anchorText = '巡查'): CommentThread {
  return { id, reportId: 'r1', anchorText, status: 'open', author: { role: 'leader', name: '李主任' }, text: '请核实', createdAt: 1, updatedAt: 1, replies: [], orphaned: false }
}

async function seeded(status: ReportStatus): Promise<HuibaoDatabase> {
  const db = new HuibaoDatabase(`huibao-lock-${process.pid}-${++counter}`)
  opened.push(db)
  const report: Report = { id: 'r1', templateId: 'rule-of-law-annual', templateVersion: 1, meta: META, status: 'draft', sectionOrder: DOC.map((b) => b.attrs.id), createdAt: 1, updatedAt: 1, deletedAt: null }
  await createReport(db, report, DOC, [{ metricId: 'patrols', value: 126, qualifier: '' }])
  await putComment(db, thread('c1'))
  // Straight to the status under test (the workflow's own path is covered in review tests).
  await db.reports.update('r1', { status })
  return db
}

/** Every row that belongs to the report, for before/after comparison. */
async function dump(db: HuibaoDatabase): Promise<string> {
  const [report, sections, values, comments] = await Promise.all([
    db.reports.get('r1'),
    db.sections.where('reportId').equals('r1').toArray(),
    db.metricValues.where('reportId').equals('r1').toArray(),
    db.comments.where('reportId').equals('r1').toArray()
  ])
  return JSON.stringify({ report, sections, values, comments })
}

function edited(section: SectionJSON, ...paragraph: Parameters<typeof sectionOf>[2]): SectionJSON {
  return { ...section, content: [section.content[0], { type: 'paragraph', content: paragraph }] }
}

/** Each content write a clerk (or a stale screen) can attempt, by the name of its route. */
const CONTENT_WRITES: Array<[string, (db: HuibaoDatabase) => Promise<unknown>]> = [
  ['text (autosave)', (db) => saveSections(db, 'r1', { changed: [edited(S1, t('全年开展巡查999次。'))], removedIds: [], order: null })],
  ['bold', (db) => saveSections(db, 'r1', { changed: [edited(S1, { type: 'text', text: '全年开展巡查。', marks: [{ type: 'bold' }] })], removedIds: [], order: null })],
  ['chip', (db) => saveSections(db, 'r1', { changed: [edited(S1, t('全年开展巡查'), { type: 'metric', attrs: { metricId: 'patrols' } })], removedIds: [], order: null })],
  ['outline: move', (db) => saveSections(db, 'r1', { changed: [], removedIds: [], order: ['preamble', 's2', 's1'] })],
  ['outline: delete', (db) => saveSections(db, 'r1', { changed: [], removedIds: ['s2'], order: ['preamble', 's1'] })],
  ['outline: add', (db) => saveSections(db, 'r1', { changed: [sectionOf('s3', '新章节', [])], removedIds: [], order: ['preamble', 's1', 's2', 's3'] })],
  ['outline: level', (db) => saveSections(db, 'r1', { changed: [{ ...S2, attrs: { ...S2.attrs, level: 2 } }], removedIds: [], order: null })],
  ['figure', (db) => saveMetricValue(db, 'r1', { metricId: 'patrols', value: 999, qualifier: '' })],
  ['qualifier', (db) => saveMetricValue(db, 'r1', { metricId: 'patrols', value: 126, qualifier: '余' })],
  ['several figures (其余填0)', (db) => saveMetricValues(db, 'r1', [{ metricId: 'patrols', value: 0, qualifier: '' }])],
  [
    'the report’s own metrics (设为指标)',
    (db) => saveReportMetrics(db, 'r1', [{ id: 'own.study', label: '学法次数', unit: '次', type: 'integer', qualifiers: [], sectionKey: 'measures' }], { values: [{ metricId: 'own.study', value: 8, qualifier: '' }] })
  ],
  ['报告信息 title', (db) => updateReport(db, 'r1', { meta: { ...META, title: '改过的标题' } })],
  ['rename from the list', (db) => renameReport(db, 'r1', '改过的标题')],
  ['排版方案', (db) => updateReport(db, 'r1', { layout: { profileId: 'practice' } })],
  ['落款方式', (db) => updateReport(db, 'r1', { layout: { signatureRule: 'with-seal' } })],
  ['附指标汇总表', (db) => updateReport(db, 'r1', { layout: { metricTable: true } })],
  ['附件', (db) => updateReport(db, 'r1', { layout: { attachments: [{ id: 'a1', title: '附件', paragraphs: ['新附件'] }] } })],
  ['link to last year', (db) => updateReport(db, 'r1', { previousReportId: 'r0' })],
  [
    'restore a version',
    (db) =>
      writeReview(db, {
        reportId: 'r1',
        restore: { meta: META, sections: blocks([t('旧导语。')], S1), values: [] },
        audit: { reportId: 'r1', at: 5, role: 'clerk', name: '王小明', action: 'restore', detail: {} }
      })
  ]
]

describe('the lock refuses every content write, leaving the rows untouched', () => {
  for (const status of ['submitted', 'approved', 'sent'] as const) {
    for (const [route, write] of CONTENT_WRITES) {
      it(`${status}: ${route}`, async () => {
        const db = await seeded(status)
        const before = await dump(db)
        const refusal = write(db)
        await expect(refusal).rejects.toBeInstanceOf(ReportLockedError)
        await expect(refusal).rejects.toThrow(status === 'submitted' ? /正在审核中/ : status === 'approved' ? /已审核通过.*审核人重新打开/ : /已报送/)
        expect(await dump(db)).toBe(before)
      })
    }
  }

  for (const status of ['draft', 'returned'] as const) {
    it(`${status}: every one of those writes goes through`, async () => {
      for (const [route, write] of CONTENT_WRITES) {
        const db = await seeded(status)
        const before = await dump(db)
        await expect(write(db), route).resolves.not.toThrow()
        expect(await dump(db), route).not.toBe(before)
      }
    })
  }

  it('the leader is refused as well once approved, and for figures while submitted', async () => {
    const approved = await seeded('approved')
    await expect(saveSections(approved, 'r1', { changed: [edited(S1, t('全年开展'), t('日常', ins('x')), t('巡查。'))], removedIds: [], order: null }, 5, 'leader')).rejects.toThrow(/已审核通过/)
    const submitted = await seeded('submitted')
    await expect(saveMetricValue(submitted, 'r1', { metricId: 'patrols', value: 1, qualifier: '' }, 5, 'leader')).rejects.toThrow(/修订建议和批注/)
    await expect(updateReport(submitted, 'r1', { layout: { profileId: 'practice' } }, 'leader')).rejects.toThrow(/修订建议和批注/)
  })
})

describe('while submitted: the leader suggests and comments, nothing else', () => {
  it('accepts the leader’s suggested insertion and deletion and their withdrawal', async () => {
    const db = await seeded('submitted')
    await saveSections(db, 'r1', { changed: [edited(S1, t('全年开展'), t('日常', ins('x')), t('巡查'), t('。', del('y')))], removedIds: [], order: null }, 5, 'leader')
    expect(JSON.stringify((await db.sections.get(['r1', 's1']))?.json)).toContain('日常')
    // 全部拒绝: back to the original text.
    await saveSections(db, 'r1', { changed: [edited(S1, t('全年开展巡查。'))], removedIds: [], order: null }, 6, 'leader')
    expect((await db.sections.get(['r1', 's1']))?.json).toEqual(edited(S1, t('全年开展巡查。')))
  })

  it('refuses the leader’s direct edit and accepting a suggestion', async () => {
    const db = await seeded('submitted')
    await saveSections(db, 'r1', { changed: [edited(S1, t('全年开展'), t('日常', ins('x')), t('巡查。'))], removedIds: [], order: null }, 5, 'leader')
    const before = await dump(db)
    await expect(saveSections(db, 'r1', { changed: [edited(S1, t('全年开展日常巡查。'))], removedIds: [], order: null }, 6, 'leader')).rejects.toThrow(/修订建议和批注/)
    await expect(saveSections(db, 'r1', { changed: [edited(S1, t('全年开展'), t('日常', ins('x')), t('巡查!'))], removedIds: [], order: null }, 6, 'leader')).rejects.toThrow(ReportLockedError)
    expect(await dump(db)).toBe(before)
  })

  it('the clerk may anchor a comment but not suggest', async () => {
    const db = await seeded('submitted')
    await saveSections(db, 'r1', { changed: [edited(S1, t('全年开展'), t('巡查', comment('c2')), t('。'))], removedIds: [], order: null }, 5, 'clerk')
    await putComment(db, thread('c2'))
    const before = await dump(db)
    await expect(saveSections(db, 'r1', { changed: [edited(S1, t('全年开展'), t('日常', ins('x', '王小明')), t('巡查。'))], removedIds: [], order: null }, 6, 'clerk')).rejects.toThrow(/正在审核中/)
    expect(await dump(db)).toBe(before)
  })
})

describe('comments of an approved report keep their anchors', () => {
  it('refuses a new thread and a changed anchor, allows a reply', async () => {
    const db = await seeded('approved')
    const before = await dump(db)
    await expect(putComment(db, thread('c9'))).rejects.toThrow(/不能再添加批注/)
    await expect(putComments(db, [{ ...thread('c1'), orphaned: true }])).rejects.toThrow(ReportLockedError)
    await expect(putComments(db, [{ ...thread('c1'), anchorText: '别处' }])).rejects.toThrow(ReportLockedError)
    expect(await dump(db)).toBe(before)
    await putComment(db, { ...thread('c1'), replies: [{ id: 'r', author: { role: 'clerk', name: '王小明' }, text: '已核实', at: 2 }] })
    expect((await db.comments.get('c1'))?.replies).toHaveLength(1)
  })
})

describe('what the lock leaves alone', () => {
  it('the recycle bin works on a locked report without changing its content', async () => {
    const db = await seeded('sent')
    await moveToRecycleBin(db, 'r1', 10)
    expect((await db.reports.get('r1'))?.deletedAt).toBe(10)
    await restoreFromRecycleBin(db, 'r1')
    expect((await db.reports.get('r1'))?.deletedAt).toBeNull()
  })

  it('a workflow write refuses to start from a status that moved meanwhile', async () => {
    const db = await seeded('approved')
    await expect(
      writeReview(db, { reportId: 'r1', status: 'approved', expectStatus: 'submitted', audit: { reportId: 'r1', at: 5, role: 'leader', name: '李主任', action: 'approve', detail: {} } })
    ).rejects.toThrow(/状态已经改变/)
    expect(await db.auditLog.count()).toBe(0)
  })
})
