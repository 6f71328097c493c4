// The review workflow against storage: every action checks the state machine, writes its
// changes and its audit entry in one transaction, and fails with a Chinese message.
import type { Report, ReportStatus } from '@core/report'
import { transition, type WorkflowAction } from '@core/review/workflow'
import type { AuditAction, AuditEntryData } from '@core/review/audit'
import { hashPin, pinProblem, recordFailure, throttleMessage, verifyPin, waitBeforeAttempt, NO_FAILURES } from '@core/review/pin'
import type { CommentThread, Person, ReviewState } from '@core/review/threads'
import { contentHash, type ReportContent, type VersionKind, type VersionSnapshot } from '@core/review/versions'
import { listSuggestions } from '@core/review/marks'
import { createSigningKey, rewrapSigningKey, unlockSigningKey, type Signer } from '@core/review/signing'
import { getDatabase, getReport, type HuibaoDatabase } from '../db/database'
import { ReviewError } from './review-error'
import { freezeForApproval } from './approval'
import {
  chainHeads,
  getPinThrottle,
  getReviewPeople,
  getReviewState,
  getVersion,
  listComments,
  listVersions,
  loadContent,
  setPinThrottle,
  setReviewPeople,
  writeReview,
  type ReviewPeople
} from '../db/review'
import { anchorNewKey } from './audit-anchor'

export { ReviewError }

function newId(): string {
  return crypto.randomUUID()
}

function auditData(reportId: string, by: Person, action: AuditAction, detail: AuditEntryData['detail'], at: number): AuditEntryData {
  return { reportId, at, role: by.role, name: by.name, action, detail }
}

async function requireReport(db: HuibaoDatabase, reportId: string): Promise<Report> {
  const report = await getReport(db, reportId)
  if (!report || report.deletedAt !== null) throw new ReviewError('找不到这份报告，它可能已被删除或移入回收站。')
  return report
}

async function snapshot(db: HuibaoDatabase, report: Report, by: Person, kind: VersionKind, label: string, at: number, loaded?: ReportContent): Promise<VersionSnapshot> {
  const content = loaded ?? (await loadContent(db, report))
  return { ...structuredClone(content), id: newId(), reportId: report.id, label, kind, createdAt: at, role: by.role, name: by.name, contentHash: await contentHash(content) }
}

function check(status: ReportStatus, action: WorkflowAction, ctx: Parameters<typeof transition>[2]): ReportStatus {
  const result = transition(status, action, ctx)
  if (!result.ok) throw new ReviewError(result.message)
  return result.next
}

// ---- people and PIN ------------------------------------------------------------------------

export interface SetupInput {
  clerkName: string
  leaderName: string
  pin: string
  pinAgain: string
  /** Required once a leader exists: changing names or the PIN needs the current PIN. */
  currentPin?: string
}

/** Checks the first-run form; returns the first problem as a Chinese sentence, or null. */
export function setupProblem(input: SetupInput): string | null {
  if (!input.clerkName.trim()) return '请填写起草人姓名。'
  if (!input.leaderName.trim()) return '请填写审核人姓名。'
  const pin = pinProblem(input.pin)
  if (pin) return pin
  if (input.pin !== input.pinAgain) return '两次输入的PIN不一致，请重新输入。'
  return null
}

export const KEY_DOES_NOT_OPEN = '审核人签名密钥无法用这个PIN打开：密钥记录可能被改动过。请查看“版本与比较”中的审核记录校验结果。'

function seqs(heads: Record<string, { seq: number }>): Record<string, number> {
  return Object.fromEntries(Object.entries(heads).map(([k, v]) => [k, v.seq]))
}

/**
 * 审核设置: names and PIN. The first setup creates the leader's signing key under the PIN; a
 * later one needs the current PIN, which re-wraps the same key under the new PIN (so earlier
 * signatures keep verifying) — or creates the key on installs that predate signing.
 */
