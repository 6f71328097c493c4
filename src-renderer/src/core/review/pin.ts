// The leader's PIN: stored only as a salted PBKDF2-SHA-256 hash (WebCrypto, which Node 20 and
// Chromium both provide), and repeated wrong PINs make the next attempt wait longer.

/** OWASP's floor for PBKDF2-SHA-256 is 210 000; a little more costs ~0.2 s on an office PC. */
export const PIN_ITERATIONS = 310_000
const SALT_BYTES = 16
const HASH_BITS = 256

export interface PinRecord {
  algorithm: 'PBKDF2-SHA-256'
  iterations: number
  /** base64 */
  salt: string
  /** base64 */
  hash: string
}

/** A Chinese message when the PIN is unusable, or null. Digits only: it is typed often. */
export function pinProblem(pin: string): string | null {
  if (!/^\d+$/.test(pin)) return 'PIN只能由数字组成，请重新输入。'
  if (pin.length < 4 || pin.length > 12) return 'PIN需要4到12位数字，请重新输入。'
  if (/^(\d)\1+$/.test(pin)) return 'PIN不能全是相同的数字，请换一个不易猜到的PIN。'
  return null
}

function toBase64(bytes: Uint8Array): string {
  let s = ''
  for (const b of bytes) s += String.fromCharCode(b)
  return btoa(s)
}

function fromBase64(text: string): Uint8Array {
  const s = atob(text)
  const out = new Uint8Array(s.length)
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i)
  return out
}

async function derive(pin: string, salt: Uint8Array, iterations: number): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(pin), 'PBKDF2', false, ['deriveBits'])
  const bits = await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt: salt as BufferSource, iterations }, key, HASH_BITS)
  return new Uint8Array(bits)
}

export async function hashPin(pin: string, options: { iterations?: number; salt?: Uint8Array } = {}): Promise<PinRecord> {
  const iterations = options.iterations ?? PIN_ITERATIONS
  const salt = options.salt ?? crypto.getRandomValues(new Uint8Array(SALT_BYTES))
  const hash = await derive(pin, salt, iterations)
  return { algorithm: 'PBKDF2-SHA-256', iterations, salt: toBase64(salt), hash: toBase64(hash) }
}

/** Constant-time over the hash bytes, so timing tells nothing about how close a guess was. */
export async function verifyPin(pin: string, record: PinRecord): Promise<boolean> {
  const expected = fromBase64(record.hash)
  const actual = await derive(pin, fromBase64(record.salt), record.iterations)
  let diff = expected.length ^ actual.length
  for (let i = 0; i < Math.min(expected.length, actual.length); i++) diff |= expected[i] ^ actual[i]
  return diff === 0
}

// ---- throttling -----------------------------------------------------------------------------

/** Persisted between attempts (and restarts), so closing the dialog or the app does not reset it. */
export interface ThrottleState {
  failures: number
  lastFailureAt: number
}

export const NO_FAILURES: ThrottleState = { failures: 0, lastFailureAt: 0 }
const FREE_FAILURES = 2
const MAX_DELAY_MS = 5 * 60_000

/** Wait required after `failures` consecutive wrong PINs: none for the first two slips, then 2 s, 4 s, 8 s … up to 5 minutes. */
export function throttleDelayMs(failures: number): number {
  if (failures <= FREE_FAILURES) return 0
  return Math.min(MAX_DELAY_MS, 1000 * 2 ** (failures - FREE_FAILURES))
}

/** Milliseconds to wait before another attempt is allowed (0 = go ahead). */
export function waitBeforeAttempt(state: ThrottleState, now: number): number {
  const delay = throttleDelayMs(state.failures)
  return Math.max(0, state.lastFailureAt + delay - now)
}

export function recordFailure(state: ThrottleState, now: number): ThrottleState {
  return { failures: state.failures + 1, lastFailureAt: now }
}

export function throttleMessage(waitMs: number): string {
  const seconds = Math.ceil(waitMs / 1000)
  return `PIN连续输错多次，请 ${seconds} 秒后再试。`
}
