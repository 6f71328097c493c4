// The Word export worker's message protocol: the window's side (services/docx-build.ts) against
// the worker's side (handleReportRequest) joined by structured clones with transfer, as
// postMessage joins them; failures of every kind reach the caller and save nothing.
import 'fake-indexeddb/auto'
import Dexie from 'dexie'
import JSZip from 'jszip'
import { afterEach, describe, expect, it } from 'vitest'
import type { DocxJob } from '@core/docx/job'
import { builtInTemplate } from '@core/templates'
import { createReportFromTemplate } from '@core/report-factory'
import { STAGE_FRACTION, type ReportWorkerReply, type ReportWorkerRequest } from '../../../src-renderer/src/services/report-build-protocol'
import { handleReportRequest } from '../../../src-renderer/src/services/report-build-handler'
import { buildDocx, checkApprovedOffThread, DocxBuildError, runChecksOffThread, type WorkerLike } from '../../../src-renderer/src/services/report-build'
import { approvedOutput, frozenInputs, outputHash, takeSnapshot, type ApprovedCheckJob } from '@core/review/approval'
import type { BlockJSON } from '@core/report'
import { contentHash } from '@core/review/versions'
import { runChecksJob, type ChecksJob } from '@core/checks/job'
import { mustFix } from '@core/checks'
import { ProofreadError, proofreadReport } from '../../../src-renderer/src/services/proofread'
import { HuibaoDatabase, createReport } from '../../../src-renderer/src/db/database'
import { ExportError, exportReportAsDocx } from '../../../src-renderer/src/services/export-docx'
import type { Platform, SaveFileOptions } from '../../../src-renderer/src/platform/platform'
import { generateLargeReport } from '../../fixtures/large-report'

/** A worker in this process: messages cross as structured clones, transfer lists are honoured. */
class LoopbackWorker implements WorkerLike {
  onmessage: WorkerLike['onmessage'] = null
  onerror: WorkerLike['onerror'] = null
  onmessageerror: WorkerLike['onmessageerror'] = null
  terminated = false
  received: ReportWorkerRequest[] = []
  /** Replies as the worker posted them, with what each transferred. */
  posted: Array<{ reply: ReportWorkerReply; transfer: Transferable[] }> = []
  constructor(private readonly tamper: (reply: ReportWorkerReply) => ReportWorkerReply = (r) => r) {}
  postMessage(message: ReportWorkerRequest): void {
    const request = structuredClone(message)
    this.received.push(request)
    void handleReportRequest(request, (reply, transfer = []) => {
      this.posted.push({ reply, transfer })
      const copy = structuredClone(this.tamper(reply), { transfer })
      setTimeout(() => {
        if (!this.terminated) this.onmessage?.({ data: copy } as MessageEvent<ReportWorkerReply>)
      })
    })
  }
  terminate(): void {
    this.terminated = true
  }
}

function draftJob(pages = 4): DocxJob {
  const { report, doc, template, values } = generateLargeReport({ pages, seed: 5 })
  return { kind: 'draft', report, doc, template, values }
}

async function documentText(bytes: Uint8Array): Promise<string> {
  const zip = await JSZip.loadAsync(bytes)
  return (await zip.file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '')
}

describe('handleReportRequest (the worker side)', () => {
  it('answers with progress for every stage, then the file, transferring its buffer', async () => {
    const replies: Array<{ reply: ReportWorkerReply; transfer?: Transferable[] }> = []
    const job = draftJob()
    await handleReportRequest({ id: 7, task: 'docx', job }, (reply, transfer) => replies.push({ reply, transfer }))
    const progress = replies.filter((r) => r.reply.type === 'progress').map((r) => (r.reply as { fraction: number }).fraction)
    expect(progress).toEqual(Object.values(STAGE_FRACTION))
    const last = replies[replies.length - 1]
    expect(last.reply.type).toBe('done')
    expect(replies.every((r) => r.reply.id === 7)).toBe(true)
    const bytes = (last.reply as { bytes: ArrayBuffer }).bytes
    expect(last.transfer).toEqual([bytes])
    expect(await documentText(new Uint8Array(bytes))).toContain(job.kind === 'draft' ? job.report.meta.title.slice(0, 10) : '')
  })

  it('refuses a malformed request with one failed reply', async () => {
    for (const bad of [null, 'x', { id: 3 }, { id: 3, task: 'docx', job: { kind: 'other' } }, { task: 'docx', job: { kind: 'draft' } }, { id: 3, job: { kind: 'draft' } }, { id: 3, task: 'checks', job: {} }]) {
      const replies: ReportWorkerReply[] = []
      await handleReportRequest(bad, (reply) => replies.push(reply))
      expect(replies).toHaveLength(1)
      expect(replies[0]).toMatchObject({ type: 'failed', message: '请求无效' })
    }
  })

  it('turns an exception in the build into a failed reply with its message', async () => {
    const job = draftJob() as Extract<DocxJob, { kind: 'draft' }>
    const broken = { ...job, doc: { type: 'doc', content: null } } as unknown as DocxJob
    const replies: ReportWorkerReply[] = []
    await handleReportRequest({ id: 1, task: 'docx', job: broken }, (reply) => replies.push(reply))
    const last = replies[replies.length - 1]
    expect(last.type).toBe('failed')
    expect((last as { message: string }).message.length).toBeGreaterThan(0)
    expect(replies.some((r) => r.type === 'done')).toBe(false)
  })
})

