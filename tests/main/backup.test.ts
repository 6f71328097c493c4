// Automatic backups in main: file names, the daily/upgrade due logic, rotation, atomic writes,
// header validation, the IPC wrapper's payload checks and the open dialog.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  KEEP_AUTO_BACKUPS,
  KEEP_RESTORE_BACKUPS,
  MAX_BACKUP_BYTES,
  autoBackupStatus,
  backupFileName,
  backupsDir,
  listBackupFiles,
  parseBackupFileName,
  registerBackupHandlers,
  rotateBackups,
  writeBackup,
  type BackupContext
} from '../../src-main/main/backup'
import { MESSAGES } from '../../src-main/main/ipc'
import { dialog, ipcMain, mainFrame, resetElectronMock, subFrame } from '../mocks/electron'

let dataDir: string
beforeEach(() => {
  resetElectronMock()
  dataDir = mkdtempSync(join(tmpdir(), 'huibao-backup-'))
})
afterEach(() => rmSync(dataDir, { recursive: true, force: true }))

const APP = { frame: mainFrame('app://huibao/index.html') }
const DAY = 24 * 60 * 60 * 1000
/** Local noon, so "same local day" never depends on the machine's time zone. */
const noon = (y: number, m: number, d: number) => new Date(y, m - 1, d, 12, 0, 0).getTime()

/** A minimal file that passes main's header check. */
function backupBytes(extra: Record<string, unknown> = {}): Uint8Array {
  return new TextEncoder().encode(
    JSON.stringify({
      format: 'huibao-backup',
      formatVersion: 1,
      appVersion: '0.1.0',
      schemaVersion: 2,
      createdAt: 1,
      summary: { reports: [{ id: 'r1', title: '法治政府建设情况报告', year: 2024, updatedAt: 1, deleted: false }] },
      dataSha256: '0'.repeat(64),
      data: { formatName: 'dexie', formatVersion: 1, data: {} },
      ...extra
    })
  )
}

function seed(dir: string, names: string[]): void {
  mkdirSync(dir, { recursive: true })
  for (const name of names) writeFileSync(join(dir, name), '{}')
}

function context(now: number, overrides: Partial<BackupContext> = {}): BackupContext {
  return { dataDir, currentVersion: '0.1.0', previousRunVersion: '0.1.0', now: () => now, ...overrides }
}

describe('backup file names', () => {
  it('round-trip kind, time and version, and sort newest first', () => {
    const at = Date.UTC(2026, 10, 25, 3, 4, 5, 6)
    const name = backupFileName('auto', at, '0.1.0')
    expect(name).toBe('huibao-auto-20261125T030405006Z-v0.1.0.json')
    expect(parseBackupFileName(name)).toEqual({ name, kind: 'auto', at, version: '0.1.0' })
    expect(parseBackupFileName(backupFileName('before-restore', at, '1.2.3-beta.1+build.5'))).toMatchObject({
      kind: 'before-restore',
      version: '1.2.3-beta.1_build.5'
    })
  })

  it('ignores temp files, foreign files and impossible dates', () => {
    const dir = backupsDir(dataDir)
    const good = backupFileName('auto', Date.UTC(2026, 0, 1), '0.1.0')
    seed(dir, [good, `.${good}.abc123.tmp`, 'notes.txt', 'huibao-auto-20261399T000000000Z-v0.1.0.json'])
    expect(listBackupFiles(dir).map((f) => f.name)).toEqual([good])
  })
})

describe('automatic backup: when is one due', () => {
  it('is due on a fresh profile', () => {
    expect(autoBackupStatus(backupsDir(dataDir), noon(2026, 11, 25), '0.1.0', null)).toMatchObject({
      due: true,
      reason: 'daily',
      lastBackupAt: null,
      count: 0
    })
  })

  it('is not due again on the same local day, and due the next day', () => {
    const dir = backupsDir(dataDir)
    const morning = new Date(2026, 10, 25, 8, 30).getTime()
    seed(dir, [backupFileName('auto', morning, '0.1.0')])
    const evening = new Date(2026, 10, 25, 23, 59).getTime()
    expect(autoBackupStatus(dir, evening, '0.1.0', '0.1.0')).toMatchObject({ due: false, reason: null, lastBackupAt: morning, count: 1 })
    const nextMorning = new Date(2026, 10, 26, 0, 1).getTime()
    expect(autoBackupStatus(dir, nextMorning, '0.1.0', '0.1.0')).toMatchObject({ due: true, reason: 'daily' })
  })

  it('a backup taken before a restore does not count as the daily one', () => {
    const dir = backupsDir(dataDir)
    seed(dir, [backupFileName('before-restore', noon(2026, 11, 25), '0.1.0')])
    expect(autoBackupStatus(dir, noon(2026, 11, 25), '0.1.0', '0.1.0')).toMatchObject({ due: true, count: 0 })
  })

  it('is due after an upgrade even if today already has one, until this version wrote one', () => {
    const dir = backupsDir(dataDir)
    const today = noon(2026, 11, 25)
    seed(dir, [backupFileName('auto', today - 1000, '0.1.0')])
    // The version check saw 0.1.0 last run; this is 0.2.0.
    expect(autoBackupStatus(dir, today, '0.2.0', '0.1.0')).toMatchObject({ due: true, reason: 'upgrade' })
    // Even if the run that recorded 0.2.0 crashed before its backup: the files still say so.
    expect(autoBackupStatus(dir, today, '0.2.0', '0.2.0')).toMatchObject({ due: true, reason: 'upgrade' })
    seed(dir, [backupFileName('auto', today, '0.2.0')])
    expect(autoBackupStatus(dir, today, '0.2.0', '0.1.0')).toMatchObject({ due: false, reason: null })
  })
})

