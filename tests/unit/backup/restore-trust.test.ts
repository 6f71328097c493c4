// A restored approved report still verifies as approved: signature, chain and the anchor
// outside IndexedDB. Decision: a restore is a deliberate act with a safety copy, so the anchor
// follows the restored chains and records the restore (shown on the versions page), instead
// of reporting the rolled-back entries as deleted. What a restore cannot launder: an entry
// edited inside the backup file still fails its signature.
import './node-shims'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { builtInTemplate } from '@core/templates'
import { createReportFromTemplate } from '@core/report-factory'
import { canonicalJSON, type AuditEntry } from '@core/review/audit'
import type { Person } from '@core/review/threads'
import { createBackup, readBackup, restoreBackup } from '../../../src-renderer/src/db/backup'
import { createReport, getReport } from '../../../src-renderer/src/db/database'
import { getReviewPeople, listAudit } from '../../../src-renderer/src/db/review'
import { approveReport, reopenReport, saveSetup, submitReport, unlockLeader } from '../../../src-renderer/src/services/review'
import { restoreFromBackup } from '../../../src-renderer/src/services/backup'
import { installAuditAnchor, memoryAnchorStore, readAnchor, verifyReportTrail } from '../../../src-renderer/src/services/audit-anchor'
import type { Platform } from '../../../src-renderer/src/platform/platform'
import { closeAll, freshDb } from './helpers'

const FAST = { iterations: 1000 }
const CLERK: Person = { role: 'clerk', name: '王小明' }
const LEADER: Person = { role: 'leader', name: '李主任' }
const PIN = '482915'

let anchor: ReturnType<typeof memoryAnchorStore>
beforeEach(() => {
  anchor = memoryAnchorStore()
  installAuditAnchor(anchor)
})
afterEach(async () => {
  installAuditAnchor(null)
  await closeAll()
})

const desktop: Platform = {
  kind: 'electron',
  saveFile: async () => ({ status: 'canceled' }),
  getAppInfo: async () => ({ version: '0.1.0', dataPath: '/profile', platform: 'linux' }),
  writeAutoBackup: async () => ({ status: 'written', path: '/profile/huibao-data/backups/before-restore.json' })
}

async function approvedWithBackup() {
  const db = freshDb()
  let n = 0
  const { report, doc, values } = createReportFromTemplate(
    builtInTemplate('rule-of-law-annual')!,
    { organs: ['甲镇人民政府'], addressee: '乙县人民政府', year: 2024, date: '2025-01-15', title: '' },
    { reportId: 'r1', newSectionId: () => `s${++n}`, now: 1000 }
  )
  await createReport(db, report, doc.content, values)
  const { signer } = await saveSetup(db, { clerkName: '王小明', leaderName: '李主任', pin: PIN, pinAgain: PIN }, 500, FAST)
  await submitReport(db, 'r1', CLERK, 1000)
  await approveReport(db, 'r1', LEADER, '同意报送', 2000, signer)
  const bytes = await createBackup(db, { appVersion: '0.1.0', now: 3000 })
  return { db, signer, bytes }
}

describe('restoring a backup of an approved report', () => {
  it('on the same PC after later steps: still approved, signed and consistent, and the restore is noted', async () => {
    const { db, signer, bytes } = await approvedWithBackup()
    await reopenReport(db, 'r1', LEADER, '数据有更新', 4000, signer)
    expect((await listAudit(db, 'r1')).length).toBe(3)
    await restoreFromBackup(await readBackup(bytes), db, desktop)
    expect((await getReport(db, 'r1'))!.status).toBe('approved')
    const v = await verifyReportTrail(db, 'r1')
    expect(v.problems).toEqual([])
    expect(v.marks[2]).toBe('signed')
    expect(v.notes.some((n) => n.includes('从备份') && n.includes('恢复前 3 条，恢复后 2 条'))).toBe(true)
    expect(v.notes.some((n) => n.includes('签名密钥与恢复前不同'))).toBe(false)
  })

  it('without the anchor following (a bare database restore), the same rollback would read as deletion', async () => {
    const { db, signer, bytes } = await approvedWithBackup()
    await reopenReport(db, 'r1', LEADER, '数据有更新', 4000, signer)
    await restoreBackup(db, await readBackup(bytes))
    const v = await verifyReportTrail(db, 'r1')
    expect(v.problems).toContain('外部校验文件记录这份报告共有 3 条审核记录，现在只剩 2 条：最后 1 条记录被删除了。')
  })

  it('on a new PC (no anchor yet): verifies with the backup’s key, says the key is new here, and the PIN still signs', async () => {
    const { bytes } = await approvedWithBackup()
    anchor.text = null
    const other = freshDb()
    await other.open()
    await restoreFromBackup(await readBackup(bytes), other, desktop)
    const v = await verifyReportTrail(other, 'r1')
    expect(v.problems).toEqual([])
    expect(v.notes.some((n) => n.includes('备份中的审核人签名密钥与恢复前不同'))).toBe(true)
    expect((await readAnchor())!.keyFingerprint).toBe((await getReviewPeople(other))!.signingKey!.fingerprint)
    const unlocked = await unlockLeader(other, PIN, 5000)
    expect(unlocked.ok).toBe(true)
    if (unlocked.ok) await reopenReport(other, 'r1', LEADER, '复核', 6000, unlocked.signer)
    expect((await verifyReportTrail(other, 'r1')).marks[3]).toBe('signed')
  })

  it('does not launder an entry edited inside the backup file', async () => {
    const { db, bytes } = await approvedWithBackup()
    const file = JSON.parse(new TextDecoder().decode(bytes))
    const log = file.data.data.data.find((t: { tableName: string }) => t.tableName === 'auditLog').rows as AuditEntry[]
    const approve = log.find((e) => e.action === 'approve')!
    approve.detail = { ...approve.detail, opinion: '不同意' }
    // A careful forger recomputes the entry hash and the file checksum too.
    const { entryHash } = await import('@core/review/audit')
    approve.hash = await entryHash(approve)
    const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(JSON.stringify(file.data)))
    file.dataSha256 = Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('')
    const forged = new TextEncoder().encode(JSON.stringify(file))
    expect(canonicalJSON(approve.detail)).toContain('不同意')
    await restoreFromBackup(await readBackup(forged), db, desktop)
    const v = await verifyReportTrail(db, 'r1')
    expect(v.ok).toBe(false)
    expect(v.marks[2]).toBe('bad-signature')
  })
})


describe('backup rows of the review tables are checked too', () => {
  it('refuses a backup whose audit entry lost its key, leaving the database as it was', async () => {
    const { db, bytes } = await approvedWithBackup()
    const file = JSON.parse(new TextDecoder().decode(bytes))
    const table = file.data.data.data.find((t: { tableName: string }) => t.tableName === 'auditLog')
    delete table.rows[0].seq
    const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(JSON.stringify(file.data)))
    file.dataSha256 = Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('')
    await expect(readBackup(new TextEncoder().encode(JSON.stringify(file)))).rejects.toMatchObject({ kind: 'damaged', detail: 'table auditLog rows' })
    expect((await listAudit(db, 'r1')).length).toBe(2)
  })
})
