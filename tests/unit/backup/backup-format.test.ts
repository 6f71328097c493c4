// The backup file format through the real dexie-export-import and fake-indexeddb: round trip
// of Chinese text, and every refusal (foreign, damaged, newer) leaving the database untouched.
import './node-shims'
import Dexie from 'dexie'
import { afterEach, describe, expect, it } from 'vitest'
import {
  BACKUP_MESSAGES,
  BackupError,
  CURRENT_SCHEMA_VERSION,
  createBackup,
  createBackupBeforeOpen,
  readBackup,
  restoreBackup
} from '../../../src-renderer/src/db/backup'
import { HuibaoDatabase, declareSchema, loadSections, setSetting } from '../../../src-renderer/src/db/database'
import { RARE_TEXT, addReport, closeAll, freshDb } from './helpers'

afterEach(closeAll)

const encode = (value: unknown) => new TextEncoder().encode(typeof value === 'string' ? value : JSON.stringify(value))
const decode = (bytes: Uint8Array) => JSON.parse(new TextDecoder().decode(bytes))

/** Everything in the database, table by table, for before/after comparisons. */
async function snapshot(db: HuibaoDatabase) {
  return {
    reports: await db.reports.toArray(),
    sections: await db.sections.toArray(),
    metricValues: await db.metricValues.toArray(),
    settings: await db.settings.toArray()
  }
}

async function refusal(promise: Promise<unknown>): Promise<BackupError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e
  )
  expect(error).toBeInstanceOf(BackupError)
  return error as BackupError
}

