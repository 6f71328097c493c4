// Checks one report's audit trail completely: the hash chain, the leader's signatures and the
// anchor kept outside IndexedDB, plus whether the report's approved status is backed by a
// signed approval. Every finding is a Chinese sentence saying exactly what is wrong.
import type { ReportStatus } from '../report'
import { auditEntryLabel, entryHash, GENESIS_HASH, SIGNED_ACTIONS, type AuditEntry } from './audit'
import type { AuditAnchor } from './anchor'
import { fingerprintOf, verifySignature, type SigningKeyRecord } from './signing'

/** How one entry stands: signed and valid, an ordinary unsigned entry, or a finding. */
export type EntryMark = 'signed' | 'unsigned' | 'legacy' | 'bad-signature' | 'missing-signature' | 'broken'

export interface TrailVerdict {
  /** No sign of tampering (notes may still say what cannot be proven). */
  ok: boolean
  count: number
  /** What is wrong, most telling first. */
  problems: string[]
  /** Facts that are not tampering: unsigned old entries, a restore, no key yet. */
  notes: string[]
  marks: Record<number, EntryMark>
}

export interface TrailInput {
  /** The chain's id ('' for app-wide events). */
  chain: string
  entries: readonly AuditEntry[]
  key: SigningKeyRecord | null
  anchor: AuditAnchor | null
  /** The report's stored status and approval, to check that 审核通过 is backed by a signed entry. */
  status?: ReportStatus
  approvalHash?: string | null
  formatTime?: (ms: number) => string
}

const short = (hash: string) => `${hash.slice(0, 12)}…`

