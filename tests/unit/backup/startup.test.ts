// Start-up wiring of the data-safety services (services/backup-startup.ts): their code now
// loads on demand, so these check that they still run — recovery copies start once the first
// screen is idle, the daily backup is written when main says it is due, and nothing of the
// backup runs before the database opens unless an upgrade asks for it.
import './node-shims'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { AutoBackupStatus, WriteAutoBackupRequest } from '@contract/ipc'
import Dexie from 'dexie'
import { HuibaoDatabase, setDatabase } from '../../../src-renderer/src/db/database'
import { setPlatform, type Platform } from '../../../src-renderer/src/platform'
import { backupBeforeDatabaseOpens, startDataSafety } from '../../../src-renderer/src/services/backup-startup'
import { addReport, closeAll, freshDb } from './helpers'

afterEach(async () => {
  setPlatform(null)
  setDatabase(null)
  vi.unstubAllGlobals()
  await closeAll()
})

function fakeDesktop(status: AutoBackupStatus) {
  const copies: string[] = []
  const autoWrites: WriteAutoBackupRequest[] = []
  const platform = {
    kind: 'electron',
    async saveFile() {
      return { status: 'canceled' }
    },
    async getAppInfo() {
      return { version: '0.1.0', dataPath: '/profile', platform: 'linux' }
    },
    async getAutoBackupStatus() {
      return status
    },
    async writeAutoBackup(request: WriteAutoBackupRequest) {
      autoWrites.push(request)
      return { status: 'written', path: `/profile/backups/${request.reason}.json` }
    },
    async writeRecoveryCopy(reportId: string) {
      copies.push(reportId)
      return { fileName: `${copies.length}.json` }
    },
    async listRecoveryCopies() {
      return []
    }
  } as unknown as Platform
  return { platform, copies, autoWrites }
}

/** The browser's idle callback and document, as the app has them in a window. */
function windowGlobals(): { runIdle: () => void } {
  const idle: Array<() => void> = []
  vi.stubGlobal('requestIdleCallback', (cb: () => void) => idle.push(cb))
  vi.stubGlobal('cancelIdleCallback', () => {})
  vi.stubGlobal('document', { visibilityState: 'visible', addEventListener() {}, removeEventListener() {} })
  return { runIdle: () => idle.splice(0).forEach((cb) => cb()) }
}

describe('data safety at start-up', () => {
  it('starts recovery copies once the first screen is idle, and writes a due daily backup', async () => {
    const db = freshDb()
    setDatabase(db)
    await addReport(db, 'r1', '报告甲', '正文')
    const { platform, copies, autoWrites } = fakeDesktop({ due: true, reason: 'daily', folder: '/profile/backups', lastBackupAt: null, count: 0 })
    setPlatform(platform)
    const { runIdle } = windowGlobals()

    const stop = startDataSafety()
    try {
      await vi.waitFor(() => expect(autoWrites.map((w) => w.reason)).toEqual(['daily']))
      expect(copies).toEqual([]) // not before the first screen is idle
      runIdle()
      await vi.waitFor(() => expect(copies).toEqual(['r1']))
    } finally {
      stop()
    }
  })

  it('before the database opens, backs up for an upgrade only', async () => {
    const db = freshDb()
    setDatabase(db)
    const daily = fakeDesktop({ due: true, reason: 'daily', folder: '/profile/backups', lastBackupAt: null, count: 0 })
    setPlatform(daily.platform)
    expect(await backupBeforeDatabaseOpens()).toBeNull()
    expect(daily.autoWrites).toEqual([])

    // The pre-upgrade backup reads the app's own database by name, before the app opens it.
    const appDb = new HuibaoDatabase()
    await addReport(appDb, 'r1', '报告甲', '正文')
    appDb.close()
    const upgrade = fakeDesktop({ due: true, reason: 'upgrade', folder: '/profile/backups', lastBackupAt: null, count: 0 })
    setPlatform(upgrade.platform)
    expect(await backupBeforeDatabaseOpens()).toBe('/profile/backups/upgrade.json')
    expect(upgrade.autoWrites.map((w) => w.reason)).toEqual(['upgrade'])
    await Dexie.delete(appDb.name)
  })
})
