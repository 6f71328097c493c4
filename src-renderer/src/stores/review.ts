// The open report's review: status, comment threads, versions and the audit log with its
// verdict. Every action goes through services/review.ts and then reloads from the database.
import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import type { ReportStatus } from '@core/report'
import type { AuditEntry } from '@core/review/audit'
import type { TrailVerdict } from '@core/review/trail'
import type { Signer } from '@core/review/signing'
import { openThreadCount, emptyReviewState, type CommentThread, type ReviewState } from '@core/review/threads'
import type { VersionMeta } from '@core/review/versions'
import { getDatabase, getReport } from '../db/database'
import { countOpenComments, getReviewState, listAudit, listComments, listVersions, putComment, putComments } from '../db/review'
import * as svc from '../services/review'
import { verifyReportTrail } from '../services/audit-anchor'
import { useSessionStore } from './session'

function newId(): string {
  return crypto.randomUUID()
}

export const useReviewStore = defineStore('review', () => {
  const reportId = ref<string | null>(null)
  const status = ref<ReportStatus>('draft')
  const state = shallowRef<ReviewState>(emptyReviewState(''))
  const threads = ref<CommentThread[]>([])
  const versions = shallowRef<VersionMeta[]>([])
  const audit = shallowRef<AuditEntry[]>([])
  const verdict = shallowRef<TrailVerdict | null>(null)
  /** Open comments per report, for the report list. */
  const openCounts = ref<Record<string, number>>({})
  /** The side panel (批注与修订) beside the text. */
  const panelOpen = ref(false)
  /** A comment being written: the selection it will be anchored to. */
  const composing = ref<{ threadId: string; from: number; to: number; anchorText: string } | null>(null)

  const openThreads = computed(() => openThreadCount(threads.value))

  /** Whether `versions` is wanted for the loaded report (the versions page): reload keeps it. */
  let withVersions = false

  /**
   * Loads the report's review. Only the versions page asks for the versions list
   * (`versions: true`), and the list is their metadata: a version's content is read only when
   * it is compared or restored.
   */
  async function load(id: string, options: { versions?: boolean } = {}): Promise<void> {
    const db = getDatabase()
    if (reportId.value !== id) {
      composing.value = null
      panelOpen.value = false
      versions.value = []
    }
    reportId.value = id
    withVersions = options.versions ?? false
    const [report, st, th, vs, log] = await Promise.all([
      getReport(db, id),
      getReviewState(db, id),
      listComments(db, id),
      withVersions ? listVersions(db, id) : Promise.resolve(null),
      listAudit(db, id)
    ])
    status.value = report?.status ?? 'draft'
    state.value = st
    threads.value = th
    if (vs) versions.value = vs
    audit.value = log
    verdict.value = await verifyReportTrail(db, id)
  }

  /**
   * The editor's open: the status, review state and comments were read with the report (one
   * transaction, db/open-report.ts), before the editor is drawn, so its lock and banner are
   * right at once. The audit trail and its check follow with loadTrail().
   */
  function adopt(id: string, read: { status: ReportStatus; state: ReviewState; threads: CommentThread[] }): void {
    if (reportId.value !== id) {
      composing.value = null
      panelOpen.value = false
    }
    reportId.value = id
    withVersions = false
    versions.value = []
    status.value = read.status
    state.value = read.state
    threads.value = read.threads
    audit.value = []
    verdict.value = null
  }

  /** The audit log and the verdict on it (hash chain, anchor): shown in the review bar, not needed to edit. */
  async function loadTrail(): Promise<void> {
    const id = reportId.value
    if (!id) return
    const db = getDatabase()
    const log = await listAudit(db, id)
    const checked = await verifyReportTrail(db, id)
    if (reportId.value !== id) return
    audit.value = log
    verdict.value = checked
  }

  async function reload(): Promise<void> {
    if (reportId.value) await load(reportId.value, { versions: withVersions })
  }

  function who() {
    return useSessionStore().person
  }

  async function act(run: (id: string) => Promise<unknown>): Promise<void> {
    const id = reportId.value
    if (!id) return
    try {
      await run(id)
    } finally {
      await reload()
    }
  }

  const submit = () => act((id) => svc.submitReport(getDatabase(), id, who()))
  // Signed actions: the caller gets the key from the session store (fresh PIN).
  const returnReport = (opinion: string, signer?: Signer) => act((id) => svc.returnReport(getDatabase(), id, who(), opinion, Date.now(), signer))
  const approve = (opinion: string, signer?: Signer) => act((id) => svc.approveReport(getDatabase(), id, who(), opinion, Date.now(), signer))
  const reopen = (reason: string, signer?: Signer) => act((id) => svc.reopenReport(getDatabase(), id, who(), reason, Date.now(), signer))
  const saveVersion = (label: string) => act((id) => svc.saveNamedVersion(getDatabase(), id, who(), label))
  const restore = (versionId: string) => act((id) => svc.restoreVersion(getDatabase(), id, versionId, who()))

  // ---- comments ----

  async function addThread(threadId: string, anchorText: string, text: string): Promise<void> {
    const id = reportId.value
    if (!id) return
    const now = Date.now()
    const thread: CommentThread = { id: threadId, reportId: id, anchorText, status: 'open', author: { ...who() }, text: text.trim(), createdAt: now, updatedAt: now, replies: [], orphaned: false }
    await putComment(getDatabase(), thread)
    threads.value = [...threads.value, thread]
  }

  async function update(threadId: string, change: (t: CommentThread) => CommentThread): Promise<void> {
    const current = threads.value.find((t) => t.id === threadId)
    if (!current) return
    const next = change(JSON.parse(JSON.stringify(current)) as CommentThread)
    await putComment(getDatabase(), next)
    threads.value = threads.value.map((t) => (t.id === threadId ? next : t))
  }

  const reply = (threadId: string, text: string) =>
    update(threadId, (t) => ({ ...t, replies: [...t.replies, { id: newId(), author: { ...who() }, text: text.trim(), at: Date.now() }], updatedAt: Date.now() }))

  const setThreadStatus = (threadId: string, next: 'open' | 'resolved') =>
    update(threadId, (t) =>
      next === 'resolved' ? { ...t, status: 'resolved', resolvedBy: { ...who() }, resolvedAt: Date.now(), updatedAt: Date.now() } : { ...t, status: 'open', resolvedBy: undefined, resolvedAt: undefined, updatedAt: Date.now() }
    )

  /** Records which threads lost (or regained) their text, from the anchors found in the document. */
  async function reconcile(anchors: Map<string, string>): Promise<void> {
    const changed: CommentThread[] = []
    for (const t of threads.value) {
      const text = anchors.get(t.id)
      const orphaned = text === undefined
      if (orphaned !== t.orphaned || (!orphaned && text !== t.anchorText)) {
        changed.push({ ...JSON.parse(JSON.stringify(t)), orphaned, anchorText: orphaned ? t.anchorText : text!, updatedAt: Date.now() })
      }
    }
    if (!changed.length) return
    await putComments(getDatabase(), changed)
    const byId = new Map(changed.map((t) => [t.id, t]))
    threads.value = threads.value.map((t) => byId.get(t.id) ?? t)
  }

  let countsInFlight: Promise<void> | null = null
  /** Every row of the list asks; one query answers them all. */
  function loadOpenCounts(): Promise<void> {
    countsInFlight ??= countOpenComments(getDatabase())
      .then((counts) => {
        openCounts.value = Object.fromEntries(counts)
      })
      .finally(() => {
        countsInFlight = null
      })
    return countsInFlight
  }

  return {
    reportId,
    status,
    state,
    threads,
    versions,
    audit,
    verdict,
    openCounts,
    panelOpen,
    composing,
    openThreads,
    load,
    adopt,
    loadTrail,
    reload,
    submit,
    returnReport,
    approve,
    reopen,
    saveVersion,
    restore,
    addThread,
    reply,
    setThreadStatus,
    reconcile,
    loadOpenCounts
  }
})