export async function verifyTrail(input: TrailInput): Promise<TrailVerdict> {
  const { entries, key, anchor, chain } = input
  const time = input.formatTime ?? ((ms: number) => new Date(ms).toISOString())
  const problems: string[] = []
  const notes: string[] = []
  const marks: Record<number, EntryMark> = {}
  const label = (e: AuditEntry) => `第 ${e.seq} 条（${auditEntryLabel(e)}）`

  // 1. The chain itself: order, links, each entry's own hash.
  let prev = GENESIS_HASH
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i]
    if (e.seq !== i + 1) {
      problems.push(`第 ${i + 1} 条记录缺失或记录顺序被改动（在该位置找到的是第 ${e.seq} 条）。`)
      marks[e.seq] = 'broken'
      break
    }
    if (e.prevHash !== prev) {
      problems.push(`${label(e)}与前一条不衔接：之前的记录被删除、插入或改动过。`)
      marks[e.seq] = 'broken'
      break
    }
    if ((await entryHash(e)) !== e.hash) {
      problems.push(`${label(e)}的内容与其校验值不符：这条记录被改动过。`)
      marks[e.seq] = 'broken'
      break
    }
    prev = e.hash
  }

  // 2. The key against the fingerprint kept outside IndexedDB.
  if (key) {
    const actual = await fingerprintOf(key.publicKey).catch(() => '')
    if (actual !== key.fingerprint) {
      problems.push('审核人签名公钥与其记录的指纹不符：签名密钥记录被改动过。')
    } else if (!anchor) {
      problems.push('外部校验文件缺失或已损坏：无法确认签名密钥没有被替换，也无法确认末尾的记录没有被删除。')
    } else if (anchor.keyFingerprint !== key.fingerprint) {
      problems.push(
        anchor.keyFingerprint
          ? `审核人签名密钥被替换：数据库中的公钥指纹为 ${short(key.fingerprint)}，外部校验文件记录的是 ${short(anchor.keyFingerprint)}。用替换后的密钥写入的签名都不可信。`
          : '数据库中有审核人签名密钥，但外部校验文件中没有它的记录：签名密钥可能是被放进数据库的。'
      )
    }
  } else if (anchor?.keyFingerprint) {
    problems.push(`审核人签名密钥从数据库中消失了（外部校验文件记录的指纹为 ${short(anchor.keyFingerprint)}）：签名无法验证。`)
  } else {
    notes.push('尚未建立审核人签名密钥（审核人在本版本中第一次输入PIN时建立）：在此之前的记录只有哈希链保护，改动后重新计算校验值无法被发现。')
  }

  // 3. Signatures. Once a key exists every approval, return and reopening must carry one.
  const legacyUpTo = anchor?.legacyUpTo[chain] ?? 0
  let legacy = 0
  for (const e of entries) {
    if (marks[e.seq] === 'broken') continue
    if (!SIGNED_ACTIONS.includes(e.action)) {
      marks[e.seq] = 'unsigned'
      continue
    }
    if (e.sig) {
      // Valid against an untrusted key still counts as signed here: step 2 already says why the key is not trusted.
      const valid = key ? await verifySignature(key, e.hash, e.sig) : false
      if (valid) marks[e.seq] = 'signed'
      else {
        marks[e.seq] = 'bad-signature'
        problems.push(`${label(e)}的审核人签名无效：这条记录，或它之前的某条记录，被改动后重新计算了校验值，或签名是伪造的。`)
      }
    } else if (!key && !anchor?.keyFingerprint) {
      marks[e.seq] = 'legacy'
      legacy++
    } else if (e.seq <= legacyUpTo) {
      marks[e.seq] = 'legacy'
      legacy++
    } else {
      marks[e.seq] = 'missing-signature'
      problems.push(`${label(e)}没有审核人签名：它不是用审核人PIN写入的，可能是伪造的。`)
    }
  }
  if (legacy > 0 && (key || anchor?.keyFingerprint)) {
    notes.push(`有 ${legacy} 条审核操作记录写于建立签名密钥之前，标为“未签名”：它们只受哈希链保护，改动后重新计算校验值无法被发现。`)
  }

  // 4. The anchor: the latest entry must be the one recorded outside IndexedDB.
  const last = entries.at(-1)
  const head = anchor?.chains[chain]
  if (anchor && head) {
    const at = (h: { seq: number; hash: string }) => last !== undefined && last.seq === h.seq && last.hash === h.hash
    const empty = (h: { seq: number }) => last === undefined && h.seq === 0
    const matches = at(head) || empty(head) || (head.pending !== undefined && (at(head.pending) || empty(head.pending)))
    if (!matches) {
      const count = entries.length
      const atHead = entries.find((e) => e.seq === head.seq)
      if (count < head.seq) {
        problems.push(`外部校验文件记录这份报告共有 ${head.seq} 条审核记录，现在只剩 ${count} 条：最后 ${head.seq - count} 条记录被删除了。`)
      } else if (atHead && atHead.hash !== head.hash) {
        problems.push(`第 ${head.seq} 条记录的校验值与外部校验文件不符：审核记录被改动后重新计算了整条校验链。`)
      } else if (count > head.seq) {
        problems.push(`第 ${head.seq + 1} 至 ${count} 条记录不在外部校验文件中：它们不是由本程序写入的，可能是伪造后追加的。`)
      } else {
        problems.push('最新的审核记录与外部校验文件不符：审核记录被改动过。')
      }
    }
  } else if (anchor && entries.length > 0) {
    problems.push('外部校验文件中没有这份报告的审核记录：整份审核记录可能是在本程序之外写入的。')
  } else if (!anchor && entries.length > 0 && !key) {
    notes.push('还没有外部校验文件：删除最后几条记录无法被发现。')
  }
  for (const r of anchor?.restores ?? []) {
    const change = r.chains[chain]
    if (!change) continue
    notes.push(
      `本机于 ${time(r.at)} 从备份（备份时间 ${time(r.backupCreatedAt)}）恢复了数据：这份报告的审核记录以恢复的备份为准（恢复前 ${change.before} 条，恢复后 ${change.after} 条）` +
        (r.keyChanged ? '；备份中的审核人签名密钥与恢复前不同。' : '。')
    )
  }

  // 5. A report marked approved must be backed by a signed approval of the same content.
  if (input.status === 'approved' || input.status === 'sent') {
    const decisive = [...entries].reverse().find((e) => e.action === 'approve' || e.action === 'reopen' || e.action === 'return')
    if (!decisive || decisive.action !== 'approve') {
      problems.push('报告状态为“审核通过”，但审核记录中最近一次审核操作不是“审核通过”：审核通过状态是在本程序之外改出来的。')
    } else if (input.approvalHash && decisive.detail.contentHash !== input.approvalHash) {
      problems.push(`报告保存的审核通过内容摘要与第 ${decisive.seq} 条审核通过记录不符：审核通过的内容被替换过。`)
    }
  }

  return { ok: problems.length === 0, count: entries.length, problems, notes, marks }
}

/** One line for the top of the versions page. */
export function verdictTitle(v: TrailVerdict): string {
  if (!v.ok) return `审核记录校验失败（发现 ${v.problems.length} 处问题）`
  return `记录完整：${v.count} 条记录的校验链、签名和外部校验点一致。`
}
