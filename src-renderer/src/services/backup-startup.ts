// Wires the data-safety services into the app's life: the pre-upgrade backup before the
// database opens, then (once the UI runs) recovery copies, the daily backup check and the
// 文件 menu's backup commands (App.vue's menu dispatcher routes those). Everything here is a
// no-op in the browser platform.
import { getPlatform } from '../platform'
import { runAutoBackup } from './backup'
import { RecoveryCopier } from './recovery'

/** Re-checks whether a daily backup is due while the app stays open for days. */
export const AUTO_BACKUP_CHECK_MS = 60 * 60 * 1000

/** Before getDatabase().open(): an app upgrade gets its backup before any schema upgrade. */
export function backupBeforeDatabaseOpens(): Promise<string | null> {
  return runAutoBackup('before-open')
}

export function startDataSafety(): () => void {
  const platform = getPlatform()
  const copier = new RecoveryCopier()
  const stopCopies = copier.start()
  // Leaving or hiding the window is a good moment for the copies not to lag behind.
  const flush = () => {
    if (document.visibilityState === 'hidden') void copier.sweep()
  }
  document.addEventListener('visibilitychange', flush)

  void runAutoBackup('after-open')
  const timer = platform.getAutoBackupStatus ? setInterval(() => void runAutoBackup('after-open'), AUTO_BACKUP_CHECK_MS) : null

  return () => {
    stopCopies()
    document.removeEventListener('visibilitychange', flush)
    if (timer) clearInterval(timer)
  }
}
