// The leader's role lasts only while the leader is at the keyboard: it ends after a set idle
// time (default 5 minutes), and approving, returning or reopening needs a PIN entered within
// the last minute. Pure arithmetic here; the session store owns the clock and the events.

export const DEFAULT_IDLE_MINUTES = 5
export const MIN_IDLE_MINUTES = 1
export const MAX_IDLE_MINUTES = 60
/** A PIN older than this is asked for again before a signed action. */
export const PIN_FRESH_MS = 60_000

export function idleMinutesProblem(minutes: number): string | null {
  if (!Number.isInteger(minutes) || minutes < MIN_IDLE_MINUTES || minutes > MAX_IDLE_MINUTES) {
    return `自动退出时间需要是 ${MIN_IDLE_MINUTES} 到 ${MAX_IDLE_MINUTES} 之间的整数分钟。`
  }
  return null
}

/** A stored value that is not a usable number of minutes falls back to the default. */
export function normalizeIdleMinutes(value: unknown): number {
  return typeof value === 'number' && idleMinutesProblem(value) === null ? value : DEFAULT_IDLE_MINUTES
}

/** Milliseconds left before the role ends (never negative). */
export function idleRemainingMs(now: number, lastActivity: number, idleMinutes: number): number {
  return Math.max(0, lastActivity + idleMinutes * 60_000 - now)
}

/** "4:59": minutes and seconds, rounded up so 0:00 shows only at the very end. */
export function formatRemaining(ms: number): string {
  const total = Math.ceil(ms / 1000)
  const m = Math.floor(total / 60)
  const s = total % 60
  return `${m}:${String(s).padStart(2, '0')}`
}

export function pinIsFresh(now: number, pinAt: number | null): boolean {
  return pinAt !== null && now - pinAt <= PIN_FRESH_MS && now >= pinAt
}
