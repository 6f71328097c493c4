// Tampering with the stored audit trail, kind by kind, as someone with direct access to
// IndexedDB (but not the leader's PIN and not the anchor outside it) would do it. Each kind
// must be reported by the versions page's check with a precise Chinese sentence.
import 'fake-indexeddb/auto'
import Dexie from 'dexie'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { builtInTemplate } from '@core/templates'
import { createReportFromTemplate } from '@core/report-factory'
import { chainEntry, entryHash, type AuditEntry } from '@core/review/audit'
import { hashPin } from '@core/review/pin'
import { createSigningKey, rewrapSigningKey, unlockSigningKey, verifySignature } from '@core/review/signing'
import type { Person } from '@core/review/threads'
import { HuibaoDatabase, createReport } from '../../../src-renderer/src/db/database'
import { getReviewPeople, listAudit } from '../../../src-renderer/src/db/review'
import {
  ReviewError,
  approveReport,
  returnReport,
  reopenReport,
  saveNamedVersion,
  saveSetup,
  submitReport,
  unlockLeader
} from '../../../src-renderer/src/services/review'
import { installAuditAnchor, memoryAnchorStore, readAnchor, verifyReportTrail } from '../../../src-renderer/src/services/audit-anchor'

// Low PBKDF2 cost: the tests exercise the logic, not the brute-force resistance.
const FAST = { iterations: 1000 }
const CLERK: Person = { role: 'clerk', name: '王小明' }
const LEADER: Person = { role: 'leader', name: '李主任' }
const PIN = '482915'

const opened: HuibaoDatabase[] = []
let anchorStore: ReturnType<typeof memoryAnchorStore>
beforeEach(() => {
  anchorStore = memoryAnchorStore()
  installAuditAnchor(anchorStore)
})
afterEach(async () => {
  installAuditAnchor(null)
  for (const db of opened.splice(0)) {
    db.close()
    await Dexie.delete(db.name)
  }
})

let counter = 0
async function freshReport() {
  const db = new HuibaoDatabase(`huibao-trail-${process.pid}-${++counter}`)
  opened.push(db)
  let n = 0
  const { report, doc, values } = createReportFromTemplate(
    builtInTemplate('rule-of-law-annual')!,
    { organs: ['甲镇人民政府'], addressee: '乙县人民政府', year: 2024, date: '2025-01-15', title: '' },
    { reportId: 'r1', newSectionId: () => `s${++n}`, now: 1000 }
  )
  await createReport(db, report, doc.content, values)
  return db
}

/** submit → return (signed) → submit → approve (signed) → a clerk's version after approval. */
async function approvedReport() {
  const db = await freshReport()
  const { signer } = await saveSetup(db, { clerkName: '王小明', leaderName: '李主任', pin: PIN, pinAgain: PIN }, 500, FAST)
  await submitReport(db, 'r1', CLERK, 1000)
  await returnReport(db, 'r1', LEADER, '请补充数据', 2000, signer)
  await submitReport(db, 'r1', CLERK, 3000)
  await approveReport(db, 'r1', LEADER, '同意报送', 4000, signer)
  await saveNamedVersion(db, 'r1', CLERK, '报送前留档', 5000)
  return { db, signer }
}

async function rehash(db: HuibaoDatabase, entries: AuditEntry[]): Promise<void> {
  // What a tamperer can do without the PIN: recompute every link and hash from the start.
  let prev = '0'.repeat(64)
  for (const e of entries) {
    const next = { ...e, prevHash: prev }
    next.hash = await entryHash(next)
    prev = next.hash
    await db.auditLog.put(next)
  }
}

describe('the signing key (core)', () => {
  it('signs for its own public key only, opens only with the PIN, and survives a PIN change', async () => {
    const { record, signer } = await createSigningKey(PIN, FAST)
    expect(JSON.stringify(record)).not.toContain(PIN)
    const sig = await signer.sign('a'.repeat(64))
    expect(await verifySignature(record, 'a'.repeat(64), sig)).toBe(true)
    expect(await verifySignature(record, 'b'.repeat(64), sig)).toBe(false)
    expect(await unlockSigningKey(record, '000000')).toBeNull()
    const rewrapped = (await rewrapSigningKey(record, PIN, '735102'))!
    expect(rewrapped.fingerprint).toBe(record.fingerprint)
    expect(await unlockSigningKey(rewrapped, PIN)).toBeNull()
    const again = (await unlockSigningKey(rewrapped, '735102'))!
    expect(await verifySignature(record, 'c'.repeat(64), await again.signer.sign('c'.repeat(64)))).toBe(true)
    // The wrapped private key is bound to its public key: another public key does not open it.
    const other = await createSigningKey(PIN, FAST)
    expect(await unlockSigningKey({ ...record, publicKey: other.record.publicKey, fingerprint: other.record.fingerprint }, PIN)).toBeNull()
  })
})

