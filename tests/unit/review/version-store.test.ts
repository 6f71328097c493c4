// Compact versions (schema v5): a version is stored as its metadata, a content row and only the
// sections no earlier version of the report had. Every version reconstructs byte for byte as
// saved (property over random edit sequences, restores included); listing reads metadata only;
// a v4 database and a v4 backup come up with every version intact; an approved report keeps
// verifying across the upgrade and a backup round trip, and a changed stored section is caught.
import '../backup/node-shims'
import Dexie, { type DBCore, type Middleware } from 'dexie'
import fc from 'fast-check'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, describe, expect, it } from 'vitest'
import type { BlockJSON, InlineJSON, SectionJSON } from '@core/report'
import { RULE_OF_LAW_TEMPLATE } from '@core/templates'
import { createReportFromTemplate } from '@core/report-factory'
import type { Person } from '@core/review/threads'
import type { ReportContent, VersionSnapshot } from '@core/review/versions'
import {
  HuibaoDatabase,
  SCHEMA_VERSIONS,
  createReport,
  declareSchema,
  getReport,
  loadSections,
  moveToRecycleBin,
  purgeReport,
  saveMetricValue,
  saveSections,
  setDatabase,
  updateReport
} from '../../../src-renderer/src/db/database'
import { getVersion, listVersions, loadContent } from '../../../src-renderer/src/db/review'
import { createBackup, readBackup, restoreBackup } from '../../../src-renderer/src/db/backup'
import { approveReport, restoreVersion, saveNamedVersion, submitReport } from '../../../src-renderer/src/services/review'
import { APPROVED_VERSION_MISMATCH, verifyApproved } from '../../../src-renderer/src/services/approval'
import { loadComparison } from '../../../src-renderer/src/services/compare'
import { useReviewStore } from '../../../src-renderer/src/stores/review'
import { RARE_TEXT } from '../backup/helpers'
import { comment, ins, t } from './fixtures'

const CLERK: Person = { role: 'clerk', name: '王小明' }
const LEADER: Person = { role: 'leader', name: '李主任' }
const PATROLS = 'enforcement.patrols'

const opened: Dexie[] = []
let counter = 0
function fresh(middleware?: Middleware<DBCore>): HuibaoDatabase {
  const db = new HuibaoDatabase(`huibao-version-store-${process.pid}-${++counter}`)
  if (middleware) db.use(middleware)
  opened.push(db)
  return db
}
afterEach(async () => {
  setDatabase(null)
  for (const db of opened.splice(0)) {
    db.close()
    await Dexie.delete(db.name)
  }
})

/** A report made from the built-in template, its first section citing the patrol figure. */
function build(id: string) {
  let n = 0
  const made = createReportFromTemplate(
    RULE_OF_LAW_TEMPLATE,
    { organs: ['甲镇人民政府'], addressee: '乙县人民政府', year: 2024, date: '2025-01-15', title: '' },
    { reportId: id, newSectionId: () => `${id}-s${++n}`, now: 1000 }
  )
  const sections = made.doc.content.map((b, i): BlockJSON => {
    if (b.type !== 'section') return b
    const para: InlineJSON[] = i === 1 ? [t(`全年开展日常巡查${RARE_TEXT}`), { type: 'metric', attrs: { metricId: PATROLS } }, t('。')] : [t(`第${i}节的正文。`)]
    return { ...b, content: [b.content[0], { type: 'paragraph', content: para }] }
  })
  return { report: { ...made.report, sectionOrder: sections.map((s) => s.attrs.id) }, sections, values: made.values }
}

async function seeded(db: HuibaoDatabase, id = 'r1') {
  const made = build(id)
  await createReport(db, made.report, made.sections, made.values)
  await saveMetricValue(db, id, { metricId: PATROLS, value: 120, qualifier: '余' })
  return made
}

const contentJSON = (c: ReportContent) => JSON.stringify({ meta: c.meta, sections: c.sections, values: c.values })
const withoutContent = ({ meta: _m, sections: _s, values: _v, ...rest }: VersionSnapshot) => rest

function withParagraph(section: BlockJSON, text: string): BlockJSON {
  const s = section as SectionJSON
  return { ...s, content: [s.content[0], { type: 'paragraph', content: [t(text)] }] }
}

