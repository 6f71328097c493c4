// Who is at the keyboard: 起草人 or 审核人. The role lives in memory only: every start of the
// app begins as the clerk, and becoming the leader always asks for the PIN. The role ends by
// itself after the idle time set in 审核设置 (default 5 minutes, time with the page hidden
// counts as idle) and when the OS locks the screen or suspends (desktop). The leader's
// unlocked signing key is held here while the role lasts, and signed actions want a PIN
// entered within the last minute.
import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import { ROLE_LABELS, type Role } from '@core/review/workflow'
import type { Person } from '@core/review/threads'
import type { Signer } from '@core/review/signing'
import { formatRemaining, idleMinutesProblem, idleRemainingMs, normalizeIdleMinutes, pinIsFresh, DEFAULT_IDLE_MINUTES } from '@core/review/idle'
import { getDatabase, getSetting, setSetting } from '../db/database'
import { getReviewPeople } from '../db/review'
import { saveSetup, unlockLeader, type PinCheck, type SetupInput } from '../services/review'
import { getPlatform } from '../platform'

export const IDLE_SETTING_KEY = 'review.idleMinutes'
const TICK_MS = 1000

export type RoleEndReason = 'idle' | 'lock-screen' | 'suspend' | 'manual'

export const ROLE_END_MESSAGES: Record<Exclude<RoleEndReason, 'manual'>, string> = {
  idle: '审核人长时间没有操作，已自动切换回起草人。',
  'lock-screen': '电脑已锁屏，已自动切换回起草人。',
  suspend: '电脑进入睡眠，已自动切换回起草人。'
}

