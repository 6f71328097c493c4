// The renderer services on top of the format: a restore backs up the current state first (and
// refuses to restore if it cannot), automatic backups follow main's answer, and recovery
// copies go out only for reports changed since their last copy.
import './node-shims'
import { afterEach, describe, expect, it } from 'vitest'
import type { AutoBackupStatus, RecoveryCopyInfo, WriteAutoBackupRequest } from '@contract/ipc'
import type { Platform, SaveFileOptions } from '../../../src-renderer/src/platform/platform'
import { readBackup } from '../../../src-renderer/src/db/backup'
import { createBackup } from '../../../src-renderer/src/db/backup'
import { renameReport } from '../../../src-renderer/src/db/database'
import {
  SAFETY_COPY_FAILED,
  backupToFile,
  inspectBackup,
  restoreFromBackup,
  runAutoBackup
} from '../../../src-renderer/src/services/backup'
import { RecoveryCopier, listRecoveryEntries, recoverReport } from '../../../src-renderer/src/services/recovery'
import { RARE_TEXT, addReport, closeAll, freshDb } from './helpers'

afterEach(closeAll)

interface FakeDesktop extends Platform {
  saved: SaveFileOptions[]
  autoWrites: WriteAutoBackupRequest[]
  copies: Map<string, string[]>
  status: AutoBackupStatus
}

function desktop(overrides: Partial<Platform> = {}): FakeDesktop {
  const fake: FakeDesktop = {
    kind: 'electron',
    saved: [],
    autoWrites: [],
    copies: new Map(),
    status: { due: true, reason: 'daily', folder: '/profile/huibao-data/backups', lastBackupAt: null, count: 0 },
    async saveFile(req) {
      fake.saved.push(req)
      return { status: 'saved', path: `/docs/${req.suggestedName}` }
    },
    async getAppInfo() {
      return { version: '0.1.0', dataPath: '/profile', platform: 'linux' }
    },
    async getAutoBackupStatus() {
      return fake.status
    },
    async writeAutoBackup(request) {
      fake.autoWrites.push(request)
      return { status: 'written', path: `/profile/huibao-data/backups/${request.reason}-${fake.autoWrites.length}.json` }
    },
    async writeRecoveryCopy(reportId, json) {
      fake.copies.set(reportId, [...(fake.copies.get(reportId) ?? []), json])
      return { fileName: `${fake.copies.get(reportId)!.length}.json` }
    },
    async listRecoveryCopies() {
      const list: RecoveryCopyInfo[] = []
      for (const [reportId, jsons] of fake.copies) {
        jsons.forEach((json, i) => {
          const copy = JSON.parse(json)
          list.push({ reportId, fileName: `${i + 1}.json`, title: copy.title, year: copy.year, updatedAt: copy.updatedAt, copiedAt: copy.copiedAt, bytes: json.length })
        })
      }
      return list.reverse()
    },
    async readRecoveryCopy(reportId, fileName) {
      return fake.copies.get(reportId)![Number(fileName.split('.')[0]) - 1]
    },
    ...overrides
  }
  return fake
}