describe('saving, listing, reading', () => {
  it('a version after one edit adds only that section; both read back exactly as saved', async () => {
    const db = fresh()
    const made = await seeded(db)
    const v1 = await saveNamedVersion(db, 'r1', CLERK, '初稿', 2000)
    const blocksAfterV1 = await db.versionBlocks.count()
    expect(blocksAfterV1).toBe(made.sections.length)

    const edited = withParagraph(made.sections[2], '改写后的第二节，加了一句。')
    await saveSections(db, 'r1', { changed: [edited], removedIds: [], order: null }, 2500)
    const v2 = await saveNamedVersion(db, 'r1', CLERK, '改第二节', 3000)
    expect(await db.versionBlocks.count()).toBe(blocksAfterV1 + 1)

    // The listing is metadata: no content fields, newest first, sizes recorded.
    const listed = await listVersions(db, 'r1')
    expect(listed.map((v) => v.label)).toEqual(['改第二节', '初稿'])
    for (const v of listed) expect(Object.keys(v)).not.toContain('sections')
    expect(listed[0].size!.content).toBeGreaterThan(0)
    expect(listed[0].size!.stored).toBeLessThan(listed[1].size!.stored)

    for (const saved of [v1, v2]) {
      const read = (await getVersion(db, saved.id))!
      expect(contentJSON(read)).toBe(contentJSON(saved))
      expect(withoutContent(read)).toMatchObject(withoutContent(saved))
    }
    expect(JSON.stringify((await getVersion(db, v2.id))!.sections[2])).toContain('改写后的第二节')
    expect(JSON.stringify((await getVersion(db, v1.id))!.sections[2])).not.toContain('改写后的第二节')
  })

  it('the comparison of two stored versions shows the edited paragraph and the figure', async () => {
    const db = fresh()
    const made = await seeded(db)
    const v1 = await saveNamedVersion(db, 'r1', CLERK, '初稿', 2000)
    await saveSections(db, 'r1', { changed: [withParagraph(made.sections[2], '新的第二节。')], removedIds: [], order: null }, 2500)
    await saveMetricValue(db, 'r1', { metricId: PATROLS, value: 126, qualifier: '' })
    const v2 = await saveNamedVersion(db, 'r1', CLERK, '改后', 3000)
    const { diff } = await loadComparison('r1', v1.id, v2.id, db)
    const changed = diff.blocks.filter((b) => b.status !== 'same')
    // Section 1 cites the figure (its chip reads differently), section 2 was rewritten.
    expect(changed.map((b) => b.id)).toEqual([made.sections[1].attrs.id, made.sections[2].attrs.id])
    expect(changed[1].parts.filter((p) => p.kind === 'ins').map((p) => p.text).join('')).toContain('新的')
    expect(diff.metrics.map((m) => `${m.before} → ${m.after}`)).toEqual(['120余次 → 126次'])
  })

  it('listing (db, and the review store the versions page uses) reads no version content', async () => {
    const reads: string[] = []
    const spy: Middleware<DBCore> = {
      stack: 'dbcore',
      name: 'read-spy',
      create: (down) => ({
        ...down,
        table: (name) => {
          const table = down.table(name)
          return {
            ...table,
            get: (req) => (reads.push(name), table.get(req)),
            getMany: (req) => (reads.push(name), table.getMany(req)),
            query: (req) => (reads.push(name), table.query(req)),
            openCursor: (req) => (reads.push(name), table.openCursor(req)),
            count: (req) => (reads.push(name), table.count(req))
          }
        }
      })
    }
    const db = fresh(spy)
    const made = await seeded(db)
    for (let i = 0; i < 3; i++) {
      await saveSections(db, 'r1', { changed: [withParagraph(made.sections[1 + i], `第${i}次修改。`)], removedIds: [], order: null }, 2000 + i)
      await saveNamedVersion(db, 'r1', CLERK, `第${i + 1}版`, 3000 + i)
    }
    setDatabase(db)
    setActivePinia(createPinia())
    reads.length = 0
    expect(await listVersions(db, 'r1')).toHaveLength(3)
    const review = useReviewStore()
    await review.load('r1', { versions: true })
    expect(review.versions.map((v) => v.label)).toEqual(['第3版', '第2版', '第1版'])
    expect(reads).toContain('versions')
    expect(reads.filter((n) => n === 'versionContent' || n === 'versionBlocks')).toEqual([])
    // Control: reading one version does touch its content.
    await getVersion(db, review.versions[0].id)
    expect(reads).toContain('versionBlocks')
  })

  it('destroying a report removes its version content and leaves other reports’ versions readable', async () => {
    const db = fresh()
    await seeded(db, 'r1')
    await seeded(db, 'r2')
    await saveNamedVersion(db, 'r1', CLERK, '甲', 2000)
    const kept = await saveNamedVersion(db, 'r2', CLERK, '乙', 2000)
    await moveToRecycleBin(db, 'r1')
    await purgeReport(db, 'r1')
    expect(await db.versionContent.where('reportId').equals('r1').count()).toBe(0)
    expect(await db.versionBlocks.where('reportId').equals('r1').count()).toBe(0)
    expect(contentJSON((await getVersion(db, kept.id))!)).toBe(contentJSON(kept))
  })
})