export async function saveSetup(db: HuibaoDatabase, input: SetupInput, now = Date.now(), options: { iterations?: number } = {}): Promise<{ people: ReviewPeople; signer: Signer }> {
  const problem = setupProblem(input)
  if (problem) throw new ReviewError(problem)
  const before = await getReviewPeople(db)
  if (before) {
    if (!input.currentPin) throw new ReviewError('请输入当前的审核人PIN。')
    const check = await checkLeaderPin(db, input.currentPin, now)
    if (!check.ok) throw new ReviewError(check.message.replace('PIN不正确', '当前PIN不正确'))
  }
  const heads = await chainHeads(db)
  let signingKey = before?.signingKey
  let signer: Signer
  let created = false
  if (signingKey && before) {
    const rewrapped = await rewrapSigningKey(signingKey, input.currentPin!, input.pin, options.iterations)
    if (!rewrapped) throw new ReviewError(KEY_DOES_NOT_OPEN)
    signingKey = rewrapped
    const unlocked = await unlockSigningKey(signingKey, input.pin)
    if (!unlocked) throw new ReviewError(KEY_DOES_NOT_OPEN)
    signer = unlocked.signer
  } else {
    const fresh = await createSigningKey(input.pin, { now, iterations: options.iterations })
    signingKey = fresh.record
    signer = fresh.signer
    created = true
  }
  const people: ReviewPeople = {
    clerkName: input.clerkName.trim(),
    leaderName: input.leaderName.trim(),
    pin: await hashPin(input.pin, options.iterations ? { iterations: options.iterations } : {}),
    signingKey,
    legacyUpTo: created ? seqs(heads) : (before?.legacyUpTo ?? {})
  }
  const by: Person = { role: 'leader', name: people.leaderName }
  const detail = { clerkName: people.clerkName, leaderName: people.leaderName, keyFingerprint: signingKey.fingerprint }
  await setReviewPeople(db, people, auditData('', by, before ? 'pin-change' : 'pin-set', detail, now), signer)
  if (created) await anchorNewKey(signingKey.fingerprint, now, await chainHeads(db))
  return { people, signer }
}

export type PinCheck = { ok: true } | { ok: false; message: string }

/** Verifies the leader's PIN, honouring and updating the persisted throttle. */
export async function checkLeaderPin(db: HuibaoDatabase, pin: string, now = Date.now()): Promise<PinCheck> {
  const people = await getReviewPeople(db)
  if (!people) return { ok: false, message: '还没有设置审核人和PIN，请先完成审核设置。' }
  const throttle = await getPinThrottle(db)
  const wait = waitBeforeAttempt(throttle, now)
  if (wait > 0) return { ok: false, message: throttleMessage(wait) }
  if (await verifyPin(pin, people.pin)) {
    if (throttle.failures) await setPinThrottle(db, NO_FAILURES)
    return { ok: true }
  }
  const next = recordFailure(throttle, now)
  await setPinThrottle(db, next)
  const nextWait = waitBeforeAttempt(next, now)
  return { ok: false, message: nextWait > 0 ? `PIN不正确。${throttleMessage(nextWait)}` : 'PIN不正确，请重新输入。' }
}

export type LeaderUnlock = { ok: true; signer: Signer } | { ok: false; message: string }

/**
 * The leader's PIN entry: checks the PIN and opens the signing key with it. An install set up
 * before signing existed gets its key here, on the first correct PIN.
 */