describe('buildDocx (the window side)', () => {
  it('builds in the worker: the job arrives as a clone, progress is heard, the worker is stopped', async () => {
    const worker = new LoopbackWorker()
    const heard: number[] = []
    const job = draftJob()
    const bytes = await buildDocx(job, { createWorker: () => worker, onProgress: (f) => heard.push(f) })
    expect(worker.received).toHaveLength(1)
    expect(worker.received[0].job).toEqual(job)
    expect(worker.received[0].job).not.toBe(job)
    expect(heard).toEqual([...Object.values(STAGE_FRACTION), 1])
    expect(worker.terminated).toBe(true)
    // Same bytes as building in place, apart from the zip's and core.xml's times.
    const inPlace = await buildDocx(job, { createWorker: () => null })
    expect(await documentText(bytes)).toBe(await documentText(inPlace))
    // The transferred buffer left the worker's side: it is detached there.
    const done = worker.posted.find((p) => p.reply.type === 'done')!
    expect((done.reply as { bytes: ArrayBuffer }).bytes.byteLength).toBe(0)
  })

  it('ignores replies that belong to another export', async () => {
    const worker = new LoopbackWorker((reply) => (reply.type === 'done' ? { ...reply, id: reply.id + 1000 } : reply))
    await expect(buildDocx(draftJob(2), { createWorker: () => worker, timeoutMs: 1500 })).rejects.toThrow('后台处理超时')
    expect(worker.terminated).toBe(true)
  })

  it('rejects when the worker script fails (e.g. refused to load)', async () => {
    const worker = new LoopbackWorker()
    worker.postMessage = () => setTimeout(() => worker.onerror?.({ message: 'Failed to load worker script', preventDefault() {} } as ErrorEvent))
    const error = await buildDocx(draftJob(2), { createWorker: () => worker }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(DocxBuildError)
    expect((error as Error).message).toContain('Failed to load worker script')
    expect(worker.terminated).toBe(true)
  })

  it('rejects a job that cannot be cloned instead of hanging', async () => {
    const job = { ...draftJob(2), extra: () => 1 } as unknown as DocxJob
    await expect(buildDocx(job, { createWorker: () => new LoopbackWorker(), timeoutMs: 3000 })).rejects.toBeInstanceOf(DocxBuildError)
  })
})

describe('公文校对 in the worker', () => {
  /** A fresh draft: empty 必写 sections and the template's ×× addressee are 必须修改 items. */
  function checksJob(): ChecksJob {
    const template = builtInTemplate('rule-of-law-annual')!
    let n = 0
    const { report, doc, values } = createReportFromTemplate(
      template,
      { organs: ['甲乙镇人民政府'], addressee: '××县人民政府', year: 2024, date: '2025-01-15', title: '甲乙镇人民政府关于2024年测试工作的报告' },
      { reportId: 'r1', newSectionId: () => `s${++n}`, now: 1000 }
    )
    return { report, doc, template, values, today: '2025-02-01' }
  }

  it('answers a checks request with the same items as checking in place', async () => {
    const job = checksJob()
    const replies: ReportWorkerReply[] = []
    await handleReportRequest(structuredClone({ id: 4, task: 'checks', job }), (reply) => replies.push(reply))
    expect(replies).toHaveLength(1)
    const reply = replies[0]
    expect(reply.type).toBe('checked')
    const items = (reply as Extract<ReportWorkerReply, { type: 'checked' }>).items
    expect(mustFix(items).length).toBeGreaterThan(0)
    expect(items).toEqual(runChecksJob(job))
  })

  it('runs through the worker from the window side, and stops a one-off worker', async () => {
    const job = checksJob()
    const worker = new LoopbackWorker()
    const items = await runChecksOffThread(job, { createWorker: () => worker })
    expect(worker.received[0]).toMatchObject({ id: expect.any(Number), task: 'checks' })
    expect(items).toEqual(runChecksJob(job))
    expect(worker.terminated).toBe(true)
  })

  it('turns a failed worker into a Chinese 检查失败 message', async () => {
    const db = new HuibaoDatabase(`huibao-checks-worker-${process.pid}-${Date.now()}`)
    const job = checksJob()
    await createReport(db, job.report, job.doc.content, job.values)
    const worker = new LoopbackWorker()
    worker.postMessage = () => setTimeout(() => worker.onerror?.({ message: 'Failed to load worker script', preventDefault() {} } as ErrorEvent))
    const error = await proofreadReport('r1', { db, today: '2025-02-01', createWorker: () => worker }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ProofreadError)
    expect((error as Error).message).toBe('检查失败：Failed to load worker script。请稍后重试。')
    db.close()
    await Dexie.delete(db.name)
  })
})

describe('the approval check in the worker', () => {
  function approvalJob(): ApprovedCheckJob {
    const { report, doc, template, values } = generateLargeReport({ pages: 3, seed: 8 })
    const content = { meta: report.meta, sections: doc.content as BlockJSON[], values }
    const frozen = frozenInputs(takeSnapshot(report, content, null))
    return { version: structuredClone(content), frozen, report, content, template, reportId: report.id }
  }

  it('gives the approved output and its hash, as checking in place does', async () => {
    const job = approvalJob()
    const worker = new LoopbackWorker()
    const result = await checkApprovedOffThread(job, { createWorker: () => worker })
    expect(worker.received[0].task).toBe('approval')
    expect(result.ok).toBe(true)
    const expected = approvedOutput(takeSnapshot(job.report, job.content, null), job.template, job.reportId)
    if (!result.ok) throw new Error('not ok')
    expect(result.hash).toBe(await outputHash(expected))
    expect(result.output.resolved.title).toBe(job.report.meta.title)
    // An export does not ask for the snapshot: the sections do not cross back.
    expect(result.snapshot).toBeUndefined()
  })

  it('refuses a version that no longer hashes to the approved content, before anything else', async () => {
    const job = approvalJob()
    const good = await checkApprovedOffThread({ ...job, versionHash: await contentHash(job.version) }, { createWorker: () => new LoopbackWorker() })
    expect(good.ok).toBe(true)
    const bad = await checkApprovedOffThread({ ...job, versionHash: await contentHash({ ...job.version, meta: { ...job.version.meta, title: '别的标题' } }) }, { createWorker: () => new LoopbackWorker() })
    expect(bad).toEqual({ ok: false, differences: [], versionChanged: true })
  })

  it('lists what changed since approval instead of an output', async () => {
    const job = approvalJob()
    const changed: ApprovedCheckJob = { ...job, content: { ...job.content, meta: { ...job.content.meta, title: `${job.content.meta.title}（改）` } } }
    const result = await checkApprovedOffThread(changed, { createWorker: () => new LoopbackWorker() })
    expect(result).toEqual({ ok: false, differences: ['标题'] })
  })
})

describe('导出Word through the worker', () => {
  const opened: HuibaoDatabase[] = []
  afterEach(async () => {
    for (const db of opened.splice(0)) {
      db.close()
      await Dexie.delete(db.name)
    }
  })

  async function seeded(): Promise<HuibaoDatabase> {
    const db = new HuibaoDatabase(`huibao-docx-worker-${process.pid}-${opened.length}-${Date.now()}`)
    opened.push(db)
    const template = builtInTemplate('rule-of-law-annual')!
    let n = 0
    const { report, doc, values } = createReportFromTemplate(
      template,
      { organs: ['甲乙镇人民政府'], addressee: '丙县人民政府', year: 2024, date: '2025-01-15', title: '甲乙镇人民政府关于2024年测试工作的报告' },
      { reportId: 'r1', newSectionId: () => `s${++n}`, now: 1000 }
    )
    await createReport(db, report, doc.content, values)
    return db
  }

  function platform(): Platform & { saved: SaveFileOptions[] } {
    const saved: SaveFileOptions[] = []
    return { kind: 'browser', saved, saveFile: async (req) => (saved.push(req), { status: 'saved', path: `/tmp/${req.suggestedName}` }), getAppInfo: async () => null }
  }

  it('saves the file the worker built', async () => {
    const db = await seeded()
    const p = platform()
    const worker = new LoopbackWorker()
    await exportReportAsDocx('r1', { db, platform: p, createWorker: () => worker })
    expect(worker.received[0]).toMatchObject({ task: 'docx', job: { kind: 'draft' } })
    expect(p.saved).toHaveLength(1)
    expect(await documentText(p.saved[0].data)).toContain('甲乙镇人民政府关于2024年测试工作的报告')
  })

  it('saves nothing and says so in Chinese when the worker fails', async () => {
    const db = await seeded()
    const p = platform()
    const worker = new LoopbackWorker((reply) => (reply.type === 'done' ? { id: reply.id, type: 'failed', message: '内存不足' } : reply))
    const error = await exportReportAsDocx('r1', { db, platform: p, createWorker: () => worker }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ExportError)
    expect((error as Error).message).toBe('导出失败：生成 Word 文档时出错（内存不足）。没有保存任何文件，请稍后重试。')
    expect(p.saved).toHaveLength(0)
  })
})
