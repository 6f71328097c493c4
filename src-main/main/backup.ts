// Automatic backups of the whole database, written by main into <profile>/huibao-data/backups.
// The renderer owns IndexedDB, so it produces the bytes; main decides WHEN one is due (once a
// local day, and after an app upgrade), checks that the bytes really are a Huibao backup,
// writes them atomically and keeps the newest 30. A backup taken just before a restore is
// kept apart (newest 10) so a burst of restores can never rotate the daily ones away.
import { BrowserWindow, type OpenDialogOptions } from 'electron'
import { mkdirSync, readdirSync } from 'node:fs'
import { unlink } from 'node:fs/promises'
import { join } from 'node:path'
import { z } from 'zod'
import type { AutoBackupStatus, BackupReason, OpenBackupResult, WriteAutoBackupResult } from '@contract/ipc'
import { writeFileAtomic } from './atomic-write'
import { compareVersions, parseSemver } from './downgrade'
import { describeWriteError, openChosenFile } from './files'
import { handle, UserFacingError } from './ipc'

export const BACKUPS_DIR_NAME = 'backups'
export const KEEP_AUTO_BACKUPS = 30
export const KEEP_RESTORE_BACKUPS = 10
export const MAX_BACKUP_BYTES = 200 * 1024 * 1024

export type BackupKind = 'auto' | 'before-restore'

export interface BackupFile {
  name: string
  kind: BackupKind
  /** When it was written, ms since epoch (from the name: no stat, no clock games). */
  at: number
  /** App version that wrote it. */
  version: string
}

export function backupsDir(dataDir: string): string {
  return join(dataDir, BACKUPS_DIR_NAME)
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0')

/** UTC stamp, fixed width, so names sort by time and contain nothing Windows refuses. */
export function stamp(at: number): string {
  const d = new Date(at)
  return (
    `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}T` +
    `${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}${pad(d.getUTCMilliseconds(), 3)}Z`
  )
}

export function parseStamp(text: string): number | null {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(\d{3})Z$/.exec(text)
  if (!m) return null
  const [y, mo, d, h, mi, s, ms] = m.slice(1).map(Number)
  const at = Date.UTC(y, mo - 1, d, h, mi, s, ms)
  return stamp(at) === text ? at : null
}

/** A version as it appears in a file name ('+build' metadata is not allowed there). */
function fileVersion(version: string): string {
  return version.replace(/[^0-9A-Za-z.-]/g, '_')
}

export function backupFileName(kind: BackupKind, at: number, version: string): string {
  return `huibao-${kind}-${stamp(at)}-v${fileVersion(version)}.json`
}

const NAME = /^huibao-(auto|before-restore)-(\d{8}T\d{9}Z)-v([0-9A-Za-z._-]+)\.json$/

export function parseBackupFileName(name: string): BackupFile | null {
  const m = NAME.exec(name)
  if (!m) return null
  const at = parseStamp(m[2])
  if (at === null) return null
  return { name, kind: m[1] as BackupKind, at, version: m[3] }
}

/** Our backups in `dir`, newest first. Temp files and anything else are ignored. */
export function listBackupFiles(dir: string): BackupFile[] {
  let names: string[]
  try {
    names = readdirSync(dir)
  } catch {
    return []
  }
  return names
    .map(parseBackupFileName)
    .filter((file): file is BackupFile => file !== null)
    .sort((a, b) => b.at - a.at || (a.name < b.name ? 1 : -1))
}

function sameLocalDay(a: number, b: number): boolean {
  const x = new Date(a)
  const y = new Date(b)
  return x.getFullYear() === y.getFullYear() && x.getMonth() === y.getMonth() && x.getDate() === y.getDate()
}

function olderVersion(version: string, current: string): boolean {
  return parseSemver(version) !== null && parseSemver(current) !== null && compareVersions(version, current) < 0
}

/**
 * Due once per local calendar day, and after an upgrade until this version has written one.
 * Derived from the files themselves, so a crash before the backup leaves it due next start.
 */
export function autoBackupStatus(
  dir: string,
  now: number,
  currentVersion: string,
  previousRunVersion: string | null
): AutoBackupStatus {
  const autos = listBackupFiles(dir).filter((file) => file.kind === 'auto')
  const newest = autos[0] ?? null
  const upgraded =
    (previousRunVersion !== null && olderVersion(previousRunVersion, currentVersion)) ||
    (newest !== null && olderVersion(newest.version, currentVersion))
  const upgradePending = upgraded && !autos.some((file) => file.version === fileVersion(currentVersion))
  const dailyDue = newest === null || !sameLocalDay(newest.at, now)
  const reason = upgradePending ? 'upgrade' : dailyDue ? 'daily' : null
  return { due: reason !== null, reason, folder: dir, lastBackupAt: newest?.at ?? null, count: autos.length }
}

/** Deletes all but the newest `keep` backups of `kind`; answers the names removed. */
export async function rotateBackups(dir: string, kind: BackupKind, keep: number): Promise<string[]> {
  const stale = listBackupFiles(dir)
    .filter((file) => file.kind === kind)
    .slice(keep)
  for (const file of stale) await unlink(join(dir, file.name)).catch(() => undefined)
  return stale.map((file) => file.name)
}

// ---- What main accepts as a backup ---------------------------------------------------------

/**
 * The envelope's header, checked by main before anything is written: a page must not be able
 * to fill the backups folder with arbitrary bytes. The renderer checks the data itself in full.
 */
export const backupHeaderSchema = z.looseObject({
  format: z.literal('huibao-backup'),
  formatVersion: z.number().int().positive(),
  appVersion: z.string().min(1).max(64),
  schemaVersion: z.number().int().positive(),
  createdAt: z.number().int().nonnegative(),
  summary: z.looseObject({
    reports: z.array(
      z.looseObject({
        id: z.string().min(1),
        title: z.string(),
        year: z.number(),
        updatedAt: z.number(),
        deleted: z.boolean()
      })
    )
  }),
  data: z.looseObject({ formatName: z.literal('dexie') })
})

export function isHuibaoBackup(bytes: Uint8Array): boolean {
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
    return backupHeaderSchema.safeParse(JSON.parse(text)).success
  } catch {
    return false
  }
}

