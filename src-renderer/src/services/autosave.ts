// Debounced, incremental autosave. After a doc-changing transaction the editor calls
// notifyChange(); the save runs ~300 ms after typing pauses and never later than maxWait after
// the first unsaved change (plus at most IDLE_TIMEOUT_MS, below). Only blocks whose node
// identity changed are serialised.
import type { Node as PMNode } from '@tiptap/pm/model'
import { detectChanges, isEmptyChange, snapshotOf, type SavedSnapshot, type SectionChange } from '../editor/changes'
import { msUntilDue } from './pause'

export type SaveStatus =
  | { kind: 'saved'; at: number }
  | { kind: 'pending' }
  | { kind: 'saving' }
  | { kind: 'error'; reason: string; retryInMs: number }

export interface AutosaverOptions {
  /** The document as it is now (read at save time, not per keystroke). */
  getDoc: () => PMNode
  /** The document as loaded: the baseline nothing needs saving against. */
  initialDoc: PMNode
  write: (change: SectionChange) => Promise<void>
  onStatus?: (status: SaveStatus) => void
  debounceMs?: number
  maxWaitMs?: number
  now?: () => number
  /** Runs `start` in the page's next idle period; returns a cancel. Default: requestIdleCallback (or at once where there is none). */
  whenIdle?: (start: () => void) => () => void
}

/**
 * A save that falls due while the clerk types starts in the next idle period, right after a
 * keystroke's frame, instead of wherever its timer lands: begun between a key and that key's
 * frame, its few milliseconds of work made the frame miss its vsync (measured at 60 pages,
 * 10 bursts of 40 keys 100 ms apart: 7–14 keys at ≥ 24 ms, none when started idle). The
 * timeout bounds the wait, so a save still begins within maxWait + this after the first change.
 */
export const IDLE_TIMEOUT_MS = 150

function idleStart(start: () => void): () => void {
  if (typeof requestIdleCallback !== 'function') {
    start()
    return () => {}
  }
  const handle = requestIdleCallback(start, { timeout: IDLE_TIMEOUT_MS })
  return () => cancelIdleCallback(handle)
}

const MAX_BACKOFF_MS = 30_000

export class Autosaver {
  private snapshot: SavedSnapshot
  private dirty = false
  private firstDirtyAt = 0
  private lastChangeAt = 0
  private timer: ReturnType<typeof setTimeout> | null = null
  /** Cancels a save that is due and waits for an idle period. */
  private idle: (() => void) | null = null
  private inFlight: Promise<boolean> | null = null
  private failures = 0
  private disposed = false
  private readonly debounceMs: number
  private readonly maxWaitMs: number
  private readonly now: () => number
  private readonly whenIdle: (start: () => void) => () => void
  status: SaveStatus

  constructor(private readonly options: AutosaverOptions) {
    this.snapshot = snapshotOf(options.initialDoc)
    this.debounceMs = options.debounceMs ?? 300
    this.maxWaitMs = options.maxWaitMs ?? 700
    this.now = options.now ?? Date.now
    this.whenIdle = options.whenIdle ?? idleStart
    this.status = { kind: 'saved', at: this.now() }
  }

  get hasUnsavedChanges(): boolean {
    return this.dirty || this.inFlight !== null
  }

  /**
   * What a save now would write, or null when nothing is unsaved. Includes a save still in
   * flight: the page may be torn down before it commits.
   */
  pendingChange(): SectionChange | null {
    if (!this.hasUnsavedChanges) return null
    const { change } = detectChanges(this.options.getDoc(), this.snapshot)
    return isEmptyChange(change) ? null : change
  }

  notifyChange(): void {
    if (this.disposed) return
    this.dirty = true
    const now = this.now()
    if (!this.firstDirtyAt) this.firstDirtyAt = now
    if (this.status.kind === 'saved') this.setStatus({ kind: 'pending' })
    // While a failed save waits for its retry, keep the backoff: typing must not hammer a
    // failing database.
    if (this.status.kind === 'error') return
    this.lastChangeAt = now
    // A pending timer looks at the due time again when it fires: re-arming a timer on every
    // keystroke cost a clearTimeout and a setTimeout per key. A save waiting for an idle
    // period reads the document when it starts, so it takes this change along.
    if (this.timer || this.idle) return
    this.schedule(this.dueIn(now))
  }

