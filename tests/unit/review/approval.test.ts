// What an approval covers (core/review/approval.ts, services/approval.ts): the hash names the
// resolved output — changing any one part that reaches the exported files changes it, a part
// that does not reach them (a comment anchor) does not — and the exports of an approved report
// resolve from the snapshot frozen at approval: last year's report changing afterwards does not
// change the output, a report changed behind the lock is refused with what changed, and the
// PDF export is checked and recorded like the Word one.
import 'fake-indexeddb/auto'
import Dexie from 'dexie'
import JSZip from 'jszip'
import { createHash } from 'node:crypto'
import { afterEach, describe, expect, it } from 'vitest'
import type { InlineJSON, Report, SectionJSON } from '@core/report'
import type { MetricValue } from '@core/template'
import { RULE_OF_LAW_TEMPLATE } from '@core/templates'
import { createReportFromTemplate } from '@core/report-factory'
import { approvedOutput, outputHash, takeSnapshot, type ApprovalSnapshot } from '@core/review/approval'
import type { Person } from '@core/review/threads'
import { HuibaoDatabase, createReport, saveMetricValue, saveSections } from '../../../src-renderer/src/db/database'
import { getReviewState, listAudit, writeReview } from '../../../src-renderer/src/db/review'
import { approveReport, submitReport } from '../../../src-renderer/src/services/review'
import { ApprovalMismatchError, verifyApproved } from '../../../src-renderer/src/services/approval'
import { exportApproved, exportPdfForStatus } from '../../../src-renderer/src/services/review-export'
import { loadPrintable } from '../../../src-renderer/src/services/printable'
import type { Platform, PrintToPdfRequest, SaveFileOptions } from '../../../src-renderer/src/platform/platform'
import { comment, t } from './fixtures'

const TEMPLATE = RULE_OF_LAW_TEMPLATE
const PATROLS = 'enforcement.patrols'
const CLERK: Person = { role: 'clerk', name: '王小明' }
const LEADER: Person = { role: 'leader', name: '李主任' }

const opened: HuibaoDatabase[] = []
let counter = 0
afterEach(async () => {
  for (const db of opened.splice(0)) {
    db.close()
    await Dexie.delete(db.name)
  }
})

const chip = (show?: 'yoy'): InlineJSON => ({ type: 'metric', attrs: show ? { metricId: PATROLS, show } : { metricId: PATROLS } })

/** A report whose first section cites the figure and its change since last year. */
function build(id: string, year: number, body: InlineJSON[]) {
  let n = 0
  const made = createReportFromTemplate(
    TEMPLATE,
    { organs: ['甲镇人民政府'], addressee: '乙县人民政府', year, date: `${year + 1}-01-15`, title: '' },
    { reportId: id, newSectionId: () => `${id}-s${++n}`, now: 1000 }
  )
  const first = made.doc.content[1] as SectionJSON
  const edited: SectionJSON = { ...first, content: [first.content[0], { type: 'paragraph', content: body }] }
  const sections = made.doc.content.map((b) => (b.attrs.id === first.attrs.id ? edited : b))
  return { report: made.report, sections, values: made.values, first: edited }
}

function baseSnapshot(): ApprovalSnapshot {
  const { report, sections, values } = build('r1', 2024, [t('全年开展日常巡查'), chip(), t('，'), chip('yoy'), t('。')])
  const linked: Report = { ...report, previousReportId: 'r0' }
  const withValue = values.map((v) => (v.metricId === PATROLS ? { ...v, value: 120 } : v))
  return takeSnapshot(linked, { meta: report.meta, sections, values: withValue }, [{ metricId: PATROLS, value: 100, qualifier: '' }])
}

const hashOf = (s: ApprovalSnapshot) => outputHash(approvedOutput(s, TEMPLATE))

describe('the approval hash covers what is exported, part by part', () => {
  const changes: Array<[string, (s: ApprovalSnapshot) => void]> = [
    ['text', (s) => ((s.sections[1] as SectionJSON).content[1] = { type: 'paragraph', content: [t('全年开展巡查。')] })],
    ['a figure', (s) => (s.values.find((v) => v.metricId === PATROLS)!.value = 999)],
    ['a qualifier', (s) => (s.values.find((v) => v.metricId === PATROLS)!.qualifier = '余')],
    ['last year’s figure (同比 input)', (s) => (s.previousValues = [{ metricId: PATROLS, value: 60, qualifier: '' }])],
    ['the title', (s) => (s.meta = { ...s.meta, title: '另一个标题' })],
    ['成文日期', (s) => (s.meta = { ...s.meta, date: '2025-02-01' })],
    ['排版方案', (s) => (s.layout = { profileId: 'practice' })],
    ['落款方式', (s) => (s.layout = { signatureRule: 'with-seal' })],
    ['附指标汇总表', (s) => (s.layout = { metricTable: true })],
    ['附件', (s) => (s.layout = { attachments: [{ id: 'a', title: '登记表', paragraphs: ['按月登记。'] }] })]
  ]

  it('the snapshot resolves to the figure and the change since last year', () => {
    const text = JSON.stringify(approvedOutput(baseSnapshot(), TEMPLATE).resolved)
    expect(text).toContain('120次')
    expect(text).toContain('同比增长20%')
  })

  for (const [part, change] of changes) {
    it(`changing ${part} changes the hash`, async () => {
      const base = baseSnapshot()
      const changed = structuredClone(base)
      change(changed)
      expect(await hashOf(changed)).not.toBe(await hashOf(base))
    })
  }

  it('a comment anchor (never exported) does not change it; the same snapshot always hashes the same', async () => {
    const base = baseSnapshot()
    const commented = structuredClone(base)
    ;(commented.sections[1] as SectionJSON).content[1] = { type: 'paragraph', content: [t('全年开展'), t('日常巡查', comment('c1')), chip(), t('，'), chip('yoy'), t('。')] }
    expect(await hashOf(commented)).toBe(await hashOf(base))
    expect(await hashOf(structuredClone(base))).toBe(await hashOf(base))
  })
})

