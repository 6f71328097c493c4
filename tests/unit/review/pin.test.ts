// PIN hashing (PBKDF2 through WebCrypto) and the growing delay after wrong PINs.
import { describe, expect, it } from 'vitest'
import {
  NO_FAILURES,
  PIN_ITERATIONS,
  hashPin,
  pinProblem,
  recordFailure,
  throttleDelayMs,
  throttleMessage,
  verifyPin,
  waitBeforeAttempt
} from '@core/review/pin'

describe('PIN hashing', () => {
  it('stores a salted slow hash that verifies the right PIN only', async () => {
    const record = await hashPin('482915')
    expect(record.iterations).toBeGreaterThanOrEqual(210_000)
    expect(record.iterations).toBe(PIN_ITERATIONS)
    expect(JSON.stringify(record)).not.toContain('482915')
    expect(atob(record.salt).length).toBeGreaterThanOrEqual(16)
    expect(atob(record.hash).length).toBe(32)
    expect(await verifyPin('482915', record)).toBe(true)
    expect(await verifyPin('482916', record)).toBe(false)
    expect(await verifyPin('', record)).toBe(false)
  })

  it('gives the same PIN a different hash under a different salt', async () => {
    const a = await hashPin('482915', { iterations: 1000 })
    const b = await hashPin('482915', { iterations: 1000 })
    expect(a.salt).not.toBe(b.salt)
    expect(a.hash).not.toBe(b.hash)
  })

  it('matches an independent PBKDF2 computation (node:crypto)', async () => {
    const { pbkdf2Sync } = await import('node:crypto')
    const salt = new Uint8Array(16).map((_, i) => i * 7)
    const record = await hashPin('2468', { iterations: 5000, salt })
    const expected = pbkdf2Sync('2468', Buffer.from(salt), 5000, 32, 'sha256').toString('base64')
    expect(record.hash).toBe(expected)
  })

  it('verifies with the iteration count stored in the record', async () => {
    const record = await hashPin('13579', { iterations: 2000 })
    expect(await verifyPin('13579', record)).toBe(true)
    expect(await verifyPin('13579', { ...record, iterations: 2001 })).toBe(false)
  })

  it('rejects unusable PINs with a Chinese reason', () => {
    for (const bad of ['12a4', '123', '1234567890123', '0000', '']) {
      expect(pinProblem(bad)).toMatch(/PIN/)
    }
    expect(pinProblem('4829')).toBeNull()
    expect(pinProblem('123456789012')).toBeNull()
  })
})

describe('PIN throttling', () => {
  it('lets two slips pass, then doubles the wait up to a cap', () => {
    expect(throttleDelayMs(0)).toBe(0)
    expect(throttleDelayMs(2)).toBe(0)
    const delays = [3, 4, 5, 6].map(throttleDelayMs)
    for (let i = 1; i < delays.length; i++) expect(delays[i]).toBe(delays[i - 1] * 2)
    expect(delays[0]).toBeGreaterThan(0)
    expect(throttleDelayMs(100)).toBe(throttleDelayMs(101))
    expect(throttleDelayMs(100)).toBeLessThanOrEqual(5 * 60_000)
  })

  it('counts consecutive failures and tells how long to wait', () => {
    let state = NO_FAILURES
    const t0 = 1_000_000
    for (let i = 0; i < 4; i++) state = recordFailure(state, t0)
    expect(state.failures).toBe(4)
    const wait = waitBeforeAttempt(state, t0)
    expect(wait).toBe(throttleDelayMs(4))
    expect(waitBeforeAttempt(state, t0 + wait)).toBe(0)
    expect(waitBeforeAttempt(state, t0 + wait - 1)).toBe(1)
    expect(throttleMessage(wait)).toContain(String(Math.ceil(wait / 1000)))
  })

  it('survives a round trip through storage (plain JSON)', () => {
    const state = recordFailure(recordFailure(recordFailure(NO_FAILURES, 5000), 6000), 7000)
    const restored = JSON.parse(JSON.stringify(state))
    expect(waitBeforeAttempt(restored, 7000)).toBe(waitBeforeAttempt(state, 7000))
  })
})
