// The audit trail: each entry carries the SHA-256 of its own canonical JSON together with the
// previous entry's hash, so changing, removing or reordering a stored entry breaks the chain.
import { sha256Hex } from '../hash'
import type { Role } from './workflow'

export type AuditAction =
  | 'submit'
  | 'return'
  | 'approve'
  | 'reopen'
  | 'export'
  | 'restore'
  | 'pin-set'
  | 'pin-change'
  | 'version'

export const AUDIT_ACTION_LABELS: Record<AuditAction, string> = {
  submit: '送审',
  return: '退回修改',
  approve: '审核通过',
  reopen: '重新打开',
  export: '报送导出',
  restore: '恢复版本',
  'pin-set': '设置审核人PIN',
  'pin-change': '修改审核人PIN',
  version: '保存版本'
}

/** How an entry is named in the UI: an export of the review copy is not a 报送. */
export function auditEntryLabel(entry: Pick<AuditEntryData, 'action' | 'detail'>): string {
  if (entry.action === 'export' && entry.detail.kind === 'review') return '导出审核稿'
  return AUDIT_ACTION_LABELS[entry.action]
}

export interface AuditEntryData {
  /** '' for app-wide events (PIN changes). */
  reportId: string
  at: number
  role: Role
  name: string
  action: AuditAction
  /** Action-specific facts: opinion, content hash, file name and hash, version id… */
  detail: Record<string, string | number | boolean | null>
}

export interface AuditEntry extends AuditEntryData {
  /** 1, 2, 3 … within the report's log. */
  seq: number
  prevHash: string
  hash: string
}

export const GENESIS_HASH = '0'.repeat(64)

/** JSON with object keys sorted at every level: the same data always gives the same bytes. */
export function canonicalJSON(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isFinite(value)) throw new Error('canonicalJSON: non-finite number')
    return JSON.stringify(value ?? null)
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJSON).join(',')}]`
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJSON(v)}`).join(',')}}`
}

export { sha256Hex }

/** The hash covers every field except itself, prevHash included. */
export function entryHash(entry: Omit<AuditEntry, 'hash'>): Promise<string> {
  const { reportId, at, role, name, action, detail, seq, prevHash } = entry
  return sha256Hex(canonicalJSON({ reportId, at, role, name, action, detail, seq, prevHash }))
}

/** The next entry of a log whose last entry is `last` (undefined for an empty log). */
export async function chainEntry(last: AuditEntry | undefined, data: AuditEntryData): Promise<AuditEntry> {
  const base = { ...data, detail: { ...data.detail }, seq: (last?.seq ?? 0) + 1, prevHash: last?.hash ?? GENESIS_HASH }
  return { ...base, hash: await entryHash(base) }
}

export type ChainVerdict = { ok: true; count: number } | { ok: false; seq: number; message: string }

/** Checks a log in seq order; reports the first entry that does not fit. */
export async function verifyChain(entries: readonly AuditEntry[]): Promise<ChainVerdict> {
  let prev = GENESIS_HASH
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i]
    if (e.seq !== i + 1) {
      return { ok: false, seq: e.seq, message: `审计记录第 ${i + 1} 条缺失或顺序被改动，记录可能已被篡改。` }
    }
    if (e.prevHash !== prev) {
      return { ok: false, seq: e.seq, message: `审计记录第 ${e.seq} 条与前一条不衔接，之前的记录可能被删除或改动。` }
    }
    if ((await entryHash(e)) !== e.hash) {
      return { ok: false, seq: e.seq, message: `审计记录第 ${e.seq} 条的内容与其校验值不符，记录可能已被篡改。` }
    }
    prev = e.hash
  }
  return { ok: true, count: entries.length }
}
