// The review workflow through storage and the Word exports, minus the UI: fake-indexeddb and
// a fake platform that keeps the saved bytes.
import 'fake-indexeddb/auto'
import Dexie from 'dexie'
import JSZip from 'jszip'
import { createHash } from 'node:crypto'
import { afterEach, describe, expect, it } from 'vitest'
import type { ParagraphJSON, SectionJSON } from '@core/report'
import { builtInTemplate } from '@core/templates'
import { createReportFromTemplate } from '@core/report-factory'
import { verifyChain } from '@core/review/audit'
import type { Person } from '@core/review/threads'
import { HuibaoDatabase, createReport, getReport, loadSections, saveSections } from '../../../src-renderer/src/db/database'
import { getPinThrottle, getReviewState, getVersion, listAudit, listVersions, putComment } from '../../../src-renderer/src/db/review'
import {
  ReviewError,
  approveReport,
  checkLeaderPin,
  reopenReport,
  restoreVersion,
  returnReport,
  saveNamedVersion,
  saveSetup,
  setupProblem,
  submitReport
} from '../../../src-renderer/src/services/review'
import { exportApproved, exportReviewCopy, exportWordForStatus } from '../../../src-renderer/src/services/review-export'
import type { Platform, SaveFileOptions } from '../../../src-renderer/src/platform/platform'
import { del, ins, comment, t } from './fixtures'

const opened: HuibaoDatabase[] = []
afterEach(async () => {
  for (const db of opened.splice(0)) {
    db.close()
    await Dexie.delete(db.name)
  }
})

const CLERK: Person = { role: 'clerk', name: '王小明' }
const LEADER: Person = { role: 'leader', name: '李主任' }

function fakePlatform(): Platform & { saved: SaveFileOptions[] } {
  const saved: SaveFileOptions[] = []
  return {
    kind: 'browser',
    saved,
    async saveFile(req) {
      saved.push(req)
      return { status: 'saved', path: `/tmp/out/${req.suggestedName}` }
    },
    async getAppInfo() {
      return null
    }
  }
}

let dbCounter = 0
async function seeded() {
  const db = new HuibaoDatabase(`huibao-review-svc-${process.pid}-${++dbCounter}`)
  opened.push(db)
  const template = builtInTemplate('rule-of-law-annual')!
  let n = 0
  const { report, doc, values } = createReportFromTemplate(
    template,
    { organs: ['甲镇人民政府'], addressee: '乙县人民政府', year: 2024, date: '2025-01-15', title: '' },
    { reportId: 'r1', newSectionId: () => `s${++n}`, now: 1000 }
  )
  await createReport(db, report, doc.content, values)
  return { db, first: doc.content[1] as SectionJSON }
}

async function setBody(db: HuibaoDatabase, section: SectionJSON, content: ParagraphJSON['content'], by: Person['role'] = 'clerk') {
  const edited: SectionJSON = { ...section, content: [section.content[0], { type: 'paragraph', content }] }
  await saveSections(db, 'r1', { changed: [edited], removedIds: [], order: null }, Date.now(), by)
}

/** A write behind every guard (raw IndexedDB), as tampering or a bug would do it. */
async function forceBody(db: HuibaoDatabase, section: SectionJSON, content: ParagraphJSON['content']) {
  const edited: SectionJSON = { ...section, content: [section.content[0], { type: 'paragraph', content }] }
  await db.sections.put({ reportId: 'r1', id: edited.attrs.id, json: edited, updatedAt: Date.now() })
}

describe('setup and PIN', () => {
  it('checks the form with Chinese messages', () => {
    expect(setupProblem({ clerkName: '', leaderName: '李', pin: '4829', pinAgain: '4829' })).toContain('起草人')
    expect(setupProblem({ clerkName: '王', leaderName: '', pin: '4829', pinAgain: '4829' })).toContain('审核人')
    expect(setupProblem({ clerkName: '王', leaderName: '李', pin: '4829', pinAgain: '4828' })).toContain('不一致')
    expect(setupProblem({ clerkName: '王', leaderName: '李', pin: '48', pinAgain: '48' })).toContain('PIN')
    expect(setupProblem({ clerkName: '王', leaderName: '李', pin: '4829', pinAgain: '4829' })).toBeNull()
  })

  it('stores only a hash, accepts the PIN, refuses a wrong one and throttles repeated failures (persisted)', async () => {
    const { db } = await seeded()
    await saveSetup(db, { clerkName: '王小明', leaderName: '李主任', pin: '482915', pinAgain: '482915' }, 10)
    const stored = JSON.stringify(await db.settings.toArray())
    expect(stored).not.toContain('482915')
    expect(await checkLeaderPin(db, '482915', 100)).toEqual({ ok: true })
    const t0 = 1_000_000
    for (let i = 0; i < 3; i++) expect((await checkLeaderPin(db, '000001', t0)).ok).toBe(false)
    expect((await getPinThrottle(db)).failures).toBe(3)
    // Even the right PIN waits now.
    const blocked = await checkLeaderPin(db, '482915', t0 + 1)
    expect(blocked.ok).toBe(false)
    if (!blocked.ok) expect(blocked.message).toMatch(/秒后再试/)
    expect(await checkLeaderPin(db, '482915', t0 + 60_000)).toEqual({ ok: true })
    expect((await getPinThrottle(db)).failures).toBe(0)
    expect((await listAudit(db, '')).map((e) => e.action)).toEqual(['pin-set'])
  })
})