describe('writing and rotation', () => {
  it('keeps the 30 newest automatic backups and never touches other kinds', async () => {
    const dir = backupsDir(dataDir)
    const start = noon(2026, 1, 1)
    const autos = Array.from({ length: 35 }, (_, i) => backupFileName('auto', start + i * DAY, '0.1.0'))
    const restores = Array.from({ length: 3 }, (_, i) => backupFileName('before-restore', start + i * DAY, '0.1.0'))
    seed(dir, [...autos, ...restores, 'mine.txt'])
    const removed = await rotateBackups(dir, 'auto', KEEP_AUTO_BACKUPS)
    expect(removed.sort()).toEqual(autos.slice(0, 5).sort())
    const left = readdirSync(dir)
    expect(left.filter((n) => n.startsWith('huibao-auto-')).sort()).toEqual(autos.slice(5).sort())
    expect(left).toEqual(expect.arrayContaining([...restores, 'mine.txt']))
  })

  it('writes a due backup atomically (no temp file left), then rotates to 30', async () => {
    const dir = backupsDir(dataDir)
    const start = noon(2026, 1, 1)
    seed(dir, Array.from({ length: KEEP_AUTO_BACKUPS }, (_, i) => backupFileName('auto', start + i * DAY, '0.1.0')))
    const now = noon(2026, 11, 25)
    const data = backupBytes()
    const result = await writeBackup(context(now), 'daily', data)
    expect(result).toEqual({ status: 'written', path: join(dir, backupFileName('auto', now, '0.1.0')) })
    expect(new Uint8Array(readFileSync((result as { path: string }).path))).toEqual(data)
    const names = readdirSync(dir)
    expect(names.filter((n) => n.endsWith('.tmp'))).toEqual([])
    expect(names).toHaveLength(KEEP_AUTO_BACKUPS)
    expect(names).not.toContain(backupFileName('auto', start, '0.1.0'))
  })

  it('answers not-due (and writes nothing) when today already has one', async () => {
    const now = noon(2026, 11, 25)
    await writeBackup(context(now), 'daily', backupBytes())
    expect(await writeBackup(context(now + 60_000), 'daily', backupBytes())).toEqual({ status: 'not-due' })
    expect(listBackupFiles(backupsDir(dataDir))).toHaveLength(1)
  })

  it('always writes a backup before a restore, keeping the newest 10 of those', async () => {
    const now = noon(2026, 11, 25)
    for (let i = 0; i < KEEP_RESTORE_BACKUPS + 2; i++) {
      expect(await writeBackup(context(now + i), 'before-restore', backupBytes())).toMatchObject({ status: 'written' })
    }
    const files = listBackupFiles(backupsDir(dataDir))
    expect(files).toHaveLength(KEEP_RESTORE_BACKUPS)
    expect(files.every((f) => f.kind === 'before-restore')).toBe(true)
    expect(files[0].at).toBe(now + KEEP_RESTORE_BACKUPS + 1)
  })

  it.each([
    ['not JSON', new TextEncoder().encode('这不是备份')],
    ['foreign JSON', new TextEncoder().encode('{"hello":"world"}')],
    ['a header without a summary', backupBytes({ summary: undefined })],
    ['invalid UTF-8', new Uint8Array([0x7b, 0xff, 0xfe, 0x7d])]
  ])('refuses to store %s and leaves the folder empty', async (_name, data) => {
    await expect(writeBackup(context(noon(2026, 11, 25)), 'daily', data)).rejects.toThrow('备份内容不完整')
    expect(existsSync(backupsDir(dataDir)) ? readdirSync(backupsDir(dataDir)) : []).toEqual([])
  })
})