describe('an untouched trail', () => {
  it('verifies, with returns and approvals marked signed and the anchor at the last entry', async () => {
    const { db } = await approvedReport()
    const verdict = await verifyReportTrail(db, 'r1')
    expect(verdict.problems).toEqual([])
    expect(verdict.ok).toBe(true)
    expect(verdict.count).toBe(5)
    expect(verdict.marks).toEqual({ 1: 'unsigned', 2: 'signed', 3: 'unsigned', 4: 'signed', 5: 'unsigned' })
    const log = await listAudit(db, 'r1')
    const anchor = (await readAnchor())!
    expect(anchor.chains.r1).toEqual({ seq: 5, hash: log[4].hash })
    expect(anchor.keyFingerprint).toBe((await getReviewPeople(db))!.signingKey!.fingerprint)
  })

  it('refuses a leader action without the unlocked key once a key exists', async () => {
    const db = await freshReport()
    await saveSetup(db, { clerkName: '王小明', leaderName: '李主任', pin: PIN, pinAgain: PIN }, 500, FAST)
    await submitReport(db, 'r1', CLERK, 1000)
    await expect(approveReport(db, 'r1', LEADER, '同意', 2000)).rejects.toThrow(/需要审核人签名/)
    const foreign = await createSigningKey('735102', FAST)
    await expect(approveReport(db, 'r1', LEADER, '同意', 2000, foreign.signer)).rejects.toBeInstanceOf(ReviewError)
    expect((await listAudit(db, 'r1')).map((e) => e.action)).toEqual(['submit'])
  })
})

