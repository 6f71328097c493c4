// Work that follows typing (the autosave, the footer counts) waits for a pause in it, and for
// no longer than a max wait after the first change it has not yet covered.

/**
 * Milliseconds from `now` until such work is due: `pauseMs` after the latest change, or
 * `maxWaitMs` after the first, whichever comes first (0: due now).
 */
export function msUntilDue(now: number, changes: { first: number; last: number }, pauseMs: number, maxWaitMs: number): number {
  return Math.max(0, Math.min(changes.last + pauseMs, changes.first + maxWaitMs) - now)
}