describe('backup IPC handlers', () => {
  it("'backup:status' and 'backup:write-auto' through the checked wrapper", async () => {
    const now = noon(2026, 11, 25)
    registerBackupHandlers(context(now, { previousRunVersion: null }))
    expect(await ipcMain.invoke('backup:status', APP, undefined)).toMatchObject({ ok: true, value: { due: true, reason: 'daily' } })
    const written = await ipcMain.invoke('backup:write-auto', APP, { reason: 'daily', data: backupBytes() })
    expect(written).toMatchObject({ ok: true, value: { status: 'written' } })
    expect(await ipcMain.invoke('backup:status', APP, undefined)).toMatchObject({ ok: true, value: { due: false, count: 1, lastBackupAt: now } })
  })

  it.each([
    ['no payload', undefined],
    ['bytes as a plain array', { reason: 'daily', data: [1, 2, 3] }],
    ['an unknown reason', { reason: 'whenever', data: new Uint8Array([1]) }],
    ['a path smuggled in', { reason: 'daily', data: new Uint8Array([1]), path: '/etc/passwd' }]
  ])('answers invalid-payload for %s without writing', async (_name, payload) => {
    registerBackupHandlers(context(noon(2026, 11, 25)))
    const result = await ipcMain.invoke('backup:write-auto', APP, payload)
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-payload' } })
    expect(existsSync(backupsDir(dataDir))).toBe(false)
  })

  it('refuses a backup larger than the limit before reading it', async () => {
    registerBackupHandlers(context(noon(2026, 11, 25)))
    const huge = new Uint8Array(new ArrayBuffer(MAX_BACKUP_BYTES + 1))
    const result = await ipcMain.invoke('backup:write-auto', APP, { reason: 'daily', data: huge })
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-payload' } })
    expect((result as { error: { message: string } }).error.message).toContain('备份过大')
  })

  it('refuses senders other than the app main frame', async () => {
    registerBackupHandlers(context(noon(2026, 11, 25)))
    for (const frame of [subFrame('app://huibao/x.html'), mainFrame('https://evil.example/')]) {
      expect(await ipcMain.invoke('backup:status', { frame }, undefined)).toEqual({
        ok: false,
        error: { code: 'forbidden-sender', message: MESSAGES.forbiddenSender }
      })
    }
  })

  it("'backup:open' starts in the backups folder and answers the chosen file's bytes", async () => {
    registerBackupHandlers(context(noon(2026, 11, 25)))
    const file = join(dataDir, '汇报备份-20261125-1200.json')
    writeFileSync(file, backupBytes())
    dialog.showOpenDialog.mockImplementationOnce(async () => ({ canceled: false, filePaths: [file] }))
    const result = await ipcMain.invoke('backup:open', APP, undefined)
    expect(result).toEqual({ ok: true, value: { status: 'opened', name: '汇报备份-20261125-1200.json', data: backupBytes() } })
    const options = dialog.showOpenDialog.mock.calls[0].at(-1) as { defaultPath: string; properties: string[] }
    expect(options.defaultPath).toBe(backupsDir(dataDir))
    expect(options.properties).toEqual(['openFile'])

    dialog.showOpenDialog.mockImplementationOnce(async () => ({ canceled: true, filePaths: [] }))
    expect(await ipcMain.invoke('backup:open', APP, undefined)).toEqual({ ok: true, value: { status: 'canceled' } })
  })
})

describe('start-up wiring', () => {
  it('after an upgrade the booted app reports an upgrade backup as due, in <profile>/huibao-data/backups', async () => {
    const { boot, freshProfile } = await import('./app-helpers')
    const profile = freshProfile()
    mkdirSync(join(profile, 'huibao-data'), { recursive: true })
    writeFileSync(join(profile, 'huibao-data', 'last-run-version.json'), JSON.stringify({ version: '0.0.9' }))
    const booted = await boot(profile)
    try {
      const status = await ipcMain.invoke('backup:status', APP, undefined)
      expect(status).toMatchObject({ ok: true, value: { due: true, reason: 'upgrade', folder: join(profile, 'huibao-data', 'backups') } })
    } finally {
      booted.cleanup()
    }
  })

  it('the 文件 menu offers 备份到… and 从备份恢复…, sent to the renderer', async () => {
    const { buildMenuTemplate } = await import('../../src-main/main/menu')
    const sent: string[] = []
    const template = buildMenuTemplate({ isDev: false, send: (c) => sent.push(c), showAbout: () => {}, openDataFolder: () => {} })
    const file = template[0].submenu as Array<{ label?: string; click?: () => void }>
    file.find((i) => i.label === '备份到…')!.click!()
    file.find((i) => i.label === '从备份恢复…')!.click!()
    expect(sent).toEqual(['backup-to', 'restore-backup'])
  })
})