// ---- through storage -------------------------------------------------------------------------

function fakePlatform(): Platform & { saved: SaveFileOptions[]; printed: PrintToPdfRequest[] } {
  const saved: SaveFileOptions[] = []
  const printed: PrintToPdfRequest[] = []
  return {
    kind: 'electron',
    saved,
    printed,
    async saveFile(req) {
      saved.push(req)
      return { status: 'saved', path: `/docs/${req.suggestedName}` }
    },
    async getAppInfo() {
      return null
    },
    async printToPdf(req) {
      printed.push(req)
      return { status: 'saved', path: `/docs/${req.suggestedName}`, sha256: 'cd'.repeat(32) }
    }
  }
}

async function documentXml(data: Uint8Array): Promise<string> {
  return (await JSZip.loadAsync(data)).file('word/document.xml')!.async('string')
}

/** Last year's report (日常巡查 100) and this year's, linked, citing 120 and the change. */
async function approvedPair(): Promise<HuibaoDatabase> {
  const db = new HuibaoDatabase(`huibao-approval-${process.pid}-${++counter}`)
  opened.push(db)
  const last = build('r0', 2023, [t('全年巡查。')])
  await createReport(db, last.report, last.sections, last.values)
  await saveMetricValue(db, 'r0', { metricId: PATROLS, value: 100, qualifier: '' })
  const now = build('r1', 2024, [t('全年开展日常巡查'), chip(), t('，'), chip('yoy'), t('。')])
  await createReport(db, { ...now.report, previousReportId: 'r0' }, now.sections, now.values)
  await saveMetricValue(db, 'r1', { metricId: PATROLS, value: 120, qualifier: '' })
  await submitReport(db, 'r1', CLERK, 2000)
  await approveReport(db, 'r1', LEADER, '同意', 3000)
  return db
}

describe('exports of an approved report', () => {
  it('last year’s report changing after approval does not change the Word file, the PDF pages or the hash', async () => {
    const db = await approvedPair()
    const before = await verifyApproved(db, 'r1')
    await saveMetricValue(db, 'r0', { metricId: PATROLS, value: 60, qualifier: '' })
    const platform = fakePlatform()
    const word = await exportApproved('r1', CLERK, { db, platform, now: () => 4000 })
    expect(word.status).toBe('saved')
    const xml = await documentXml(platform.saved[0].data)
    expect(xml).toContain('同比增长20%')
    expect(xml).not.toContain('同比增长100%')
    expect((await verifyApproved(db, 'r1')).outputHash).toBe(before.outputHash)
    // The print view (the PDF) and the page view read the same frozen snapshot.
    const printable = await loadPrintable('r1', { db })
    expect(JSON.stringify(printable.resolved)).toContain('同比增长20%')
  })

  it('导出PDF is checked and recorded like 导出Word: file name, time, SHA-256, format, 已报送', async () => {
    const db = await approvedPair()
    const platform = fakePlatform()
    const result = await exportPdfForStatus('r1', CLERK, { db, platform, now: () => 5000 })
    expect(result.status).toBe('saved')
    expect(platform.printed).toHaveLength(1)
    expect(result.record).toMatchObject({ kind: 'approved', format: 'pdf', at: 5000, sha256: 'cd'.repeat(32), fileName: platform.printed[0].suggestedName })
    expect((await db.reports.get('r1'))?.status).toBe('sent')
    expect((await getReviewState(db, 'r1')).exports.at(-1)).toEqual(result.record)
    const entry = (await listAudit(db, 'r1')).at(-1)!
    expect(entry).toMatchObject({ action: 'export', detail: { kind: 'approved', format: 'pdf', sha256: 'cd'.repeat(32) } })
    expect(entry.detail.outputHash).toBe((await getReviewState(db, 'r1')).approval?.outputHash)

    // Word afterwards: its own record with the hash of the bytes saved.
    const word = await exportApproved('r1', CLERK, { db, platform, now: () => 6000 })
    expect(word.record?.sha256).toBe(createHash('sha256').update(platform.saved[0].data).digest('hex'))
    expect(word.record?.format).toBe('docx')
  })

  it('a report changed behind the lock is refused by both exports, listing what changed; nothing is recorded', async () => {
    const db = await approvedPair()
    // Writes that bypass the data layer's guard (raw IndexedDB), as tampering or a bug would.
    await db.metricValues.put({ reportId: 'r1', metricId: PATROLS, value: 999, qualifier: '余', updatedAt: 1 })
    await db.reports.update('r1', { layout: { profileId: 'practice', attachments: [{ id: 'a', title: '后加', paragraphs: ['x'] }] } })
    const platform = fakePlatform()
    const word = exportApproved('r1', CLERK, { db, platform })
    await expect(word).rejects.toBeInstanceOf(ApprovalMismatchError)
    await expect(word).rejects.toThrow(/指标：日常巡查次数 120次 → 999余次；排版方案：GB\/T 9704 标准 → .+；附件/)
    await expect(exportPdfForStatus('r1', CLERK, { db, platform })).rejects.toThrow(/自审核通过以来改动了：指标：日常巡查次数/)
    await expect(loadPrintable('r1', { db })).rejects.toThrow(/自审核通过以来改动了/)
    expect(platform.saved).toHaveLength(0)
    expect(platform.printed).toHaveLength(0)
    expect((await db.reports.get('r1'))?.status).toBe('approved')
    expect((await listAudit(db, 'r1')).map((e) => e.action)).toEqual(['submit', 'approve'])
  })

  it('a tampered approved version (same live report) fails the output hash', async () => {
    const db = await approvedPair()
    const state = await getReviewState(db, 'r1')
    const content = (await db.versionContent.get(state.approval!.versionId))!
    await db.versionContent.put({ ...content, values: content.values.map((v) => (v.metricId === PATROLS ? { ...v, value: 999 } : v)) })
    await db.metricValues.put({ reportId: 'r1', metricId: PATROLS, value: 999, qualifier: '', updatedAt: 1 })
    await expect(exportApproved('r1', CLERK, { db, platform: fakePlatform() })).rejects.toThrow(/校验值.*不符/)
  })
})

