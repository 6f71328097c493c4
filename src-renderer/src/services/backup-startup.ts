// Wires the data-safety services into the app's life: the pre-upgrade backup before the
// database opens, then (once the UI runs) recovery copies, the daily backup check and the
// 文件 menu's backup commands (App.vue's menu dispatcher routes those). Everything here is a
// no-op in the browser platform. The backup and recovery code (database export, the backup
// format's checks) loads only when a backup is due or once the first screen is up, so a
// window's start does not carry it.
import { getPlatform } from '../platform'
import { dueAutoBackup, type AutoBackupPhase } from './auto-backup-due'

/** Re-checks whether a daily backup is due while the app stays open for days. */
export const AUTO_BACKUP_CHECK_MS = 60 * 60 * 1000

async function autoBackupIfDue(phase: AutoBackupPhase): Promise<string | null> {
  const platform = getPlatform()
  try {
    if (!(await dueAutoBackup(phase, platform))) return null
  } catch (error) {
    console.error(`[backup] automatic backup (${phase}) check failed`, error)
    return null
  }
  const { runAutoBackup } = await import('./backup')
  return runAutoBackup(phase, platform)
}

/** Before getDatabase().open(): an app upgrade gets its backup before any schema upgrade. */
export function backupBeforeDatabaseOpens(): Promise<string | null> {
  return autoBackupIfDue('before-open').catch(() => null)
}

export function startDataSafety(): () => void {
  const platform = getPlatform()
  let stopped = false
  let stopCopies: () => void = () => undefined
  let flush: (() => void) | null = null
  // Recovery copies start once the first screen is up (at most 2 s later).
  const idle = requestIdleCallback(
    () => {
      import('./recovery')
        .then(({ RecoveryCopier }) => {
          if (stopped) return
          const copier = new RecoveryCopier()
          stopCopies = copier.start()
          // Leaving or hiding the window is a good moment for the copies not to lag behind.
          flush = () => {
            if (document.visibilityState === 'hidden') void copier.sweep()
          }
          document.addEventListener('visibilitychange', flush)
        })
        .catch((error) => console.error('[recovery] could not start recovery copies', error))
    },
    { timeout: 2000 }
  )

  void autoBackupIfDue('after-open').catch(() => null)
  const timer = platform.getAutoBackupStatus ? setInterval(() => void autoBackupIfDue('after-open').catch(() => null), AUTO_BACKUP_CHECK_MS) : null

  return () => {
    stopped = true
    cancelIdleCallback(idle)
    stopCopies()
    if (flush) document.removeEventListener('visibilitychange', flush)
    if (timer) clearInterval(timer)
  }
}
