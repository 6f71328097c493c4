// The audit anchor: a small record kept OUTSIDE IndexedDB (desktop: a file in huibao-data,
// browser: a second store) with each audit chain's latest (seq, hash) and the signing key's
// fingerprint. Whoever edits only IndexedDB cannot make the two agree again, so deleting the
// last entries, recomputing the chain after the last signature or swapping the key shows.
//
// Two-phase: before an entry's transaction the anchor records it as `pending`, after the commit
// as the chain's head. A crash in between leaves the database at either the head or the pending
// entry — both accepted — so a power cut is never reported as tampering.
import { z } from 'zod'

export interface ChainHead {
  seq: number
  hash: string
}

export interface ChainAnchor extends ChainHead {
  pending?: ChainHead
}

/** A restore of a whole backup: the chains start again from what the backup held. */
export interface AnchorRestore {
  at: number
  backupCreatedAt: number
  /** The key in the backup differs from the one this PC had (or one of them had none). */
  keyChanged: boolean
  /** Per chain: the last seq before and after the restore. */
  chains: Record<string, { before: number; after: number }>
}

export interface AuditAnchor {
  format: 'huibao-audit-anchor'
  version: 1
  keyFingerprint: string | null
  keyCreatedAt: number | null
  /** Per chain: entries up to this seq were written before the signing key existed (未签名). */
  legacyUpTo: Record<string, number>
  chains: Record<string, ChainAnchor>
  restores: AnchorRestore[]
}

/**
 * Built on first use, not at import: this module loads with the app's entry chunk, before
 * zod-config.ts has switched zod to jitless, and building an object schema earlier would make
 * zod probe `new Function` — a CSP violation in the app.
 */
let schema: ReturnType<typeof buildSchema> | null = null
export function auditAnchorSchema() {
  schema ??= buildSchema()
  return schema
}

function buildSchema() {
  const head = z.strictObject({ seq: z.number().int().nonnegative(), hash: z.string().regex(/^[0-9a-f]{64}$/) })
  return z.strictObject({
  format: z.literal('huibao-audit-anchor'),
  version: z.literal(1),
  keyFingerprint: z.string().regex(/^[0-9a-f]{64}$/).nullable(),
  keyCreatedAt: z.number().nullable(),
  legacyUpTo: z.record(z.string().max(200), z.number().int().nonnegative()),
  chains: z.record(z.string().max(200), head.extend({ pending: head.optional() })),
  restores: z
    .array(
      z.strictObject({
        at: z.number(),
        backupCreatedAt: z.number(),
        keyChanged: z.boolean(),
        chains: z.record(z.string().max(200), z.strictObject({ before: z.number().int(), after: z.number().int() }))
      })
    )
    .max(1000)
  })
}

export function emptyAnchor(): AuditAnchor {
  return { format: 'huibao-audit-anchor', version: 1, keyFingerprint: null, keyCreatedAt: null, legacyUpTo: {}, chains: {}, restores: [] }
}

/** null for text that is not an anchor (missing, damaged): the verdict then says so. */
export function parseAnchor(text: string | null): AuditAnchor | null {
  if (!text) return null
  try {
    const parsed = auditAnchorSchema().safeParse(JSON.parse(text))
    return parsed.success ? (parsed.data as AuditAnchor) : null
  } catch {
    return null
  }
}

/** Before the transaction: the entry about to be written. */
export function withPending(anchor: AuditAnchor, chain: string, entry: ChainHead): AuditAnchor {
  const current = anchor.chains[chain] ?? { seq: 0, hash: '0'.repeat(64) }
  return { ...anchor, chains: { ...anchor.chains, [chain]: { seq: current.seq, hash: current.hash, pending: { seq: entry.seq, hash: entry.hash } } } }
}

/** After the commit: the entry is the chain's head. */
export function withCommitted(anchor: AuditAnchor, chain: string, entry: ChainHead): AuditAnchor {
  return { ...anchor, chains: { ...anchor.chains, [chain]: { seq: entry.seq, hash: entry.hash } } }
}

/** After a failed transaction: drop the pending entry again. */
export function withoutPending(anchor: AuditAnchor, chain: string): AuditAnchor {
  const current = anchor.chains[chain]
  if (!current?.pending) return anchor
  const { pending: _gone, ...rest } = current
  return { ...anchor, chains: { ...anchor.chains, [chain]: rest } }
}

/**
 * The signing key was created: remember its fingerprint, and that every entry existing now was
 * written without a key (those are reported as 未签名, never as tampering). Chains are taken as
 * they are now — what happened to them before this moment cannot be proven either way.
 */
export function withKey(anchor: AuditAnchor, fingerprint: string, createdAt: number, heads: Record<string, ChainHead>): AuditAnchor {
  const legacyUpTo = { ...anchor.legacyUpTo }
  const chains = { ...anchor.chains }
  for (const [chain, h] of Object.entries(heads)) {
    legacyUpTo[chain] = Math.max(legacyUpTo[chain] ?? 0, h.seq)
    if (!chains[chain]) chains[chain] = { seq: h.seq, hash: h.hash }
  }
  return { ...anchor, keyFingerprint: fingerprint, keyCreatedAt: createdAt, legacyUpTo, chains }
}

/**
 * After restoring a backup the database holds the backup's chains: the anchor follows them
 * and records the restore, so the versions page can say "恢复自备份" instead of "被删除".
 */
export function rebased(
  anchor: AuditAnchor | null,
  heads: Record<string, ChainHead>,
  restored: { at: number; backupCreatedAt: number; keyFingerprint: string | null; keyCreatedAt: number | null; legacyUpTo: Record<string, number> }
): AuditAnchor {
  const before = anchor ?? emptyAnchor()
  const names = new Set([...Object.keys(before.chains), ...Object.keys(heads)])
  const changes: AnchorRestore['chains'] = {}
  for (const name of names) {
    const b = before.chains[name]?.seq ?? 0
    const a = heads[name]?.seq ?? 0
    if (a !== b || before.chains[name]?.hash !== heads[name]?.hash) changes[name] = { before: b, after: a }
  }
  const chains: Record<string, ChainAnchor> = {}
  for (const [name, h] of Object.entries(heads)) chains[name] = { seq: h.seq, hash: h.hash }
  return {
    format: 'huibao-audit-anchor',
    version: 1,
    keyFingerprint: restored.keyFingerprint,
    keyCreatedAt: restored.keyCreatedAt,
    legacyUpTo: restored.legacyUpTo,
    chains,
    restores: [
      ...before.restores,
      { at: restored.at, backupCreatedAt: restored.backupCreatedAt, keyChanged: before.keyFingerprint !== restored.keyFingerprint, chains: changes }
    ]
  }
}