export const writeAutoBackupSchema = z.strictObject({
  reason: z.enum(['daily', 'upgrade', 'before-restore']),
  data: z.instanceof(Uint8Array).refine((bytes) => bytes.byteLength <= MAX_BACKUP_BYTES, '备份过大')
})

export const noPayloadSchema = z.undefined()

export interface BackupContext {
  dataDir: string
  currentVersion: string
  /** From the version check at start-up: the version that ran before this one, if any. */
  previousRunVersion: string | null
  now?: () => number
}

/** Writes one backup if due (or always, before a restore); rotates after a successful write. */
export async function writeBackup(
  context: BackupContext,
  reason: BackupReason,
  data: Uint8Array
): Promise<WriteAutoBackupResult> {
  const now = (context.now ?? Date.now)()
  const dir = backupsDir(context.dataDir)
  if (reason !== 'before-restore' && !autoBackupStatus(dir, now, context.currentVersion, context.previousRunVersion).due) {
    return { status: 'not-due' }
  }
  if (!isHuibaoBackup(data)) throw new UserFacingError('备份内容不完整，没有写入。请重试；如果一直出现，请联系技术支持。')
  const kind: BackupKind = reason === 'before-restore' ? 'before-restore' : 'auto'
  const target = join(dir, backupFileName(kind, now, context.currentVersion))
  try {
    mkdirSync(dir, { recursive: true })
    await writeFileAtomic(target, data)
  } catch (error) {
    throw new UserFacingError(describeWriteError(error).replace('保存文件', '写入备份'))
  }
  await rotateBackups(dir, kind, kind === 'auto' ? KEEP_AUTO_BACKUPS : KEEP_RESTORE_BACKUPS)
  return { status: 'written', path: target }
}

export async function openBackupFile(context: BackupContext, parent: BrowserWindow | null): Promise<OpenBackupResult> {
  const options: OpenDialogOptions = {
    title: '选择备份文件',
    buttonLabel: '打开',
    // Automatic backups are the likeliest choice: start there.
    defaultPath: backupsDir(context.dataDir),
    filters: [
      { name: '汇报备份', extensions: ['json'] },
      { name: '所有文件', extensions: ['*'] }
    ],
    properties: ['openFile']
  }
  return openChosenFile(parent, options, {
    maxBytes: MAX_BACKUP_BYTES,
    tooBig: () => '这不是汇报的备份文件：文件过大。请选择由“备份到…”或自动备份生成的文件。',
    unreadable: '无法读取所选文件，请确认文件没有被其他程序占用后重试。'
  })
}

export function registerBackupHandlers(context: BackupContext): void {
  const now = context.now ?? Date.now
  handle('backup:status', noPayloadSchema, () =>
    autoBackupStatus(backupsDir(context.dataDir), now(), context.currentVersion, context.previousRunVersion)
  )
  handle('backup:write-auto', writeAutoBackupSchema, (request) => writeBackup(context, request.reason, request.data))
  handle('backup:open', noPayloadSchema, (_request, event) =>
    openBackupFile(context, BrowserWindow.fromWebContents(event.sender))
  )
}
