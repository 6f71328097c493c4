// The hash-chained audit log: building it, and detecting every kind of tampering.
import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { GENESIS_HASH, auditEntryLabel, canonicalJSON, chainEntry, verifyChain, type AuditEntry, type AuditEntryData } from '@core/review/audit'

function data(action: AuditEntryData['action'], at: number, detail: AuditEntryData['detail'] = {}): AuditEntryData {
  return { reportId: 'r1', at, role: action === 'submit' ? 'clerk' : 'leader', name: action === 'submit' ? '王小明' : '李主任', action, detail }
}

async function buildLog(): Promise<AuditEntry[]> {
  const log: AuditEntry[] = []
  for (const d of [
    data('submit', 1000, { versionId: 'v1' }),
    data('return', 2000, { opinion: '请补充巡查数据' }),
    data('submit', 3000, { versionId: 'v2' }),
    data('approve', 4000, { opinion: '同意', contentHash: 'ab'.repeat(32) })
  ]) {
    log.push(await chainEntry(log[log.length - 1], d))
  }
  return log
}

describe('canonical JSON', () => {
  it('sorts keys at every level and drops undefined', () => {
    expect(canonicalJSON({ b: 1, a: { d: [2, { z: 1, y: null }], c: undefined } })).toBe('{"a":{"d":[2,{"y":null,"z":1}]},"b":1}')
    expect(canonicalJSON({ x: '中文' })).toBe(canonicalJSON(JSON.parse('{"x":"中文"}')))
  })
})

describe('audit chain', () => {
  it('links each entry to the previous one with SHA-256 over canonical JSON', async () => {
    const log = await buildLog()
    expect(log.map((e) => e.seq)).toEqual([1, 2, 3, 4])
    expect(log[0].prevHash).toBe(GENESIS_HASH)
    for (let i = 1; i < log.length; i++) expect(log[i].prevHash).toBe(log[i - 1].hash)
    const { hash, ...rest } = log[1]
    expect(hash).toBe(createHash('sha256').update(canonicalJSON(rest)).digest('hex'))
    expect(await verifyChain(log)).toEqual({ ok: true, count: 4 })
  })

  it('detects an altered entry (the opinion rewritten)', async () => {
    const log = await buildLog()
    log[1] = { ...log[1], detail: { opinion: '同意' } }
    const verdict = await verifyChain(log)
    expect(verdict).toMatchObject({ ok: false, seq: 2 })
  })

  it('detects a changed actor or time', async () => {
    const log = await buildLog()
    expect(await verifyChain(log.map((e, i) => (i === 3 ? { ...e, name: '王小明' } : e)))).toMatchObject({ ok: false, seq: 4 })
    expect(await verifyChain(log.map((e, i) => (i === 0 ? { ...e, at: 999 } : e)))).toMatchObject({ ok: false, seq: 1 })
  })

  it('detects an entry rewritten with a freshly computed hash (the next link breaks)', async () => {
    const log = await buildLog()
    const forged = await chainEntry(log[0], { ...data('return', 2000), detail: { opinion: '同意' } })
    log[1] = forged
    const verdict = await verifyChain(log)
    expect(verdict).toMatchObject({ ok: false, seq: 3 })
  })

  it('detects a removed entry and reordered entries', async () => {
    const log = await buildLog()
    expect((await verifyChain([log[0], log[2], log[3]])).ok).toBe(false)
    expect((await verifyChain([log[1], log[0], log[2], log[3]])).ok).toBe(false)
    expect(await verifyChain(log.slice(0, 3))).toEqual({ ok: true, count: 3 })
  })

  it('gives a Chinese message naming the entry', async () => {
    const log = await buildLog()
    log[2] = { ...log[2], action: 'approve' }
    const verdict = await verifyChain(log)
    expect(verdict.ok).toBe(false)
    if (!verdict.ok) expect(verdict.message).toContain('第 3 条')
  })
})

describe('audit labels', () => {
  it('names an export of the review copy differently from the 报送 export', () => {
    expect(auditEntryLabel({ action: 'export', detail: { kind: 'review' } })).toBe('导出审核稿')
    expect(auditEntryLabel({ action: 'export', detail: { kind: 'approved' } })).toBe('报送导出')
    expect(auditEntryLabel({ action: 'return', detail: {} })).toBe('退回修改')
  })
})
