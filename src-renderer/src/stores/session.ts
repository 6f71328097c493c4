// Who is at the keyboard: 起草人 or 审核人. The role lives in memory only: every start of the
// app begins as the clerk, and becoming the leader always asks for the PIN.
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { ROLE_LABELS, type Role } from '@core/review/workflow'
import type { Person } from '@core/review/threads'
import { getDatabase } from '../db/database'
import { getReviewPeople } from '../db/review'
import { checkLeaderPin, saveSetup, type PinCheck, type SetupInput } from '../services/review'

export const useSessionStore = defineStore('session', () => {
  const people = ref<{ clerkName: string; leaderName: string } | null>(null)
  const loaded = ref(false)
  const role = ref<Role>('clerk')
  /** The first-run dialog; opened when something needs the two people (never on its own). */
  const setupOpen = ref(false)
  const pinOpen = ref(false)
  let afterSetup: (() => void) | null = null

  const person = computed<Person>(() => ({
    role: role.value,
    name: role.value === 'leader' ? (people.value?.leaderName ?? ROLE_LABELS.leader) : (people.value?.clerkName ?? ROLE_LABELS.clerk)
  }))
  const roleText = computed(() => `${ROLE_LABELS[role.value]}${people.value ? `（${person.value.name}）` : ''}`)

  async function load(): Promise<void> {
    const found = await getReviewPeople(getDatabase())
    people.value = found ? { clerkName: found.clerkName, leaderName: found.leaderName } : null
    loaded.value = true
  }

  /** True when set up; otherwise opens the setup dialog and runs `then` once it is saved. */
  async function ensureSetup(then?: () => void): Promise<boolean> {
    if (!loaded.value) await load()
    if (people.value) return true
    afterSetup = then ?? null
    setupOpen.value = true
    return false
  }

  async function setup(input: SetupInput): Promise<void> {
    const saved = await saveSetup(getDatabase(), input)
    people.value = { clerkName: saved.clerkName, leaderName: saved.leaderName }
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
    if (await ensureSetup(() => (pinOpen.value = true))) pinOpen.value = true
  }

  async function enterLeader(pin: string): Promise<PinCheck> {
    const result = await checkLeaderPin(getDatabase(), pin)
    if (result.ok) {
      role.value = 'leader'
      pinOpen.value = false
    }
    return result
  }

  function switchToClerk(): void {
    role.value = 'clerk'
  }

  return { people, loaded, role, person, roleText, setupOpen, pinOpen, load, ensureSetup, setup, dismissSetup, requestLeader, enterLeader, switchToClerk }
})
