// Backups as the clerk and the app use them: "备份到…", "从备份恢复" (always backing up the
// current state first) and the automatic daily backup that main stores on disk. The bytes are
// produced here because only the renderer can read IndexedDB; main decides when one is due.
import { version as BUILD_VERSION } from '../../../package.json'
import type { SaveFileResult } from '@contract/ipc'
import { getPlatform, type Platform } from '../platform'
import { getDatabase, type HuibaoDatabase } from '../db/database'
import {
  createBackup,
  createBackupBeforeOpen,
  readBackup,
  restoreBackup,
  type ParsedBackup
} from '../db/backup'
import { rebaseAnchorAfterRestore } from './audit-anchor'
import { dueAutoBackup, type AutoBackupPhase } from './auto-backup-due'

export { BACKUP_MESSAGES, BackupError, type ParsedBackup, type BackupSummaryReport } from '../db/backup'

export const BACKUP_FILTERS = [{ name: '汇报备份', extensions: ['json'] }]
const MIME = 'application/json'

/** The version of the running app: main's answer in Electron, the build's in a browser. */
export async function currentAppVersion(platform: Platform = getPlatform()): Promise<string> {
  try {
    return (await platform.getAppInfo())?.version ?? BUILD_VERSION
  } catch {
    return BUILD_VERSION
  }
}

const pad = (n: number) => String(n).padStart(2, '0')

/** '汇报备份-20261125-1136.json' in local time: sorts by date in any file manager. */
export function backupFileName(now = Date.now(), prefix = '汇报备份'): string {
  const d = new Date(now)
  return `${prefix}-${d.getFullYear()}${pad(d.getMonth() + 1)}${pad(d.getDate())}-${pad(d.getHours())}${pad(d.getMinutes())}.json`
}

/** 备份到…: a save dialog in Electron, a download in the browser. */
export async function backupToFile(db: HuibaoDatabase = getDatabase(), platform: Platform = getPlatform()): Promise<SaveFileResult> {
  const now = Date.now()
  const data = await createBackup(db, { appVersion: await currentAppVersion(platform), now })
  return platform.saveFile({ suggestedName: backupFileName(now), data, mimeType: MIME, filters: BACKUP_FILTERS })
}

/** Reads and checks a chosen file completely; throws BackupError with the Chinese message. */
export async function inspectBackup(bytes: Uint8Array, platform: Platform = getPlatform()): Promise<ParsedBackup> {
  return readBackup(bytes, { appVersion: await currentAppVersion(platform) })
}

export interface RestoreOutcome {
  /** Where the copy of the state before the restore went (a path, or a download's name). */
  safetyCopy: string
  reports: number
}

export const SAFETY_COPY_FAILED = '无法先备份当前数据，恢复已取消，当前数据没有改动。'

/**
 * 从备份恢复, after the clerk confirmed: first a backup of the current state (into the backups
 * folder in Electron, a download in the browser); only if that succeeded, the restore itself,
 * which is one transaction. Any failure leaves the current data as it was.
 */
export async function restoreFromBackup(
  backup: ParsedBackup,
  db: HuibaoDatabase = getDatabase(),
  platform: Platform = getPlatform()
): Promise<RestoreOutcome> {
  let safetyCopy: string
  try {
    const now = Date.now()
    const data = await createBackup(db, { appVersion: await currentAppVersion(platform), now })
    const written = await platform.writeAutoBackup?.({ reason: 'before-restore', data })
    if (written?.status === 'written') {
      safetyCopy = written.path
    } else {
      const saved = await platform.saveFile({
        suggestedName: backupFileName(now, '汇报恢复前备份'),
        data,
        mimeType: MIME,
        filters: BACKUP_FILTERS
      })
      if (saved.status !== 'saved') throw new Error('未保存恢复前的备份')
      safetyCopy = saved.path
    }
  } catch (error) {
    console.error('[backup] safety copy before restore failed', error)
    const reason = error instanceof Error && /[\u4e00-\u9fff]/.test(error.message) ? `（${error.message}）` : ''
    throw new Error(`${SAFETY_COPY_FAILED}${reason}`)
  }
  await restoreBackup(db, backup)
  // The audit anchor follows the restored chains and records the restore, so the versions page
  // says "从备份恢复" rather than reporting the rolled-back entries as deleted.
  await rebaseAnchorAfterRestore(db, backup.createdAt).catch((error) => console.error('[backup] audit anchor not rebased', error))
  console.info(`[backup] restored ${backup.reports.length} report(s); previous state saved to ${safetyCopy}`)
  return { safetyCopy, reports: backup.reports.length }
}

/**
 * The automatic backup, if main says one is due. 'before-open' runs before the database is
 * opened and only for an app upgrade (the backup must precede any schema upgrade); the daily
 * one runs after start-up, in the background. Never throws: a failed backup must not stop
 * the clerk from working — it is logged and retried at the next check.
 */
export async function runAutoBackup(
  phase: AutoBackupPhase,
  platform: Platform = getPlatform(),
  db: () => HuibaoDatabase = getDatabase
): Promise<string | null> {
  try {
    const status = await dueAutoBackup(phase, platform)
    if (!status?.reason || !platform.writeAutoBackup) return null
    const options = { appVersion: await currentAppVersion(platform) }
    const data = phase === 'before-open' ? await createBackupBeforeOpen(options) : await createBackup(db(), options)
    if (!data) return null
    const result = await platform.writeAutoBackup({ reason: status.reason, data })
    if (result?.status !== 'written') return null
    console.info(`[backup] automatic ${status.reason} backup written: ${result.path}`)
    return result.path
  } catch (error) {
    console.error(`[backup] automatic backup (${phase}) failed`, error)
    return null
  }
}

/** Is IndexedDB protected from eviction? null where the browser cannot say. */
export async function persistentStorageGranted(): Promise<boolean | null> {
  const storage = typeof navigator !== 'undefined' ? navigator.storage : undefined
  if (!storage || typeof storage.persisted !== 'function') return null
  try {
    return await storage.persisted()
  } catch {
    return null
  }
}
