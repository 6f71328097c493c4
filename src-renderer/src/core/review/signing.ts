// The leader's signing key: approvals, returns and reopenings carry an ECDSA P-256 signature
// over their audit hash. The private key is stored only wrapped (AES-GCM) under a key derived
// from the leader's PIN (PBKDF2), so nobody without the PIN can sign — not even someone who
// edits IndexedDB directly. WebCrypto only (Chromium and Node 20+ both have it).

export const SIGNING_ALGORITHM = 'ECDSA-P256-SHA256'
/** Same cost as the PIN hash (see pin.ts): ~0.2 s on an office PC. */
export const WRAP_ITERATIONS = 310_000
const SALT_BYTES = 16
const IV_BYTES = 12
const EC = { name: 'ECDSA', namedCurve: 'P-256' } as const
const SIGN = { name: 'ECDSA', hash: 'SHA-256' } as const

export interface SigningKeyRecord {
  format: 'huibao-signing-key'
  version: 1
  algorithm: typeof SIGNING_ALGORITHM
  /** base64 SPKI */
  publicKey: string
  /** SHA-256 hex of the SPKI bytes: what the anchor outside IndexedDB remembers. */
  fingerprint: string
  /** base64: the PKCS#8 private key, AES-GCM encrypted with the PIN-derived key. */
  wrapped: string
  salt: string
  iv: string
  iterations: number
  createdAt: number
}

export interface EntrySignature {
  /** Fingerprint of the key that signed. */
  key: string
  /** base64 IEEE P1363 (r‖s) signature. */
  value: string
}

/** An unlocked key, held in memory only while the leader's PIN is fresh. */
export interface Signer {
  fingerprint: string
  sign(hash: string): Promise<EntrySignature>
}

export function toBase64(bytes: Uint8Array): string {
  let s = ''
  for (const b of bytes) s += String.fromCharCode(b)
  return btoa(s)
}

export function fromBase64(text: string): Uint8Array {
  const s = atob(text)
  const out = new Uint8Array(s.length)
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i)
  return out
}

async function sha256HexBytes(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes as BufferSource)
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('')
}

/** What is signed: the entry hash with a domain tag, so the key signs nothing else by accident. */
function message(hash: string): Uint8Array {
  return new TextEncoder().encode(`huibao-audit-v1:${hash}`)
}

async function wrappingKey(pin: string, salt: Uint8Array, iterations: number): Promise<CryptoKey> {
  const base = await crypto.subtle.importKey('raw', new TextEncoder().encode(pin), 'PBKDF2', false, ['deriveKey'])
  return crypto.subtle.deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt: salt as BufferSource, iterations },
    base,
    { name: 'AES-GCM', length: 256 },
    false,
    ['wrapKey', 'unwrapKey']
  )
}

/** The wrapped private key is bound to its public key: swapping one half breaks the unwrap. */
function gcm(iv: Uint8Array, fingerprint: string): AesGcmParams {
  return { name: 'AES-GCM', iv: iv as BufferSource, additionalData: new TextEncoder().encode(fingerprint) as BufferSource }
}

async function wrap(privateKey: CryptoKey, pin: string, fingerprint: string, iterations: number) {
  const salt = crypto.getRandomValues(new Uint8Array(SALT_BYTES))
  const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES))
  const wrapped = await crypto.subtle.wrapKey('pkcs8', privateKey, await wrappingKey(pin, salt, iterations), gcm(iv, fingerprint))
  return { wrapped: toBase64(new Uint8Array(wrapped)), salt: toBase64(salt), iv: toBase64(iv), iterations }
}

function signerOf(privateKey: CryptoKey, fingerprint: string): Signer {
  return {
    fingerprint,
    async sign(hash) {
      const sig = await crypto.subtle.sign(SIGN, privateKey, message(hash) as BufferSource)
      return { key: fingerprint, value: toBase64(new Uint8Array(sig)) }
    }
  }
}

export async function fingerprintOf(publicKeyBase64: string): Promise<string> {
  return sha256HexBytes(fromBase64(publicKeyBase64))
}