// ---- property: random edit sequences -------------------------------------------------------

type Op =
  | { kind: 'edit'; at: number; text: string }
  | { kind: 'add'; at: number; text: string }
  | { kind: 'remove'; at: number }
  | { kind: 'move'; from: number; to: number }
  | { kind: 'value'; value: number; qualifier: '' | '余' }
  | { kind: 'title'; text: string }
  | { kind: 'restore'; back: number }
  | { kind: 'nothing' }

const text = fc.oneof(fc.string({ minLength: 1, maxLength: 20 }), fc.string({ unit: 'grapheme', minLength: 1, maxLength: 10 }), fc.constantFrom(RARE_TEXT, '全年开展巡查。', ''))
const op: fc.Arbitrary<Op> = fc.oneof(
  { arbitrary: fc.record({ kind: fc.constant('edit' as const), at: fc.nat(), text }), weight: 4 },
  fc.record({ kind: fc.constant('add' as const), at: fc.nat(), text }),
  fc.record({ kind: fc.constant('remove' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('move' as const), from: fc.nat(), to: fc.nat() }),
  fc.record({ kind: fc.constant('value' as const), value: fc.integer({ min: 0, max: 10_000 }), qualifier: fc.constantFrom('' as const, '余' as const) }),
  fc.record({ kind: fc.constant('title' as const), text: fc.string({ minLength: 1, maxLength: 30 }).filter((s) => s.trim() !== '') }),
  fc.record({ kind: fc.constant('restore' as const), back: fc.nat() }),
  fc.constant({ kind: 'nothing' as const })
)

describe('every version reconstructs exactly (property)', () => {
  it('over random edits, restores and identical saves', async () => {
    let run = 0
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 8 }), async (ops) => {
        const db = fresh()
        await seeded(db)
        const saved: VersionSnapshot[] = []
        let now = 10_000 + ++run * 1000
        let nextId = 0
        for (const o of ops) {
          now += 10
          const report = (await getReport(db, 'r1'))!
          const sections = await loadSections(db, report)
          const body = sections.slice(1) // the preamble stays first
          if (o.kind === 'edit' && body.length) {
            await saveSections(db, 'r1', { changed: [withParagraph(body[o.at % body.length], o.text)], removedIds: [], order: null }, now)
          } else if (o.kind === 'add') {
            const added: SectionJSON = { type: 'section', attrs: { id: `new-${++nextId}`, level: 2, templateKey: null, required: false }, content: [{ type: 'sectionTitle', content: [t('新增')] }, { type: 'paragraph', content: [t(o.text || '空'), t('建议', ins('s1')), t('批注', comment('c1'))] }] }
            const order = sections.map((s) => s.attrs.id)
            order.splice(1 + (o.at % (body.length + 1)), 0, added.attrs.id)
            await saveSections(db, 'r1', { changed: [added], removedIds: [], order }, now)
          } else if (o.kind === 'remove' && body.length > 1) {
            const gone = body[o.at % body.length].attrs.id
            await saveSections(db, 'r1', { changed: [], removedIds: [gone], order: sections.map((s) => s.attrs.id).filter((id) => id !== gone) }, now)
          } else if (o.kind === 'move' && body.length > 1) {
            const ids = body.map((s) => s.attrs.id)
            const [moved] = ids.splice(o.from % ids.length, 1)
            ids.splice(o.to % (ids.length + 1), 0, moved)
            await saveSections(db, 'r1', { changed: [], removedIds: [], order: ['preamble', ...ids] }, now)
          } else if (o.kind === 'value') {
            await saveMetricValue(db, 'r1', { metricId: PATROLS, value: o.value, qualifier: o.qualifier }, now)
          } else if (o.kind === 'title') {
            await updateReport(db, 'r1', { meta: { ...report.meta, title: o.text } })
          } else if (o.kind === 'restore' && saved.length) {
            const target = saved[saved.length - 1 - (o.back % saved.length)]
            await restoreVersion(db, 'r1', target.id, CLERK, now)
            // The content kept before restoring is a version too.
            const kept = (await listVersions(db, 'r1')).find((v) => v.createdAt === now && v.kind === 'before-restore')!
            saved.push((await getVersion(db, kept.id))!)
            expect(contentJSON(await loadContent(db, (await getReport(db, 'r1'))!))).toBe(contentJSON(target))
            now += 10
          }
          saved.push(await saveNamedVersion(db, 'r1', CLERK, `第${saved.length + 1}版`, now))
        }
        expect((await listVersions(db, 'r1')).length).toBe(saved.length)
        for (const v of saved) {
          const read = (await getVersion(db, v.id))!
          expect(contentJSON(read)).toBe(contentJSON(v))
          expect(read).toMatchObject(withoutContent(v))
        }
        // Never more sections stored than were ever saved, and never fewer than the distinct ones.
        const distinct = new Set(saved.flatMap((v) => v.sections.map((s) => JSON.stringify(s))))
        expect(await db.versionBlocks.where('reportId').equals('r1').count()).toBe(distinct.size)
      }),
      { numRuns: 25 }
    )
  })
})

