// What the approval lock means for the controls of one report, for the views to disable them
// and say why. The data layer enforces the same rules (db/lock.ts); this only mirrors them so
// nothing on screen offers a change that would be refused.
import { computed, type ComputedRef } from 'vue'
import type { ReportStatus } from '@core/report'
import { lockRefusal } from '@core/review/lock'
import { editPolicy } from '@core/review/workflow'
import { useReviewStore } from '../stores/review'
import { useSessionStore } from '../stores/session'

export interface ReportLock {
  /** Why figures, meta/title, outline, layout and attachments cannot change now (null: they can). */
  reason: ComputedRef<string | null>
  locked: ComputedRef<boolean>
  /** The text itself is read-only (undo, redo, bold, replace, chips); false while the leader suggests. */
  textLocked: ComputedRef<boolean>
}

/** `status`: the report's status; defaults to the open report's (the review store). */
export function useReportLock(status?: () => ReportStatus | undefined): ReportLock {
  const review = useReviewStore()
  const session = useSessionStore()
  const current = computed<ReportStatus>(() => (status ? status() : review.status) ?? 'draft')
  const reason = computed(() => lockRefusal(current.value, session.role, 'content'))
  return {
    reason,
    locked: computed(() => reason.value !== null),
    textLocked: computed(() => editPolicy(current.value, session.role) === 'readonly')
  }
}