export async function unlockLeader(db: HuibaoDatabase, pin: string, now = Date.now(), options: { iterations?: number } = {}): Promise<LeaderUnlock> {
  const people = await getReviewPeople(db)
  if (!people?.signingKey) {
    // No key yet (first PIN entry after an upgrade): check the PIN hash, then create the key.
    const check = await checkLeaderPin(db, pin, now)
    if (!check.ok) return check
    const heads = await chainHeads(db)
    const { record, signer } = await createSigningKey(pin, { now, iterations: options.iterations })
    const updated: ReviewPeople = { ...people!, signingKey: record, legacyUpTo: seqs(heads) }
    const by: Person = { role: 'leader', name: people!.leaderName }
    await setReviewPeople(db, updated, auditData('', by, 'key-create', { keyFingerprint: record.fingerprint }, now), signer)
    await anchorNewKey(record.fingerprint, now, await chainHeads(db))
    return { ok: true, signer }
  }
  // With a key, opening it IS the PIN check (AES-GCM refuses a wrong PIN): one PBKDF2 run, as
  // before signing existed, under the same persisted throttle.
  const throttle = await getPinThrottle(db)
  const wait = waitBeforeAttempt(throttle, now)
  if (wait > 0) return { ok: false, message: throttleMessage(wait) }
  const unlocked = await unlockSigningKey(people.signingKey, pin)
  if (unlocked) {
    if (throttle.failures) await setPinThrottle(db, NO_FAILURES)
    return { ok: true, signer: unlocked.signer }
  }
  // A PIN that matches the stored hash but does not open the key means the key record was changed.
  if (await verifyPin(pin, people.pin)) return { ok: false, message: KEY_DOES_NOT_OPEN }
  const next = recordFailure(throttle, now)
  await setPinThrottle(db, next)
  const nextWait = waitBeforeAttempt(next, now)
  return { ok: false, message: nextWait > 0 ? `PIN不正确。${throttleMessage(nextWait)}` : 'PIN不正确，请重新输入。' }
}

/** Leader actions are signed once a key exists; without the unlocked key they are refused. */
async function requireSigner(db: HuibaoDatabase, signer: Signer | undefined): Promise<Signer | undefined> {
  const key = (await getReviewPeople(db))?.signingKey
  if (!key) return signer
  if (!signer) throw new ReviewError('这一步需要审核人签名：请重新输入审核人PIN。')
  if (signer.fingerprint !== key.fingerprint) throw new ReviewError('审核人签名密钥已更换，请重新输入审核人PIN。')
  return signer
}

// ---- workflow --------------------------------------------------------------------------------

export async function submitReport(db: HuibaoDatabase, reportId: string, by: Person, now = Date.now()): Promise<VersionSnapshot> {
  const report = await requireReport(db, reportId)
  const next = check(report.status, 'submit', { role: by.role })
  const count = (await listVersions(db, reportId)).filter((v) => v.kind === 'submit').length
  const version = await snapshot(db, report, by, 'submit', `第${count + 1}次送审`, now)
  const state: ReviewState = { ...(await getReviewState(db, reportId)), lastSubmittedVersionId: version.id }
  await writeReview(db, { reportId, status: next, expectStatus: report.status, state, versions: [version], audit: auditData(reportId, by, 'submit', { versionId: version.id, contentHash: version.contentHash }, now), now })
  return version
}

export async function returnReport(db: HuibaoDatabase, reportId: string, by: Person, opinion: string, now = Date.now(), signer?: Signer): Promise<void> {
  const report = await requireReport(db, reportId)
  const next = check(report.status, 'return', { role: by.role, opinion })
  const sign = await requireSigner(db, signer)
  const state = await getReviewState(db, reportId)
  const updated: ReviewState = { ...state, lastReturn: { by, at: now, opinion: opinion.trim() }, lastReviewedVersionId: state.lastSubmittedVersionId }
  await writeReview(db, { reportId, status: next, expectStatus: report.status, state: updated, audit: auditData(reportId, by, 'return', { opinion: opinion.trim() }, now), signer: sign, now })
}