describe('backup services', () => {
  it('备份到… saves the whole database as one .json file that reads back', async () => {
    const db = freshDb()
    await addReport(db, 'r1', `报告${RARE_TEXT}`, RARE_TEXT)
    const platform = desktop()
    expect(await backupToFile(db, platform)).toMatchObject({ status: 'saved' })
    const [saved] = platform.saved
    expect(saved.suggestedName).toMatch(/^汇报备份-\d{8}-\d{4}\.json$/)
    expect(saved.filters).toEqual([{ name: '汇报备份', extensions: ['json'] }])
    const parsed = await inspectBackup(saved.data, platform)
    expect(parsed.reports.map((r) => r.title)).toEqual([`报告${RARE_TEXT}`])
    expect(parsed.appVersion).toBe('0.1.0')
  })

  it('a restore first stores the current state (Electron: backups folder), then replaces it', async () => {
    const source = freshDb()
    await addReport(source, 'from-backup', '备份中的报告', '备份内容')
    const backup = await readBackup(await createBackup(source, { appVersion: '0.1.0' }))

    const db = freshDb()
    await addReport(db, 'current', '当前的报告', RARE_TEXT)
    const platform = desktop()
    const outcome = await restoreFromBackup(backup, db, platform)

    expect(platform.autoWrites.map((w) => w.reason)).toEqual(['before-restore'])
    const safety = await readBackup(platform.autoWrites[0].data)
    expect(safety.reports.map((r) => r.title)).toEqual(['当前的报告'])
    expect(outcome).toEqual({ safetyCopy: '/profile/huibao-data/backups/before-restore-1.json', reports: 1 })
    expect((await db.reports.toArray()).map((r) => r.id)).toEqual(['from-backup'])
  })

  it('in the browser the safety copy is a download', async () => {
    const source = freshDb()
    await addReport(source, 'b', '备份中的报告', '内容')
    const backup = await readBackup(await createBackup(source, { appVersion: '0.1.0' }))
    const db = freshDb()
    await addReport(db, 'current', '当前的报告', '内容')
    const platform = desktop({ kind: 'browser', writeAutoBackup: async () => null, getAppInfo: async () => null })
    const outcome = await restoreFromBackup(backup, db, platform)
    expect(platform.saved.map((s) => s.suggestedName)).toEqual([expect.stringMatching(/^汇报恢复前备份-.*\.json$/)])
    expect(outcome.safetyCopy).toBe(`/docs/${platform.saved[0].suggestedName}`)
  })

  it('does not restore when the current state cannot be backed up first', async () => {
    const source = freshDb()
    await addReport(source, 'b', '备份中的报告', '内容')
    const backup = await readBackup(await createBackup(source, { appVersion: '0.1.0' }))
    const db = freshDb()
    await addReport(db, 'current', '当前的报告', RARE_TEXT)
    const before = await db.reports.toArray()
    const platform = desktop({
      writeAutoBackup: async () => {
        throw new Error('无法写入备份：磁盘空间不足。请清理磁盘或换一个位置后重试。')
      }
    })
    await expect(restoreFromBackup(backup, db, platform)).rejects.toThrow(SAFETY_COPY_FAILED)
    expect(await db.reports.toArray()).toEqual(before)
  })

  it('automatic backup: written only when main says it is due; before-open only for an upgrade', async () => {
    const db = freshDb()
    await addReport(db, 'r1', '报告', '内容')
    const platform = desktop()
    const quiet = console.info
    console.info = () => {}
    try {
      expect(await runAutoBackup('before-open', platform, () => db)).toBeNull()
      expect(await runAutoBackup('after-open', platform, () => db)).toMatch(/daily-1\.json$/)
      expect((await readBackup(platform.autoWrites[0].data)).reports.map((r) => r.id)).toEqual(['r1'])
      platform.status = { ...platform.status, due: false, reason: null }
      expect(await runAutoBackup('after-open', platform, () => db)).toBeNull()
      expect(platform.autoWrites).toHaveLength(1)
    } finally {
      console.info = quiet
    }
  })
})