describe('tampering kinds', () => {
  it('edit: an entry changed in place', async () => {
    const { db } = await approvedReport()
    const [, , , approve] = await listAudit(db, 'r1')
    await db.auditLog.put({ ...approve, detail: { ...approve.detail, opinion: '不同意' } })
    const v = await verifyReportTrail(db, 'r1')
    expect(v.ok).toBe(false)
    expect(v.problems[0]).toBe('第 4 条（审核通过）的内容与其校验值不符：这条记录被改动过。')
    expect(v.marks[4]).toBe('broken')
  })

  it('delete in the middle', async () => {
    const { db } = await approvedReport()
    await db.auditLog.delete(['r1', 2])
    const v = await verifyReportTrail(db, 'r1')
    expect(v.ok).toBe(false)
    expect(v.problems[0]).toBe('第 2 条记录缺失或记录顺序被改动（在该位置找到的是第 3 条）。')
  })

  it('delete the last entries (the chain that is left is intact)', async () => {
    const { db } = await approvedReport()
    await db.auditLog.delete(['r1', 5])
    await db.auditLog.delete(['r1', 4])
    const v = await verifyReportTrail(db, 'r1')
    expect(v.ok).toBe(false)
    expect(v.problems).toContain('外部校验文件记录这份报告共有 5 条审核记录，现在只剩 3 条：最后 2 条记录被删除了。')
  })

  it('reorder two entries', async () => {
    const { db } = await approvedReport()
    const log = await listAudit(db, 'r1')
    await db.auditLog.bulkPut([
      { ...log[1], seq: 3 },
      { ...log[2], seq: 2 }
    ])
    const v = await verifyReportTrail(db, 'r1')
    expect(v.ok).toBe(false)
    expect(v.problems[0]).toMatch(/^第 2 条（送审）与前一条不衔接/)
  })

  it('recompute the chain after editing an entry before the last signature: the signature breaks', async () => {
    const { db } = await approvedReport()
    const log = await listAudit(db, 'r1')
    log[0] = { ...log[0], at: log[0].at - 86_400_000 }
    await rehash(db, log)
    const v = await verifyReportTrail(db, 'r1')
    expect(v.ok).toBe(false)
    expect(v.marks[2]).toBe('bad-signature')
    expect(v.marks[4]).toBe('bad-signature')
    expect(v.problems).toContain('第 2 条（退回修改）的审核人签名无效：这条记录，或它之前的某条记录，被改动后重新计算了校验值，或签名是伪造的。')
  })

  it('recompute the chain after editing an entry after the last signature: the anchor disagrees', async () => {
    const { db } = await approvedReport()
    const log = await listAudit(db, 'r1')
    log[4] = { ...log[4], detail: { ...log[4].detail, label: '改过的名称' } }
    await rehash(db, log)
    const v = await verifyReportTrail(db, 'r1')
    expect(v.ok).toBe(false)
    expect(v.marks[4]).toBe('signed')
    expect(v.problems).toEqual(['第 5 条记录的校验值与外部校验文件不符：审核记录被改动后重新计算了整条校验链。'])
  })

  it('forged approval without the PIN: status flipped directly', async () => {
    const db = await freshReport()
    await saveSetup(db, { clerkName: '王小明', leaderName: '李主任', pin: PIN, pinAgain: PIN }, 500, FAST)
    await submitReport(db, 'r1', CLERK, 1000)
    await db.reports.update('r1', { status: 'approved' })
    const v = await verifyReportTrail(db, 'r1')
    expect(v.ok).toBe(false)
    expect(v.problems).toContain('报告状态为“审核通过”，但审核记录中最近一次审核操作不是“审核通过”：审核通过状态是在本程序之外改出来的。')
  })

  it('forged approval without the PIN: an unsigned entry appended with a valid hash', async () => {
    const db = await freshReport()
    await saveSetup(db, { clerkName: '王小明', leaderName: '李主任', pin: PIN, pinAgain: PIN }, 500, FAST)
    await submitReport(db, 'r1', CLERK, 1000)
    const [last] = await listAudit(db, 'r1')
    const forged = await chainEntry(last, { reportId: 'r1', at: 2000, role: 'leader', name: '李主任', action: 'approve', detail: { opinion: '同意', contentHash: 'x' } })
    await db.auditLog.add(forged)
    await db.reports.update('r1', { status: 'approved' })
    const v = await verifyReportTrail(db, 'r1')
    expect(v.ok).toBe(false)
    expect(v.marks[2]).toBe('missing-signature')
    expect(v.problems).toContain('第 2 条（审核通过）没有审核人签名：它不是用审核人PIN写入的，可能是伪造的。')
    expect(v.problems).toContain('第 2 至 2 条记录不在外部校验文件中：它们不是由本程序写入的，可能是伪造后追加的。')
  })

  it('forged approval without the PIN: signed with a key of the forger’s own', async () => {
    const db = await freshReport()
    await saveSetup(db, { clerkName: '王小明', leaderName: '李主任', pin: PIN, pinAgain: PIN }, 500, FAST)
    await submitReport(db, 'r1', CLERK, 1000)
    const [last] = await listAudit(db, 'r1')
    const forger = await createSigningKey('111222', FAST)
    const forged = await chainEntry(last, { reportId: 'r1', at: 2000, role: 'leader', name: '李主任', action: 'approve', detail: { opinion: '同意' } })
    forged.sig = await forger.signer.sign(forged.hash)
    await db.auditLog.add(forged)
    const v = await verifyReportTrail(db, 'r1')
    expect(v.marks[2]).toBe('bad-signature')
    expect(v.ok).toBe(false)
  })

  it('key swap: a new key pair and PIN put into the database, every signature redone with it', async () => {
    const { db } = await approvedReport()
    const people = (await getReviewPeople(db))!
    const forger = await createSigningKey('111222', FAST)
    await db.settings.put({ key: 'review.people', value: { ...people, pin: await hashPin('111222', FAST), signingKey: forger.record } })
    const log = await listAudit(db, 'r1')
    for (const e of log) if (e.sig) await db.auditLog.put({ ...e, sig: await forger.signer.sign(e.hash) })
    const v = await verifyReportTrail(db, 'r1')
    expect(v.ok).toBe(false)
    expect(v.problems[0]).toMatch(/^审核人签名密钥被替换：数据库中的公钥指纹为 [0-9a-f]{12}…，外部校验文件记录的是 [0-9a-f]{12}…。/)
    // With the forged PIN the forger can even enter the leader role — still reported.
    expect((await unlockLeader(db, '111222', 9000, FAST)).ok).toBe(true)
    expect((await verifyReportTrail(db, 'r1')).ok).toBe(false)
  })

  it('the anchor removed: reported, not silently re-created', async () => {
    const { db } = await approvedReport()
    anchorStore.text = null
    const v = await verifyReportTrail(db, 'r1')
    expect(v.ok).toBe(false)
    expect(v.problems[0]).toBe('外部校验文件缺失或已损坏：无法确认签名密钥没有被替换，也无法确认末尾的记录没有被删除。')
  })
})