// ---- the upgrade from v4, backups, approval ------------------------------------------------

/**
 * A v4 database as the previous release left it: rows copied from `source`, each version as
 * the whole snapshot the v4 code stored (metadata and content in one row, no size).
 */
async function asV4(source: HuibaoDatabase, name: string): Promise<VersionSnapshot[]> {
  const v4 = new Dexie(name)
  declareSchema(v4, 4)
  await v4.open()
  const versions: VersionSnapshot[] = []
  for (const meta of await source.versions.toArray()) {
    // The v4 snapshot(): the content first, then the metadata fields.
    const { size: _size, meta: m, sections, values, ...rest } = (await getVersion(source, meta.id))!
    versions.push({ meta: m, sections, values, ...rest })
  }
  for (const table of ['reports', 'sections', 'metricValues', 'settings', 'templates', 'auditLog', 'comments', 'reviewState']) {
    await v4.table(table).bulkAdd(await source.table(table).toArray())
  }
  await v4.table('versions').bulkAdd(versions)
  v4.close()
  return versions
}

/** r1 submitted and approved (with a further draft version before), r2 with two versions. */
async function approvedDatabase(): Promise<HuibaoDatabase> {
  const db = fresh()
  const made = await seeded(db, 'r1')
  await saveNamedVersion(db, 'r1', CLERK, '初稿', 1500)
  await saveSections(db, 'r1', { changed: [withParagraph(made.sections[3], '送审前改过。')], removedIds: [], order: null }, 1600)
  await submitReport(db, 'r1', CLERK, 2000)
  await approveReport(db, 'r1', LEADER, '同意', 3000)
  const other = await seeded(db, 'r2')
  await saveNamedVersion(db, 'r2', CLERK, '乙一', 2000)
  await saveSections(db, 'r2', { changed: [withParagraph(other.sections[1], '乙改。')], removedIds: [], order: null }, 2100)
  await saveNamedVersion(db, 'r2', CLERK, '乙二', 2200)
  return db
}

