// The leader's role does not outlive the leader: idle time (configurable, default 5 minutes),
// OS screen lock / suspend, every start; signed actions want a PIN from the last minute.
// Fake timers drive the clock; the database is fake-indexeddb.
import 'fake-indexeddb/auto'
import Dexie from 'dexie'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { formatRemaining } from '@core/review/idle'
import { HuibaoDatabase, setDatabase } from '../../../src-renderer/src/db/database'
import { saveSetup } from '../../../src-renderer/src/services/review'
import { installAuditAnchor, memoryAnchorStore } from '../../../src-renderer/src/services/audit-anchor'
import { setPlatform, type Platform } from '../../../src-renderer/src/platform'
import type { SessionLockReason } from '../../../src-renderer/src/platform/platform'
import { useSessionStore } from '../../../src-renderer/src/stores/session'

const PIN = '482915'
let db: HuibaoDatabase
let counter = 0
let lockListeners: Array<(reason: SessionLockReason) => void>

beforeEach(async () => {
  // Only the clock is faked: IndexedDB and WebCrypto keep their real scheduling.
  vi.useFakeTimers({ toFake: ['Date', 'setInterval', 'clearInterval'], now: new Date('2026-11-29T08:00:00Z') })
  db = new HuibaoDatabase(`huibao-session-${process.pid}-${++counter}`)
  setDatabase(db)
  installAuditAnchor(memoryAnchorStore())
  lockListeners = []
  const platform: Platform = {
    kind: 'electron',
    saveFile: async () => ({ status: 'canceled' }),
    getAppInfo: async () => null,
    onSessionLock(listener) {
      lockListeners.push(listener)
      return () => lockListeners.splice(lockListeners.indexOf(listener), 1)
    }
  }
  setPlatform(platform)
  setActivePinia(createPinia())
  await saveSetup(db, { clerkName: '王小明', leaderName: '李主任', pin: PIN, pinAgain: PIN }, Date.now(), { iterations: 1000 })
})

afterEach(async () => {
  vi.useRealTimers()
  installAuditAnchor(null)
  setPlatform(null)
  setDatabase(null)
  db.close()
  await Dexie.delete(db.name)
})

async function leader() {
  const session = useSessionStore()
  await session.load()
  expect(await session.enterLeader(PIN)).toEqual({ ok: true })
  return session
}

describe('idle logout', () => {
  it('shows the time left, counts activity, and returns to 起草人 after 5 idle minutes by default', async () => {
    const session = await leader()
    expect(session.countdownText).toBe('审核人 · 5:00 后自动退出')
    vi.advanceTimersByTime(1000)
    expect(session.countdownText).toBe('审核人 · 4:59 后自动退出')
    vi.advanceTimersByTime(4 * 60_000)
    expect(session.role).toBe('leader')
    session.touch()
    vi.advanceTimersByTime(1000)
    expect(session.countdownText).toBe('审核人 · 4:59 后自动退出')
    vi.advanceTimersByTime(4 * 60_000 + 58_000)
    expect(session.role).toBe('leader')
    vi.advanceTimersByTime(1000)
    expect(session.role).toBe('clerk')
    expect(session.lastEnd).toBe('idle')
    expect(session.signer).toBeNull()
    expect(session.countdownText).toBe('')
  })

  it('uses the idle time set in 审核设置 (stored), and refuses values outside 1–60 minutes', async () => {
    const first = useSessionStore()
    await first.load()
    await first.setIdleMinutes(2)
    await expect(first.setIdleMinutes(0)).rejects.toThrow('自动退出时间需要是 1 到 60 之间的整数分钟。')
    setActivePinia(createPinia())
    const session = await leader()
    expect(session.idleMinutes).toBe(2)
    expect(session.countdownText).toBe('审核人 · 2:00 后自动退出')
    vi.advanceTimersByTime(2 * 60_000)
    expect(session.role).toBe('clerk')
  })

  it('treats hidden time as idle: activity after the deadline does not revive the role', async () => {
    const session = await leader()
    // Timers are throttled while the page is hidden: the clock jumps without ticks.
    vi.setSystemTime(Date.now() + 6 * 60_000)
    session.touch()
    expect(session.role).toBe('clerk')
    expect(session.lastEnd).toBe('idle')
  })

  it('ends at once when the screen locks or the PC suspends', async () => {
    for (const reason of ['lock-screen', 'suspend'] as const) {
      const session = await leader()
      session.listenForLock()
      for (const l of [...lockListeners]) l(reason)
      expect(session.role).toBe('clerk')
      expect(session.lastEnd).toBe(reason)
    }
  })

  it('every start begins as 起草人', async () => {
    await leader()
    setActivePinia(createPinia())
    const restarted = useSessionStore()
    await restarted.load()
    expect(restarted.role).toBe('clerk')
    expect(restarted.signer).toBeNull()
  })
})

describe('fresh PIN for signed actions', () => {
  it('gives the key at once within a minute of the PIN, and asks again after', async () => {
    const session = await leader()
    vi.advanceTimersByTime(59_000)
    session.touch()
    const quick = await session.freshSigner()
    expect(quick).toBe(session.signer)
    vi.advanceTimersByTime(2000)
    const asked = session.freshSigner()
    expect(session.pinOpen).toBe(true)
    expect(session.pinPurpose).toBe('confirm')
    expect(await session.enterLeader('000000')).toMatchObject({ ok: false })
    expect(session.pinOpen).toBe(true)
    expect(await session.enterLeader(PIN)).toEqual({ ok: true })
    const signer = await asked
    expect(signer).not.toBeNull()
    expect(signer!.fingerprint).toBe(session.signer!.fingerprint)
    // The new PIN is fresh again.
    expect(await session.freshSigner()).toBe(session.signer)
  })

  it('resolves null when the PIN dialog is cancelled, and when the role ends meanwhile', async () => {
    const session = await leader()
    vi.advanceTimersByTime(61_000)
    session.touch()
    const cancelled = session.freshSigner()
    session.cancelPin()
    expect(await cancelled).toBeNull()
    session.listenForLock()
    const dropped = session.freshSigner()
    expect(session.pinOpen).toBe(true)
    for (const l of [...lockListeners]) l('lock-screen')
    expect(await dropped).toBeNull()
    expect(session.pinOpen).toBe(false)
  })
})

describe('formatRemaining', () => {
  it('rounds up to whole seconds', () => {
    expect(formatRemaining(300_000)).toBe('5:00')
    expect(formatRemaining(299_001)).toBe('5:00')
    expect(formatRemaining(299_000)).toBe('4:59')
    expect(formatRemaining(9_000)).toBe('0:09')
    expect(formatRemaining(0)).toBe('0:00')
  })
})