describe('changing the PIN', () => {
  it('replaces the hash, records the change in the app-wide log, and the old PIN stops working', async () => {
    const { db } = await seeded()
    await saveSetup(db, { clerkName: '王小明', leaderName: '李主任', pin: '482915', pinAgain: '482915' }, 10)
    await saveSetup(db, { clerkName: '王小明', leaderName: '李主任', pin: '735102', pinAgain: '735102', currentPin: '482915' }, 20)
    expect((await checkLeaderPin(db, '482915', 100)).ok).toBe(false)
    expect(await checkLeaderPin(db, '735102', 200)).toEqual({ ok: true })
    const log = await listAudit(db, '')
    expect(log.map((e) => e.action)).toEqual(['pin-set', 'pin-change'])
    expect(await verifyChain(log)).toEqual({ ok: true, count: 2 })
  })
})

describe('workflow through storage', () => {
  it('runs submit → return → resubmit → approve → export, recording each step in a valid chain', async () => {
    const { db, first } = await seeded()
    await setBody(db, first, [t('全年开展巡查。')])
    const v1 = await submitReport(db, 'r1', CLERK, 2000)
    expect((await getReport(db, 'r1'))?.status).toBe('submitted')
    await expect(returnReport(db, 'r1', CLERK, '请修改', 2100)).rejects.toThrow(/只有审核人/)
    await returnReport(db, 'r1', LEADER, '请补充巡查次数', 3000)
    const state = await getReviewState(db, 'r1')
    expect(state.lastReturn?.opinion).toBe('请补充巡查次数')
    expect(state.lastReviewedVersionId).toBe(v1.id)

    // The leader's suggestion is pending: approval is refused until it is settled.
    await setBody(db, first, [t('全年开展'), t('日常', ins('x1')), t('巡查。')])
    await submitReport(db, 'r1', CLERK, 4000)
    await expect(approveReport(db, 'r1', LEADER, '同意', 4500)).rejects.toThrow(/1 处修订/)
    // While submitted the clerk cannot settle it; the leader withdraws it (rejects).
    await expect(setBody(db, first, [t('全年开展日常巡查。')])).rejects.toThrow(/正在审核中/)
    await setBody(db, first, [t('全年开展巡查。')], 'leader')
    const hash = await approveReport(db, 'r1', LEADER, '同意报送', 5000)
    const approved = await getReviewState(db, 'r1')
    expect(approved.approval).toMatchObject({ by: LEADER, at: 5000, opinion: '同意报送', contentHash: hash })

    const platform = fakePlatform()
    const result = await exportWordForStatus('r1', CLERK, { db, platform, now: () => 6000 })
    expect(result.status).toBe('saved')
    expect((await getReport(db, 'r1'))?.status).toBe('sent')
    const record = (await getReviewState(db, 'r1')).exports[0]
    expect(record.sha256).toBe(createHash('sha256').update(platform.saved[0].data).digest('hex'))
    expect(record.fileName).toBe(platform.saved[0].suggestedName)

    const log = await listAudit(db, 'r1')
    expect(log.map((e) => e.action)).toEqual(['submit', 'return', 'submit', 'approve', 'export'])
    expect(log.map((e) => e.name)).toEqual(['王小明', '李主任', '王小明', '李主任', '王小明'])
    expect(log[4].detail.sha256).toBe(record.sha256)
    expect(await verifyChain(log)).toEqual({ ok: true, count: 5 })
    expect((await listVersions(db, 'r1')).map((v) => v.kind).sort()).toEqual(['approved', 'submit', 'submit'])
  })

  it('refuses to export text that changed after approval, and reopening is recorded', async () => {
    const { db, first } = await seeded()
    await setBody(db, first, [t('原文。')])
    await submitReport(db, 'r1', CLERK, 2000)
    await approveReport(db, 'r1', LEADER, '同意', 3000)
    // The lock refuses the change; a write behind it (raw IndexedDB) is caught by the export.
    await expect(setBody(db, first, [t('改过的原文。')])).rejects.toThrow(/已审核通过/)
    await forceBody(db, first, [t('改过的原文。')])
    await expect(exportApproved('r1', CLERK, { db, platform: fakePlatform() })).rejects.toThrow(/不一致/)
    await expect(reopenReport(db, 'r1', CLERK, '要改', 3500)).rejects.toThrow(ReviewError)
    await reopenReport(db, 'r1', LEADER, '数据有更新', 4000)
    expect((await getReport(db, 'r1'))?.status).toBe('draft')
    expect((await getReviewState(db, 'r1')).approval).toBeUndefined()
    expect((await listAudit(db, 'r1')).at(-1)).toMatchObject({ action: 'reopen', name: '李主任', detail: { reason: '数据有更新' } })
  })

  it('restores a version after keeping the current text as a version', async () => {
    const { db, first } = await seeded()
    await setBody(db, first, [t('第一稿。')])
    const v = await saveNamedVersion(db, 'r1', CLERK, '第一稿', 2000)
    await setBody(db, first, [t('第二稿。')])
    await restoreVersion(db, 'r1', v.id, CLERK, 3000)
    const report = (await getReport(db, 'r1'))!
    const sections = await loadSections(db, report)
    expect(JSON.stringify(sections)).toContain('第一稿。')
    const versions = await listVersions(db, 'r1')
    const kept = versions.find((x) => x.kind === 'before-restore')!
    expect(JSON.stringify((await getVersion(db, kept.id))?.sections)).toContain('第二稿。')
    expect((await listAudit(db, 'r1')).map((e) => e.action)).toEqual(['version', 'restore'])
    await expect(saveNamedVersion(db, 'r1', CLERK, '  ', 4000)).rejects.toThrow(/名称/)
  })
})