  /** Milliseconds until the save is due: a pause of debounceMs, or maxWaitMs after the first unsaved change. */
  private dueIn(now: number): number {
    return msUntilDue(now, { first: this.firstDirtyAt, last: this.lastChangeAt }, this.debounceMs, this.maxWaitMs)
  }

  /** Saves everything now; resolves once stored, rejects if the save fails. */
  async flush(): Promise<void> {
    this.clearTimer()
    while (this.inFlight) await this.inFlight
    if (!this.dirty) return
    const ok = await this.run()
    if (!ok) throw new Error(this.status.kind === 'error' ? this.status.reason : '保存失败')
  }

  dispose(): void {
    this.disposed = true
    this.clearTimer()
  }

  private schedule(delay: number): void {
    this.clearTimer()
    this.timer = setTimeout(() => {
      this.timer = null
      // Typing went on since the timer was set: wait for the pause (or the max wait) it moved.
      if (this.dirty && this.firstDirtyAt && this.status.kind !== 'error') {
        const wait = this.dueIn(this.now())
        if (wait > 0) return this.schedule(wait)
      }
      let started = false
      const cancel = this.whenIdle(() => {
        started = true
        this.idle = null
        void this.run()
      })
      // Where there is no idle callback the save has already started.
      if (!started) this.idle = cancel
    }, delay)
  }

  private clearTimer(): void {
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
    this.idle?.()
    this.idle = null
  }

  private run(): Promise<boolean> {
    if (this.inFlight) {
      // A save is running; it reschedules itself when it finishes and sees the new change.
      return this.inFlight
    }
    this.inFlight = this.save().finally(() => {
      this.inFlight = null
      if (this.dirty && !this.timer && !this.idle && !this.disposed) {
        this.schedule(this.status.kind === 'error' ? this.status.retryInMs : this.debounceMs)
      }
    })
    return this.inFlight
  }

  private async save(): Promise<boolean> {
    this.dirty = false
    this.firstDirtyAt = 0
    const { change, next } = detectChanges(this.options.getDoc(), this.snapshot)
    if (isEmptyChange(change)) {
      this.failures = 0
      this.setStatus({ kind: 'saved', at: this.now() })
      return true
    }
    this.setStatus({ kind: 'saving' })
    try {
      await this.options.write(change)
      this.snapshot = next
      this.failures = 0
      if (!this.dirty) this.setStatus({ kind: 'saved', at: this.now() })
      else this.setStatus({ kind: 'pending' })
      return true
    } catch (err) {
      // Nothing is lost: the editor still holds the content, and the unchanged snapshot makes
      // the retry write every block this attempt tried to write.
      this.dirty = true
      this.failures += 1
      const retryInMs = Math.min(MAX_BACKOFF_MS, 1000 * 2 ** (this.failures - 1))
      this.setStatus({ kind: 'error', reason: describeSaveError(err), retryInMs })
      return false
    }
  }

  private setStatus(status: SaveStatus): void {
    this.status = status
    this.options.onStatus?.(status)
  }
}

export function describeSaveError(err: unknown): string {
  const name = err instanceof Error ? err.name : ''
  const inner = (err as { inner?: { name?: string } } | null)?.inner?.name ?? ''
  if (name === 'QuotaExceededError' || inner === 'QuotaExceededError') return '磁盘空间不足'
  if (name === 'DatabaseClosedError' || name === 'InvalidStateError') return '本地数据库已关闭'
  // The approval lock refused the write (db/lock.ts): its own sentence says why.
  if (name === 'ReportLockedError' && err instanceof Error) return err.message.replace(/。$/, '')
  return '无法写入本地数据库'
}

export function formatSaveStatus(status: SaveStatus): string {
  switch (status.kind) {
    case 'saved': {
      const d = new Date(status.at)
      return `已保存 ${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`
    }
    case 'pending':
    case 'saving':
      return '正在保存…'
    case 'error':
      return `保存失败：${status.reason}。内容仍保留在编辑器中，将自动重试。`
  }
}