async function expectSameVersions(db: HuibaoDatabase, expected: VersionSnapshot[]): Promise<void> {
  expect(expected.length).toBeGreaterThanOrEqual(5)
  for (const v of expected) {
    const read = (await getVersion(db, v.id))!
    expect(contentJSON(read)).toBe(contentJSON(v))
    expect(read).toMatchObject(withoutContent(v))
  }
}

describe('schema v5 upgrade', () => {
  it('is the next version after 4, adding the two content tables', () => {
    const tables = (n: number) => {
      const probe = new Dexie(`huibao-v5-probe-${n}`)
      declareSchema(probe, n)
      return probe.tables.map((t) => t.name)
    }
    expect(SCHEMA_VERSIONS.length).toBeGreaterThanOrEqual(5)
    expect(tables(4)).not.toContain('versionContent')
    expect(tables(5).filter((n) => !tables(4).includes(n)).sort()).toEqual(['versionBlocks', 'versionContent'])
  })

  it('opens a v4 database with versions in it: every version reads back identical, listed without content, and the approval still verifies', async () => {
    const source = await approvedDatabase()
    const before = await verifyApproved(source, 'r1')
    const name = `huibao-v4-${process.pid}-${++counter}`
    const stored = await asV4(source, name)
    // The v4 rows really are whole snapshots.
    const probe = new Dexie(name)
    declareSchema(probe, 4)
    expect(((await probe.table('versions').toArray()) as VersionSnapshot[]).every((v) => Array.isArray(v.sections) && v.sections.length > 5)).toBe(true)
    probe.close()

    const db = new HuibaoDatabase(name)
    opened.push(db)
    await db.open()
    expect(db.verno).toBe(SCHEMA_VERSIONS.length)
    await expectSameVersions(db, stored)
    for (const v of await db.versions.toArray()) expect(Object.keys(v).filter((k) => ['meta', 'sections', 'values'].includes(k))).toEqual([])
    expect((await listVersions(db, 'r2')).map((v) => v.label)).toEqual(['乙二', '乙一'])

    const after = await verifyApproved(db, 'r1')
    expect(after.outputHash).toBe(before.outputHash)
    // Upgraded versions restore, and new versions are saved in the compact form next to them.
    const r2old = stored.find((v) => v.label === '乙一')!
    await restoreVersion(db, 'r2', r2old.id, CLERK, 5000)
    expect(contentJSON(await loadContent(db, (await getReport(db, 'r2'))!))).toBe(contentJSON(r2old))
    const next = await saveNamedVersion(db, 'r2', CLERK, '升级后', 6000)
    expect(contentJSON((await getVersion(db, next.id))!)).toBe(contentJSON(r2old))
  })
})

describe('schema v5 upgrade, many versions', () => {
  it('converts every one of 45 versions of several reports (more than one slice), each identical', async () => {
    const name = `huibao-v4-many-${process.pid}-${++counter}`
    const v4 = new Dexie(name)
    declareSchema(v4, 4)
    await v4.open()
    const rows: VersionSnapshot[] = Array.from({ length: 45 }, (_, i) => {
      const sections: BlockJSON[] = [
        { type: 'preamble', attrs: { id: 'preamble' }, content: [{ type: 'paragraph', content: [t(`导语第${i}版${RARE_TEXT}`)] }] },
        withParagraph({ type: 'section', attrs: { id: 's1', level: 1, templateKey: null, required: false }, content: [{ type: 'sectionTitle', content: [t('做法')] }] }, `正文${i % 7}`)
      ]
      return { meta: { title: `报告${i % 3}`, issuingOrgans: ['甲镇人民政府'], addressee: '乙县人民政府', year: 2024, date: '2025-01-10' }, sections, values: [{ metricId: PATROLS, value: i, qualifier: '' }], id: `v${i}`, reportId: `r${i % 3}`, label: `第${i}版`, kind: 'manual', createdAt: 1000 + i, role: 'clerk', name: '王小明', contentHash: `h${i}` }
    })
    await v4.table('versions').bulkAdd(rows)
    v4.close()
    const db = new HuibaoDatabase(name)
    opened.push(db)
    await db.open()
    for (const v of rows) {
      const read = (await getVersion(db, v.id))!
      expect(contentJSON(read)).toBe(contentJSON(v))
      expect(read).toMatchObject(withoutContent(v))
    }
    expect((await listVersions(db, 'r1')).map((v) => v.label)).toEqual(rows.filter((v) => v.reportId === 'r1').reverse().map((v) => v.label))
  })
})