/** A new key pair, its private half wrapped under `pin`. */
export async function createSigningKey(pin: string, options: { now?: number; iterations?: number } = {}): Promise<{ record: SigningKeyRecord; signer: Signer }> {
  const pair = (await crypto.subtle.generateKey(EC, true, ['sign', 'verify'])) as CryptoKeyPair
  const spki = new Uint8Array(await crypto.subtle.exportKey('spki', pair.publicKey))
  const fingerprint = await sha256HexBytes(spki)
  const wrapped = await wrap(pair.privateKey, pin, fingerprint, options.iterations ?? WRAP_ITERATIONS)
  const record: SigningKeyRecord = {
    format: 'huibao-signing-key',
    version: 1,
    algorithm: SIGNING_ALGORITHM,
    publicKey: toBase64(spki),
    fingerprint,
    ...wrapped,
    createdAt: options.now ?? Date.now()
  }
  // Keep a non-extractable copy in memory: the extractable one existed only to be wrapped.
  // (Re-imported directly: unwrapping would cost a second PBKDF2 run for nothing.)
  const pkcs8 = await crypto.subtle.exportKey('pkcs8', pair.privateKey)
  const privateKey = await crypto.subtle.importKey('pkcs8', pkcs8, EC, false, ['sign'])
  return { record, signer: signerOf(privateKey, fingerprint) }
}

async function unwrap(record: SigningKeyRecord, pin: string, extractable: boolean): Promise<CryptoKey | null> {
  try {
    const key = await wrappingKey(pin, fromBase64(record.salt), record.iterations)
    return await crypto.subtle.unwrapKey('pkcs8', fromBase64(record.wrapped) as BufferSource, key, gcm(fromBase64(record.iv), record.fingerprint), EC, extractable, ['sign'])
  } catch {
    // AES-GCM refuses a wrong PIN (or a record whose halves do not belong together).
    return null
  }
}

/** The signer for `pin`, or null when the PIN does not open this key. */
export async function unlockSigningKey(record: SigningKeyRecord, pin: string): Promise<{ signer: Signer } | null> {
  const privateKey = await unwrap(record, pin, false)
  if (!privateKey) return null
  const signer = signerOf(privateKey, record.fingerprint)
  // A pair that does not sign for its own public key is useless: treat it as not opened.
  const probe = await signer.sign('0'.repeat(64))
  if (!(await verifySignature(record, '0'.repeat(64), probe))) return null
  return { signer }
}

/** The same key pair under a new PIN (the fingerprint stays, so old signatures still verify). */
export async function rewrapSigningKey(record: SigningKeyRecord, oldPin: string, newPin: string, iterations = record.iterations): Promise<SigningKeyRecord | null> {
  const privateKey = await unwrap(record, oldPin, true)
  if (!privateKey) return null
  return { ...record, ...(await wrap(privateKey, newPin, record.fingerprint, iterations)) }
}

/** True when `sig` is this key's signature over `hash`. Never throws. */
export async function verifySignature(record: Pick<SigningKeyRecord, 'publicKey' | 'fingerprint'>, hash: string, sig: EntrySignature): Promise<boolean> {
  if (sig.key !== record.fingerprint) return false
  try {
    const publicKey = await crypto.subtle.importKey('spki', fromBase64(record.publicKey) as BufferSource, EC, false, ['verify'])
    return await crypto.subtle.verify(SIGN, publicKey, fromBase64(sig.value) as BufferSource, message(hash) as BufferSource)
  } catch {
    return false
  }
}

export function isSigningKeyRecord(value: unknown): value is SigningKeyRecord {
  const r = value as Partial<SigningKeyRecord> | null
  return (
    !!r &&
    r.format === 'huibao-signing-key' &&
    r.algorithm === SIGNING_ALGORITHM &&
    typeof r.publicKey === 'string' &&
    typeof r.fingerprint === 'string' &&
    typeof r.wrapped === 'string' &&
    typeof r.salt === 'string' &&
    typeof r.iv === 'string' &&
    typeof r.iterations === 'number' &&
    typeof r.createdAt === 'number'
  )
}
