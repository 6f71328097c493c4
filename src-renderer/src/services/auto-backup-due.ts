// Whether the automatic backup is due now, asked of the platform (main keeps the schedule).
// Kept apart from backup.ts so start-up can ask without loading the backup code.
import type { AutoBackupStatus } from '@contract/ipc'
import type { Platform } from '../platform'

export type AutoBackupPhase = 'before-open' | 'after-open'

/** The status when a backup is due in this phase (before the database opens: upgrades only), else null. */
export async function dueAutoBackup(phase: AutoBackupPhase, platform: Platform): Promise<AutoBackupStatus | null> {
  const status = await platform.getAutoBackupStatus?.()
  if (!status?.due || !status.reason || !platform.writeAutoBackup) return null
  if (phase === 'before-open' && status.reason !== 'upgrade') return null
  return status
}