export async function approveReport(db: HuibaoDatabase, reportId: string, by: Person, opinion: string, now = Date.now(), signer?: Signer): Promise<string> {
  const report = await requireReport(db, reportId)
  const content = await loadContent(db, report)
  const pendingSuggestions = listSuggestions({ content: content.sections }).length
  const next = check(report.status, 'approve', { role: by.role, pendingSuggestions })
  const sign = await requireSigner(db, signer)
  const version = await snapshot(db, report, by, 'approved', '审核通过稿', now, content)
  // The approval covers the output as the exporters will make it: text, figures, last year's
  // figures (frozen now), layout, signature rule and attachments (core/review/approval.ts).
  let frozen: Awaited<ReturnType<typeof freezeForApproval>>
  try {
    frozen = await freezeForApproval(db, report, content)
  } catch (error) {
    throw new ReviewError(`无法审核通过：${error instanceof Error ? error.message : String(error)}`)
  }
  const state = await getReviewState(db, reportId)
  const updated: ReviewState = {
    ...state,
    approval: { by, at: now, opinion: opinion.trim(), contentHash: version.contentHash, versionId: version.id, outputHash: frozen.outputHash, frozen: frozen.frozen },
    lastReviewedVersionId: state.lastSubmittedVersionId
  }
  await writeReview(db, {
    reportId,
    status: next,
    expectStatus: report.status,
    state: updated,
    versions: [version],
    audit: auditData(reportId, by, 'approve', { opinion: opinion.trim(), contentHash: version.contentHash, outputHash: frozen.outputHash, versionId: version.id }, now),
    signer: sign,
    now
  })
  return version.contentHash
}

export async function reopenReport(db: HuibaoDatabase, reportId: string, by: Person, reason: string, now = Date.now(), signer?: Signer): Promise<void> {
  const report = await requireReport(db, reportId)
  const next = check(report.status, 'reopen', { role: by.role })
  const sign = await requireSigner(db, signer)
  const state = await getReviewState(db, reportId)
  // The approval no longer holds once the text can change again; the audit log keeps it.
  const { approval: _dropped, ...rest } = state
  await writeReview(db, { reportId, status: next, expectStatus: report.status, state: rest, audit: auditData(reportId, by, 'reopen', { reason: reason.trim(), approvedHash: state.approval?.contentHash ?? null }, now), signer: sign, now })
}

export async function saveNamedVersion(db: HuibaoDatabase, reportId: string, by: Person, label: string, now = Date.now()): Promise<VersionSnapshot> {
  const report = await requireReport(db, reportId)
  const clean = label.trim()
  if (!clean) throw new ReviewError('请为这个版本填写一个名称，例如“修改数据后”。')
  const version = await snapshot(db, report, by, 'manual', clean, now)
  await writeReview(db, { reportId, versions: [version], audit: auditData(reportId, by, 'version', { versionId: version.id, label: clean }, now), now })
  return version
}

/** Restores a version as the current draft; the current content is kept as a version first. */
export async function restoreVersion(db: HuibaoDatabase, reportId: string, versionId: string, by: Person, now = Date.now()): Promise<void> {
  const report = await requireReport(db, reportId)
  if (report.status === 'approved' || report.status === 'sent') throw new ReviewError('报告已审核通过，不能恢复旧版本。如需修改，请审核人先“重新打开”。')
  if (report.status === 'submitted') throw new ReviewError('报告正在审核中，不能恢复旧版本。请等审核人退回后再恢复。')
  const version = await getVersion(db, versionId)
  if (!version || version.reportId !== reportId) throw new ReviewError('找不到这个版本，它可能属于另一份报告。')
  if ((await contentHash(version)) !== version.contentHash) throw new ReviewError('这个版本的内容与保存时的校验值不符（数据可能已损坏或被改动），不能恢复。可以从备份恢复。')
  const current = await snapshot(db, report, by, 'before-restore', `恢复“${version.label}”前的内容`, now)
  await writeReview(db, {
    reportId,
    versions: [current],
    restore: { meta: version.meta, sections: version.sections, values: version.values },
    audit: auditData(reportId, by, 'restore', { versionId, label: version.label, keptAs: current.id }, now),
    now
  })
}

/** The report's comment threads (the page view's 批注 margin). */
export async function listReportComments(reportId: string, db: HuibaoDatabase = getDatabase()): Promise<CommentThread[]> {
  return listComments(db, reportId)
}