describe('approvals from before snapshots', () => {
  async function legacy(): Promise<HuibaoDatabase> {
    const db = await approvedPair()
    const state = await getReviewState(db, 'r1')
    const { outputHash: _h, frozen: _f, ...old } = state.approval!
    await db.reviewState.put({ ...state, approval: old })
    return db
  }

  it('are checked the old way, frozen at their first export, and held from then on', async () => {
    const db = await legacy()
    const platform = fakePlatform()
    await exportApproved('r1', CLERK, { db, platform, now: () => 7000 })
    const approval = (await getReviewState(db, 'r1')).approval!
    expect(approval.outputHash).toMatch(/^[0-9a-f]{64}$/)
    expect(approval.frozen?.previousValues?.find((v) => v.metricId === PATROLS)).toEqual({ metricId: PATROLS, value: 100, qualifier: '' } satisfies MetricValue)
    expect(approval.frozenAtExport).toBe(7000)
    expect((await listAudit(db, 'r1')).at(-1)?.detail.frozenAtExport).toBe(7000)
    // Last year changes afterwards: the second export still says 20%.
    await saveMetricValue(db, 'r0', { metricId: PATROLS, value: 60, qualifier: '' })
    await exportApproved('r1', CLERK, { db, platform, now: () => 8000 })
    expect(await documentXml(platform.saved[1].data)).toContain('同比增长20%')
  })

  it('refuse text changed since the approval, naming the section', async () => {
    const db = await legacy()
    const rows = await db.sections.where('reportId').equals('r1').toArray()
    const first = rows.find((r) => r.json.type === 'section')!
    await db.sections.put({ ...first, json: { ...(first.json as SectionJSON), content: [(first.json as SectionJSON).content[0], { type: 'paragraph', content: [t('改过。')] }] } })
    await expect(exportApproved('r1', CLERK, { db, platform: fakePlatform() })).rejects.toThrow(/正文：“/)
  })
})

describe('the lock and the approval together', () => {
  it('a guarded write after approval is refused, so the export still matches', async () => {
    const db = await approvedPair()
    const section = (await db.sections.where('reportId').equals('r1').toArray()).find((r) => r.json.type === 'section')!
    await expect(saveSections(db, 'r1', { changed: [{ ...(section.json as SectionJSON), content: [(section.json as SectionJSON).content[0], { type: 'paragraph', content: [t('改。')] }] }], removedIds: [], order: null })).rejects.toThrow(/已审核通过/)
    await expect(writeReview(db, { reportId: 'r1', restore: { meta: (await db.reports.get('r1'))!.meta, sections: [], values: [] }, audit: { reportId: 'r1', at: 1, role: 'clerk', name: '王小明', action: 'restore', detail: {} } })).rejects.toThrow(/已审核通过/)
    await expect(exportApproved('r1', CLERK, { db, platform: fakePlatform() })).resolves.toMatchObject({ status: 'saved' })
  })
})