describe('backup format', () => {
  it('round-trips every row, Chinese text with rare characters and emoji exactly', async () => {
    const source = freshDb()
    await addReport(source, 'r1', `梁洼镇2024年法治政府建设情况报告${RARE_TEXT}`, `正文：${RARE_TEXT}`)
    await addReport(source, 'r2', '第二份报告', '二〇二四年，全镇上下……')
    await setSetting(source, 'organ', '某某镇人民政府')
    const before = await snapshot(source)

    const bytes = await createBackup(source, { appVersion: '0.1.0', now: 1_764_000_000_000 })
    const target = freshDb()
    await addReport(target, 'other', '将被替换的报告', '旧内容')
    const parsed = await readBackup(bytes, { appVersion: '0.1.0' })
    await restoreBackup(target, parsed)

    expect(await snapshot(target)).toEqual(before)
    const report = await target.reports.get('r1')
    expect(report?.meta.title.endsWith(RARE_TEXT)).toBe(true)
    const sections = await loadSections(target, report!)
    expect(JSON.stringify(sections)).toContain(`正文：${RARE_TEXT}`)
    // The clerk-facing summary is right without touching any database.
    expect(parsed.reports.map((r) => [r.id, r.title, r.year, r.deleted])).toEqual(
      before.reports.map((r) => [r.id, r.meta.title, r.meta.year, false])
    )
    expect(parsed.createdAt).toBe(1_764_000_000_000)
  })

  it('writes the documented envelope around the dexie export', async () => {
    const db = freshDb()
    await addReport(db, 'r1', '报告甲', '内容')
    const file = decode(await createBackup(db, { appVersion: '0.1.0', now: 5 }))
    expect(file).toMatchObject({
      format: 'huibao-backup',
      formatVersion: 1,
      appVersion: '0.1.0',
      schemaVersion: CURRENT_SCHEMA_VERSION,
      createdAt: 5,
      summary: { reports: [{ id: 'r1', title: '报告甲', year: 2024, deleted: false }] },
      data: { formatName: 'dexie' }
    })
    expect(file.dataSha256).toMatch(/^[0-9a-f]{64}$/)
  })

  describe('refusals leave the current data untouched', () => {
    async function expectRefused(bytes: Uint8Array, kind: BackupError['kind']) {
      const db = freshDb()
      await addReport(db, 'keep', '必须保留的报告', RARE_TEXT)
      const before = await snapshot(db)
      const error = await refusal(readBackup(bytes, { appVersion: '0.1.0' }))
      expect(error.kind).toBe(kind)
      expect(error.message).toBe(BACKUP_MESSAGES[kind])
      expect(await snapshot(db)).toEqual(before)
    }

    async function validBackup(): Promise<Uint8Array> {
      const db = freshDb()
      await addReport(db, 'r1', '报告甲', RARE_TEXT)
      return createBackup(db, { appVersion: '0.1.0' })
    }

    it('refuses bytes that are not JSON as not a backup', async () => {
      await expectRefused(encode('PK\u0003\u0004 这是一个压缩包'), 'notBackup')
      await expectRefused(new Uint8Array([0xff, 0xfe, 0x00, 0x41]), 'notBackup')
    })

    it('refuses foreign JSON, including a bare dexie export', async () => {
      await expectRefused(encode({ hello: '世界' }), 'notBackup')
      await expectRefused(encode([1, 2, 3]), 'notBackup')
      const bare = decode(await validBackup()).data
      await expectRefused(encode(bare), 'notBackup')
    })

    it('refuses a truncated backup as damaged', async () => {
      const bytes = await validBackup()
      await expectRefused(bytes.subarray(0, Math.floor(bytes.length * 0.6)), 'damaged')
    })

    it('refuses a backup whose content was altered as damaged (checksum)', async () => {
      const file = decode(await validBackup())
      const reports = file.data.data.data.find((t: { tableName: string }) => t.tableName === 'reports')
      reports.rows[0].meta.title = '被改动的标题'
      file.summary.reports[0].title = '被改动的标题'
      await expectRefused(encode(file), 'damaged')
    })

    it('refuses a backup missing a table or with a wrong summary as damaged', async () => {
      const file = decode(await validBackup())
      const noSettings = structuredClone(file)
      noSettings.data.data.data = noSettings.data.data.data.filter((t: { tableName: string }) => t.tableName !== 'settings')
      await expectRefused(encode(noSettings), 'damaged')
      const noSummary = structuredClone(file)
      delete noSummary.summary
      await expectRefused(encode(noSummary), 'damaged')
    })

    it('refuses a newer formatVersion, schemaVersion or appVersion as newer', async () => {
      const file = decode(await validBackup())
      await expectRefused(encode({ ...file, formatVersion: 2 }), 'newer')
      await expectRefused(encode({ ...file, schemaVersion: CURRENT_SCHEMA_VERSION + 1 }), 'newer')
      await expectRefused(encode({ ...file, appVersion: '9.0.0' }), 'newer')
    })
  })

  it('restores all or nothing: a failure during the import keeps the current rows', async () => {
    const source = freshDb()
    await addReport(source, 'r1', '报告甲', '内容')
    const parsed = await readBackup(await createBackup(source, { appVersion: '0.1.0' }))
    // Two rows with one primary key: the import fails after the tables were cleared.
    const settings = parsed.data.data.data.find((t) => t.tableName === 'settings')!
    settings.rows.push({ key: 'dup', value: 1 }, { key: 'dup', value: 2 })

    const target = freshDb()
    await addReport(target, 'keep', '必须保留的报告', RARE_TEXT)
    const before = await snapshot(target)
    await expect(restoreBackup(target, parsed)).rejects.toThrow()
    expect(await snapshot(target)).toEqual(before)
  })

  it('restores a schema-1 backup through the real upgrade (deletedAt added)', async () => {
    const name = `huibao-backup-v1-${process.pid}`
    const old = new Dexie(name)
    declareSchema(old, 1)
    await old.open()
    await old.table('reports').add({
      id: 'old', templateId: 'rule-of-law', templateVersion: 1, status: 'draft', sectionOrder: ['preamble'],
      meta: { title: '旧版本的报告', issuingOrgans: ['某镇'], addressee: '某县', year: 2023, date: '2024-01-10' },
      createdAt: 1, updatedAt: 2
    })
    const bytes = await createBackup(old, { appVersion: '0.0.9' })
    old.close()
    await Dexie.delete(name)

    const parsed = await readBackup(bytes, { appVersion: '0.1.0' })
    expect(parsed.schemaVersion).toBe(1)
    const target = freshDb()
    await restoreBackup(target, parsed)
    expect(await target.reports.get('old')).toMatchObject({ meta: { title: '旧版本的报告' }, deletedAt: null })
  })

  it('backs up a database before it is opened with the new schema, without upgrading it', async () => {
    const name = `huibao-before-open-${process.pid}`
    expect(await createBackupBeforeOpen({ appVersion: '0.1.0' }, name)).toBeNull()
    const old = new Dexie(name)
    declareSchema(old, 1)
    await old.open()
    await old.table('settings').put({ key: 'k', value: RARE_TEXT })
    old.close()

    const bytes = await createBackupBeforeOpen({ appVersion: '0.2.0' }, name)
    const parsed = await readBackup(bytes!, { appVersion: '0.2.0' })
    expect(parsed.schemaVersion).toBe(1)
    expect(parsed.data.data.data.find((t) => t.tableName === 'settings')?.rows).toEqual([{ key: 'k', value: RARE_TEXT }])
    // Still at version 1 on disk: the backup did not upgrade anything.
    const probe = new Dexie(name)
    await probe.open()
    expect(probe.verno).toBe(1)
    probe.close()
    await Dexie.delete(name)
  })
})