describe('recovery copies', () => {
  it('copies each report once, then only the ones changed since', async () => {
    const db = freshDb()
    await addReport(db, 'a', '报告甲', RARE_TEXT, 1000)
    await addReport(db, 'b', '报告乙', '内容', 1000)
    const platform = desktop()
    let now = 5000
    const copier = new RecoveryCopier(() => db, platform, () => now)

    expect(await copier.sweep()).toBe(2)
    expect(await copier.sweep()).toBe(0)
    await renameReport(db, 'b', '报告乙（修改）', 6000)
    now = 7000
    expect(await copier.sweep()).toBe(1)
    const latest = JSON.parse(platform.copies.get('b')!.at(-1)!)
    expect(latest).toMatchObject({ format: 'huibao-recovery', reportId: 'b', title: '报告乙（修改）', updatedAt: 6000, copiedAt: 7000 })
    expect(latest.sections).toHaveLength(2)
    expect(latest.metricValues).toEqual([expect.objectContaining({ reportId: 'b', metricId: 'm1' })])
  })

  it('after a restart, copies only what changed after the copies on disk', async () => {
    const db = freshDb()
    await addReport(db, 'a', '报告甲', '内容', 1000)
    await addReport(db, 'b', '报告乙', '内容', 1000)
    const platform = desktop()
    await new RecoveryCopier(() => db, platform).sweep()
    await renameReport(db, 'a', '报告甲（改）', 2000)
    const restarted = new RecoveryCopier(() => db, platform)
    expect(await restarted.sweep()).toBe(1)
    expect(platform.copies.get('a')).toHaveLength(2)
    expect(platform.copies.get('b')).toHaveLength(1)
  })

  it('retries a report whose copy failed on the next pass', async () => {
    const db = freshDb()
    await addReport(db, 'a', '报告甲', '内容', 1000)
    let fail = true
    const platform = desktop()
    const write = platform.writeRecoveryCopy!
    platform.writeRecoveryCopy = async (id, json) => {
      if (fail) throw new Error('磁盘空间不足')
      return write(id, json)
    }
    const copier = new RecoveryCopier(() => db, platform)
    const quiet = console.error
    console.error = () => {}
    try {
      expect(await copier.sweep()).toBe(0)
    } finally {
      console.error = quiet
    }
    fail = false
    expect(await copier.sweep()).toBe(1)
  })

  it('is a no-op in the browser platform', async () => {
    const db = freshDb()
    await addReport(db, 'a', '报告甲', '内容')
    const platform = desktop({ kind: 'browser' })
    expect(await new RecoveryCopier(() => db, platform).sweep()).toBe(0)
    expect(platform.copies.size).toBe(0)
  })

  it('a report missing from the database comes back from its copy with its text', async () => {
    const db = freshDb()
    await addReport(db, 'gone', `将丢失的报告${RARE_TEXT}`, RARE_TEXT, 1000)
    await addReport(db, 'kept', '仍在的报告', '内容', 1000)
    const platform = desktop()
    await new RecoveryCopier(() => db, platform).sweep()
    const originalSections = await db.sections.where('reportId').equals('gone').toArray()
    await db.transaction('rw', db.reports, db.sections, db.metricValues, async () => {
      await db.reports.delete('gone')
      await db.sections.where('reportId').equals('gone').delete()
      await db.metricValues.where('reportId').equals('gone').delete()
    })

    const entries = await listRecoveryEntries(platform, db)
    expect(entries.map((e) => [e.reportId, e.inDatabase]).sort()).toEqual([['gone', false], ['kept', true]])
    const { report, reopened } = await recoverReport(entries.find((e) => e.reportId === 'gone')!, platform, db)
    expect(reopened).toBe(false)
    expect(report).toMatchObject({ id: 'gone', meta: { title: `将丢失的报告${RARE_TEXT}` }, deletedAt: null })
    expect(await db.sections.where('reportId').equals('gone').toArray()).toEqual(originalSections)

    // A copy of a report that still exists comes back as a new report, the original untouched.
    const { report: again } = await recoverReport(entries.find((e) => e.reportId === 'kept')!, platform, db)
    expect(again.id).not.toBe('kept')
    expect(again.meta.title).toBe('仍在的报告（恢复副本）')
    expect((await db.reports.get('kept'))?.meta.title).toBe('仍在的报告')
  })

  it('an approved report comes back as an editable draft: its approval record is not in the copy', async () => {
    const db = freshDb()
    await addReport(db, 'done', '已审核的报告', '定稿内容', 1000)
    await db.reports.update('done', { status: 'approved' })
    const platform = desktop()
    await new RecoveryCopier(() => db, platform).sweep()
    await db.transaction('rw', db.reports, db.sections, db.metricValues, async () => {
      await db.reports.delete('done')
      await db.sections.where('reportId').equals('done').delete()
      await db.metricValues.where('reportId').equals('done').delete()
    })
    const [entry] = await listRecoveryEntries(platform, db)
    const { report, reopened } = await recoverReport(entry!, platform, db)
    expect(reopened).toBe(true)
    expect((await db.reports.get(report.id))?.status).toBe('draft')
    // A draft takes the clerk's edits again (the lock would refuse them on an approved report).
    await renameReport(db, report.id, '已审核的报告（修改）')
    expect((await db.reports.get(report.id))?.meta.title).toBe('已审核的报告（修改）')
  })
})

describe('recovery when the database does not open', () => {
  it('rebuilds the database from the chosen copies when it still fails to open', async () => {
    const { getDatabase, setDatabase, HuibaoDatabase } = await import('../../../src-renderer/src/db/database')
    const { recoverIntoNewDatabase } = await import('../../../src-renderer/src/services/recovery')
    const Dexie = (await import('dexie')).default

    // Copies taken while the database was fine.
    const healthy = freshDb()
    await addReport(healthy, 'saved', `有副本的报告${RARE_TEXT}`, RARE_TEXT, 1000)
    const platform = desktop()
    await new RecoveryCopier(() => healthy, platform).sweep()

    // Now the app's database is one it cannot open: its reports table has a primary key the
    // app's schema cannot upgrade from (Dexie refuses with an UpgradeError).
    const name = `huibao-broken-${process.pid}`
    const damaged = new Dexie(name)
    damaged.version(1).stores({ reports: '++serial' })
    await damaged.open()
    await damaged.table('reports').add({ junk: true })
    damaged.close()
    const previous = getDatabase()
    setDatabase(new HuibaoDatabase(name))
    try {
      await expect(getDatabase().open()).rejects.toThrow()
      const entries = await listRecoveryEntries(platform, null)
      expect(await recoverIntoNewDatabase(entries, platform)).toBe(1)
      const rebuilt = getDatabase()
      expect(rebuilt.verno).toBe(healthy.verno)
      expect((await rebuilt.reports.get('saved'))?.meta.title).toBe(`有副本的报告${RARE_TEXT}`)
      expect(await rebuilt.sections.where('reportId').equals('saved').count()).toBe(2)
      rebuilt.close()
    } finally {
      setDatabase(previous)
      await Dexie.delete(name)
    }
  })

  it('deletes nothing when a chosen copy cannot be read', async () => {
    const { recoverIntoNewDatabase } = await import('../../../src-renderer/src/services/recovery')
    const platform = desktop({ readRecoveryCopy: async () => '{"trunc' })
    await expect(recoverIntoNewDatabase([{ reportId: 'x', fileName: '1.json' }], platform)).rejects.toThrow('恢复副本已损坏')
  })
})