describe('versions are never deleted one by one', () => {
  it('the version store offers reading and listing only (sections are shared between versions)', async () => {
    const reviewDb = await import('../../../src-renderer/src/db/review')
    expect(Object.keys(reviewDb).filter((k) => /version/i.test(k)).sort()).toEqual(['getVersion', 'listVersions'])
  })
})

describe('backups', () => {
  it('a new backup restores every version exactly, and the approved report verifies with the same hash', async () => {
    const source = await approvedDatabase()
    const expected = await Promise.all((await source.versions.toArray()).map(async (m) => (await getVersion(source, m.id))!))
    const before = await verifyApproved(source, 'r1')
    const parsed = await readBackup(await createBackup(source, { appVersion: '0.1.0' }), { appVersion: '0.1.0' })
    expect(parsed.schemaVersion).toBe(SCHEMA_VERSIONS.length)
    const target = fresh()
    await target.open()
    await restoreBackup(target, parsed)
    await expectSameVersions(target, expected)
    expect((await verifyApproved(target, 'r1')).outputHash).toBe(before.outputHash)
  })

  it('an old (v4) backup without the new format restores with every version intact', async () => {
    const source = await approvedDatabase()
    const before = await verifyApproved(source, 'r1')
    const name = `huibao-v4-backup-${process.pid}-${++counter}`
    const stored = await asV4(source, name)
    const v4 = new Dexie(name)
    await v4.open()
    const bytes = await createBackup(v4, { appVersion: '0.1.0' })
    v4.close()
    await Dexie.delete(name)
    const parsed = await readBackup(bytes, { appVersion: '0.1.0' })
    expect(parsed.schemaVersion).toBe(4)
    const target = fresh()
    await target.open()
    await restoreBackup(target, parsed)
    await expectSameVersions(target, stored)
    expect((await verifyApproved(target, 'r1')).outputHash).toBe(before.outputHash)
  })
})

describe('integrity of shared sections', () => {
  it('a stored section changed behind the app’s back: the approval refuses and restoring refuses', async () => {
    const db = await approvedDatabase()
    const approval = (await db.reviewState.get('r1'))!.approval!
    const content = (await db.versionContent.get(approval.versionId))!
    const key = `r1/${content.blocks[2]}`
    const row = (await db.versionBlocks.get(key))!
    await db.versionBlocks.put({ ...row, json: withParagraph(row.json, '被改过的已审核文字。') })
    await expect(verifyApproved(db, 'r1')).rejects.toThrow(APPROVED_VERSION_MISMATCH)
    // The same section is shared by the draft version saved before it: restoring it is refused too.
    await db.reports.update('r1', { status: 'draft' })
    const draft = (await listVersions(db, 'r1')).find((v) => v.label === '初稿')!
    const draftContent = (await db.versionContent.get(draft.id))!
    expect(draftContent.blocks).toContain(content.blocks[2])
    await expect(restoreVersion(db, 'r1', draft.id, CLERK, 9000)).rejects.toThrow(/校验值不符/)
  })

  it('a missing section: the approved version is reported missing, not half-read', async () => {
    const db = await approvedDatabase()
    const approval = (await db.reviewState.get('r1'))!.approval!
    const content = (await db.versionContent.get(approval.versionId))!
    await db.versionBlocks.delete(`r1/${content.blocks[1]}`)
    await expect(verifyApproved(db, 'r1')).rejects.toThrow(/找不到审核通过时保存的版本/)
    await expect(getVersion(db, approval.versionId)).rejects.toThrow(/内容不完整/)
  })
})


describe('recorded sizes', () => {
  it('size.content is the UTF-8 length of the version’s content as JSON', async () => {
    const db = fresh()
    await seeded(db)
    const v = await saveNamedVersion(db, 'r1', CLERK, '初稿', 2000)
    const [listed] = await listVersions(db, 'r1')
    expect(listed.size!.content).toBe(new TextEncoder().encode(contentJSON(v)).length)
    expect(listed.size!.content).toBeGreaterThan(1000)
  })
})