export const useSessionStore = defineStore('session', () => {
  const people = ref<{ clerkName: string; leaderName: string } | null>(null)
  const loaded = ref(false)
  const role = ref<Role>('clerk')
  /** The first-run dialog; opened when something needs the two people (never on its own). */
  const setupOpen = ref(false)
  const pinOpen = ref(false)
  /** 'enter': switching to the leader; 'confirm': a signed action wants a fresh PIN. */
  const pinPurpose = ref<'enter' | 'confirm'>('enter')
  const idleMinutes = ref(DEFAULT_IDLE_MINUTES)
  const lastActivity = ref(0)
  const now = ref(Date.now())
  /** Why the role ended last (the app bar says it once). */
  const lastEnd = ref<RoleEndReason | null>(null)
  const signer = shallowRef<Signer | null>(null)
  let pinAt: number | null = null
  let timer: ReturnType<typeof setInterval> | null = null
  let afterSetup: (() => void) | null = null
  let pinWaiter: ((signer: Signer | null) => void) | null = null

  const person = computed<Person>(() => ({
    role: role.value,
    name: role.value === 'leader' ? (people.value?.leaderName ?? ROLE_LABELS.leader) : (people.value?.clerkName ?? ROLE_LABELS.clerk)
  }))
  const roleText = computed(() => `${ROLE_LABELS[role.value]}${people.value ? `（${person.value.name}）` : ''}`)
  const remainingMs = computed(() => (role.value === 'leader' ? idleRemainingMs(now.value, lastActivity.value, idleMinutes.value) : 0))
  /** "审核人 · 4:59 后自动退出" */
  const countdownText = computed(() => (role.value === 'leader' ? `${ROLE_LABELS.leader} · ${formatRemaining(remainingMs.value)} 后自动退出` : ''))

  async function load(): Promise<void> {
    const db = getDatabase()
    const found = await getReviewPeople(db)
    people.value = found ? { clerkName: found.clerkName, leaderName: found.leaderName } : null
    idleMinutes.value = normalizeIdleMinutes(await getSetting(db, IDLE_SETTING_KEY))
    loaded.value = true
  }

  async function setIdleMinutes(minutes: number): Promise<void> {
    const problem = idleMinutesProblem(minutes)
    if (problem) throw new Error(problem)
    await setSetting(getDatabase(), IDLE_SETTING_KEY, minutes)
    idleMinutes.value = minutes
  }

  /** True when set up; otherwise opens the setup dialog and runs `then` once it is saved. */
  async function ensureSetup(then?: () => void): Promise<boolean> {
    if (!loaded.value) await load()
    if (people.value) return true
    afterSetup = then ?? null
    setupOpen.value = true
    return false
  }

  function becomeLeader(unlocked: Signer, at: number): void {
    signer.value = unlocked
    pinAt = at
    lastActivity.value = at
    now.value = at
    lastEnd.value = null
    role.value = 'leader'
    startTimer()
  }

  async function setup(input: SetupInput): Promise<void> {
    const saved = await saveSetup(getDatabase(), input)
    people.value = { clerkName: saved.people.clerkName, leaderName: saved.people.leaderName }
    // A leader changing the PIN keeps the role with the re-wrapped key; a first setup started
    // by the clerk (e.g. from 送审) leaves the clerk at the keyboard.
    if (role.value === 'leader') becomeLeader(saved.signer, Date.now())
    setupOpen.value = false
    const next = afterSetup
    afterSetup = null
    next?.()
  }

  function dismissSetup(): void {
    setupOpen.value = false
    afterSetup = null
  }

  /** Asks for the PIN (after setup if needed). */
  async function requestLeader(): Promise<void> {
    const open = () => {
      pinPurpose.value = 'enter'
      pinOpen.value = true
    }
    if (await ensureSetup(open)) open()
  }

  async function enterLeader(pin: string): Promise<PinCheck> {
    const at = Date.now()
    const result = await unlockLeader(getDatabase(), pin, at)
    if (!result.ok) return result
    becomeLeader(result.signer, at)
    pinOpen.value = false
    const waiter = pinWaiter
    pinWaiter = null
    waiter?.(result.signer)
    return { ok: true }
  }

  /** The PIN dialog was closed without a PIN. */
  function cancelPin(): void {
    pinOpen.value = false
    const waiter = pinWaiter
    pinWaiter = null
    waiter?.(null)
  }

  /**
   * The leader's key for a signed action (审核通过, 退回修改, 重新打开): at once when the PIN
   * was entered within the last minute, otherwise after asking for it again; null if cancelled.
   */
  function freshSigner(at = Date.now()): Promise<Signer | null> {
    if (role.value === 'leader' && signer.value && pinIsFresh(at, pinAt)) return Promise.resolve(signer.value)
    pinWaiter?.(null)
    return new Promise((resolve) => {
      pinWaiter = resolve
      pinPurpose.value = 'confirm'
      pinOpen.value = true
    })
  }

  function endRole(reason: RoleEndReason): void {
    if (role.value !== 'leader') return
    role.value = 'clerk'
    signer.value = null
    pinAt = null
    lastEnd.value = reason
    stopTimer()
    if (pinPurpose.value === 'confirm' && pinOpen.value) cancelPin()
  }

  function switchToClerk(): void {
    endRole('manual')
  }

  /** Keyboard, mouse or touch: the leader is still there. */
  function touch(at = Date.now()): void {
    if (role.value !== 'leader') return
    // Activity after the deadline does not revive the role: the tick ends it first.
    if (idleRemainingMs(at, lastActivity.value, idleMinutes.value) === 0) {
      endRole('idle')
      return
    }
    lastActivity.value = at
  }

  /** Re-reads the clock; ends the role when the idle time has run out. */
  function tick(at = Date.now()): void {
    now.value = at
    if (role.value === 'leader' && idleRemainingMs(at, lastActivity.value, idleMinutes.value) === 0) endRole('idle')
  }

  function startTimer(): void {
    stopTimer()
    timer = setInterval(() => tick(), TICK_MS)
  }

  function stopTimer(): void {
    if (timer !== null) clearInterval(timer)
    timer = null
  }

  let unsubscribeLock: (() => void) | null = null
  /** OS screen lock / suspend (desktop); installed once by the app shell. */
  function listenForLock(): () => void {
    unsubscribeLock?.()
    unsubscribeLock = getPlatform().onSessionLock?.((reason) => endRole(reason)) ?? null
    return () => {
      unsubscribeLock?.()
      unsubscribeLock = null
    }
  }

  return {
    people,
    loaded,
    role,
    person,
    roleText,
    setupOpen,
    pinOpen,
    pinPurpose,
    idleMinutes,
    lastActivity,
    remainingMs,
    countdownText,
    lastEnd,
    signer,
    load,
    setIdleMinutes,
    ensureSetup,
    setup,
    dismissSetup,
    requestLeader,
    enterLeader,
    cancelPin,
    freshSigner,
    endRole,
    switchToClerk,
    touch,
    tick,
    listenForLock
  }
})