describe('what is not tampering', () => {
  it('a power cut between the commit and the anchor update is accepted (two-phase anchor)', async () => {
    const { db, signer } = await approvedReport()
    await reopenReport(db, 'r1', LEADER, '数据有更新', 6000, signer)
    // Simulate the crash: put the anchor back to "pending" for the entry the database now has.
    const log = await listAudit(db, 'r1')
    const anchor = JSON.parse(anchorStore.text!)
    anchor.chains.r1 = { seq: 5, hash: log[4].hash, pending: { seq: 6, hash: log[5].hash } }
    anchorStore.text = JSON.stringify(anchor)
    expect((await verifyReportTrail(db, 'r1')).ok).toBe(true)
  })

  it('entries from before the key existed are 未签名, not tampering; a later unsigned approval is', async () => {
    const db = await freshReport()
    // An install set up by the previous release: PIN hash, no key, no anchor.
    await db.settings.put({ key: 'review.people', value: { clerkName: '王小明', leaderName: '李主任', pin: await hashPin(PIN, FAST) } })
    await submitReport(db, 'r1', CLERK, 1000)
    await approveReport(db, 'r1', LEADER, '同意', 2000)
    const before = await verifyReportTrail(db, 'r1')
    expect(before.ok).toBe(true)
    expect(before.notes[0]).toMatch(/^尚未建立审核人签名密钥/)
    // The leader's first PIN entry in this release creates the key and the anchor.
    const unlocked = await unlockLeader(db, PIN, 3000, FAST)
    expect(unlocked.ok).toBe(true)
    expect((await listAudit(db, '')).map((e) => e.action)).toEqual(['key-create'])
    const after = await verifyReportTrail(db, 'r1')
    expect(after.problems).toEqual([])
    expect(after.marks[2]).toBe('legacy')
    expect(after.notes).toContain('有 1 条审核操作记录写于建立签名密钥之前，标为“未签名”：它们只受哈希链保护，改动后重新计算校验值无法被发现。')
    // From now on an unsigned leader action is a finding.
    const log = await listAudit(db, 'r1')
    const forged = await chainEntry(log[1], { reportId: 'r1', at: 4000, role: 'leader', name: '李主任', action: 'reopen', detail: { reason: 'x' } })
    await db.auditLog.add(forged)
    expect((await verifyReportTrail(db, 'r1')).marks[3]).toBe('missing-signature')
  })

  it('changing the PIN re-wraps the same key: old signatures still verify, the old PIN no longer signs', async () => {
    const { db } = await approvedReport()
    const fp = (await getReviewPeople(db))!.signingKey!.fingerprint
    await saveSetup(db, { clerkName: '王小明', leaderName: '李主任', pin: '735102', pinAgain: '735102', currentPin: PIN }, 7000, FAST)
    await expect(saveSetup(db, { clerkName: '王小明', leaderName: '李主任', pin: '735102', pinAgain: '735102', currentPin: '000000' }, 7100, FAST)).rejects.toThrow(/当前PIN不正确/)
    expect((await getReviewPeople(db))!.signingKey!.fingerprint).toBe(fp)
    expect((await unlockLeader(db, PIN, 8000, FAST)).ok).toBe(false)
    expect((await unlockLeader(db, '735102', 60_000, FAST)).ok).toBe(true)
    const v = await verifyReportTrail(db, 'r1')
    expect(v.problems).toEqual([])
    expect(v.marks[4]).toBe('signed')
  })
})