describe('review copy in Word', () => {
  it('has the open comment (with its reply) as a Word comment and the suggestions as tracked changes', async () => {
    const { db, first } = await seeded()
    await setBody(db, first, [t('全年开展'), t('日常', ins('s1')), t('巡查', comment('c1')), t('工作', del('s2')), t('。')])
    await putComment(db, {
      id: 'c1',
      reportId: 'r1',
      anchorText: '巡查',
      status: 'open',
      author: LEADER,
      text: '请写明巡查次数',
      createdAt: 1500,
      updatedAt: 1500,
      replies: [{ id: 'r', author: CLERK, text: '已补充', at: 1600 }],
      orphaned: false
    })
    await putComment(db, { id: 'c2', reportId: 'r1', anchorText: 'x', status: 'resolved', author: LEADER, text: '已解决的批注', createdAt: 1, updatedAt: 1, replies: [], orphaned: false })
    const platform = fakePlatform()
    const result = await exportReviewCopy('r1', LEADER, { db, platform, now: () => 7000 })
    expect(result.status).toBe('saved')
    expect(platform.saved[0].suggestedName).toMatch(/（审核稿）\.docx$/)
    const zip = await JSZip.loadAsync(platform.saved[0].data)
    const document = await zip.file('word/document.xml')!.async('string')
    const comments = await zip.file('word/comments.xml')!.async('string')
    expect(document).toMatch(/<w:ins [^>]*w:author="李主任"[^>]*>[\s\S]*?日常[\s\S]*?<\/w:ins>/)
    expect(document).toMatch(/<w:del [^>]*w:author="李主任"[^>]*>[\s\S]*?<w:delText[^>]*>工作<\/w:delText>[\s\S]*?<\/w:del>/)
    expect(document).toMatch(/<w:commentRangeStart w:id="0"\/>[\s\S]*?巡查[\s\S]*?<w:commentRangeEnd w:id="0"\/>/)
    expect(comments).toContain('请写明巡查次数')
    expect(comments).toContain('已补充')
    expect(comments).not.toContain('已解决的批注')
    expect((await getReport(db, 'r1'))?.status).toBe('draft')
    expect((await getReviewState(db, 'r1')).exports[0]).toMatchObject({ kind: 'review' })
  })

  it('the normal export has neither comments nor tracked changes, and shows the text without pending suggestions', async () => {
    const { db, first } = await seeded()
    await setBody(db, first, [t('全年开展'), t('日常', ins('s1')), t('巡查', comment('c1')), t('工作', del('s2')), t('。')])
    const platform = fakePlatform()
    await exportWordForStatus('r1', CLERK, { db, platform })
    const zip = await JSZip.loadAsync(platform.saved[0].data)
    const document = await zip.file('word/document.xml')!.async('string')
    expect(zip.file('word/comments.xml')).toBeNull()
    expect(document).not.toMatch(/<w:(ins|del|commentRangeStart)\b/)
    expect(document.replace(/<[^>]+>/g, '')).toContain('全年开展巡查工作。')
  })
})
