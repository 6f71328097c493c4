// Word files, 公文校对 and the approval check run in a module Web Worker (workers/report-build.worker.ts), so the
// window stays responsive however long the report: the window sends plain data and gets the
// bytes back (transferred) or the check results. One worker is started on first use and kept
// for the session (its start — loading the docx library — is paid once; warmReportWorker()
// starts it early, at the export click). Where no Worker exists — Node, where the service tests
// run — the same pure code runs in place; a browser or Electron window always has one, and a
// worker that fails there is reported as an error, never retried on the main thread (that is
// what froze the window).
import type { DocxJob } from '@core/docx/job'
import type { ChecksJob } from '@core/checks/job'
import type { CheckItem } from '@core/checks'
import type { ApprovedCheck, ApprovedCheckJob } from '@core/review/approval'
import { STAGE_FRACTION, type ReportWorkerReply, type ReportWorkerRequest } from './report-build-protocol'

/** The part of Worker this module uses (a fake in the protocol tests). */
export interface WorkerLike {
  onmessage: ((event: MessageEvent<ReportWorkerReply>) => void) | null
  onerror: ((event: ErrorEvent) => void) | null
  onmessageerror: ((event: MessageEvent) => void) | null
  postMessage(message: ReportWorkerRequest, transfer?: Transferable[]): void
  terminate(): void
}

export interface WorkerOptions {
  /**
   * Tests: a worker for this one request (stopped afterwards), or null to run in place. By
   * default the window's shared worker, or in place without Worker.
   */
  createWorker?: () => WorkerLike | null
  /** A request unanswered after this long stops the worker (a last resort; default 5 minutes). */
  timeoutMs?: number
}

export interface DocxBuildOptions extends WorkerOptions {
  /** 0..1 after each step of the build; 1 when the file's bytes are here. */
  onProgress?: (fraction: number) => void
}

/** Why the worker produced nothing; the caller words the message for the clerk. */
export class DocxBuildError extends Error {
  override name = 'DocxBuildError'
}

type Handler = { reply(reply: ReportWorkerReply): void; fail(message: string): void }

/** One worker and its requests in flight, routed by id. */
class Channel {
  private readonly pending = new Map<number, Handler>()
  dead = false
  constructor(
    private readonly worker: WorkerLike,
    private readonly onDead: () => void
  ) {
    worker.onmessage = (event) => this.pending.get(event.data?.id)?.reply(event.data)
    worker.onerror = (event) => {
      // Also a worker script that could not load (e.g. refused by the page's security policy).
      event.preventDefault?.()
      this.kill(event.message || '后台进程出错')
    }
    worker.onmessageerror = () => this.kill('后台进程的回复无法读取')
  }

  kill(message: string): void {
    if (this.dead) return
    this.dead = true
    this.worker.onmessage = this.worker.onerror = this.worker.onmessageerror = null
    this.worker.terminate()
    const waiting = [...this.pending.values()]
    this.pending.clear()
    this.onDead()
    for (const h of waiting) h.fail(message)
  }

  /** Sends one request; `onReply` returns the result when a reply ends the request. */
  request<T>(message: ReportWorkerRequest, onReply: (reply: ReportWorkerReply) => { result: T } | { error: string } | null, timeoutMs: number): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      if (this.dead) return reject(new DocxBuildError('后台进程已停止'))
      const id = message.id
      const done = () => {
        clearTimeout(timer)
        this.pending.delete(id)
      }
      // A stuck worker is stopped: the request and any others waiting on it fail.
      const timer = setTimeout(() => this.kill('后台处理超时'), timeoutMs)
      this.pending.set(id, {
        reply: (reply) => {
          const outcome = onReply(reply)
          if (!outcome) return
          done()
          if ('result' in outcome) resolve(outcome.result)
          else reject(new DocxBuildError(outcome.error))
        },
        fail: (why) => {
          done()
          reject(new DocxBuildError(why))
        }
      })
      try {
        this.worker.postMessage(message)
      } catch (error) {
        // Data that cannot be cloned: a programming error, never half a file.
        this.pending.get(id)?.fail(error instanceof Error ? error.message : String(error))
      }
    })
  }
}

let shared: Channel | null = null
let nextId = 1

function sharedChannel(): Channel | null {
  if (shared && !shared.dead) return shared
  if (typeof Worker === 'undefined') return null
  // Written literally so Vite bundles the worker as its own module chunk.
  const worker = new Worker(new URL('../workers/report-build.worker.ts', import.meta.url), { type: 'module', name: 'huibao-report-build' })
  const channel: Channel = new Channel(worker, () => {
    if (shared === channel) shared = null
  })
  shared = channel
  return channel
}

/** Starts the shared worker now (at an export click), so it loads while the window saves and checks. */
export function warmReportWorker(): void {
  sharedChannel()
}

/** The channel for one request and whether to close it afterwards; null = run in place. */
function channelFor(options: WorkerOptions): { channel: Channel; once: boolean } | null {
  if (!options.createWorker) {
    const channel = sharedChannel()
    return channel ? { channel, once: false } : null
  }
  const worker = options.createWorker()
  return worker ? { channel: new Channel(worker, () => {}), once: true } : null
}

async function withChannel<T>(options: WorkerOptions, inPlace: () => Promise<T>, run: (channel: Channel, timeoutMs: number) => Promise<T>): Promise<T> {
  const use = channelFor(options)
  if (!use) return inPlace()
  try {
    return await run(use.channel, options.timeoutMs ?? 300_000)
  } finally {
    if (use.once) use.channel.kill('')
  }
}

export function buildDocx(job: DocxJob, options: DocxBuildOptions = {}): Promise<Uint8Array> {
  const onProgress = options.onProgress ?? (() => {})
  return withChannel(
    options,
    async () => {
      // Loaded only here, so the window's bundle never carries the docx library.
      const { buildDocxJob } = await import('@core/docx/job')
      const bytes = await buildDocxJob(job, (stage) => onProgress(STAGE_FRACTION[stage]))
      onProgress(1)
      return bytes
    },
    (channel, timeoutMs) =>
      channel.request<Uint8Array>(
        { id: nextId++, task: 'docx', job },
        (reply) => {
          if (reply.type === 'progress') {
            onProgress(reply.fraction)
            return null
          }
          if (reply.type === 'done') {
            onProgress(1)
            return { result: new Uint8Array(reply.bytes) }
          }
          if (reply.type === 'failed') return { error: reply.message }
          return { error: '后台进程的回复不符' }
        },
        timeoutMs
      )
  )
}

/** 公文校对 of a report's data, in the worker. */
export function runChecksOffThread(job: ChecksJob, options: WorkerOptions = {}): Promise<CheckItem[]> {
  return withChannel(
    options,
    async () => (await import('@core/checks/job')).runChecksJob(job),
    (channel, timeoutMs) =>
      channel.request<CheckItem[]>(
        { id: nextId++, task: 'checks', job },
        (reply) => (reply.type === 'checked' ? { result: reply.items } : reply.type === 'failed' ? { error: reply.message } : { error: '后台进程的回复不符' }),
        timeoutMs
      )
  )
}

/** An approved report checked against its approval (differences, or output and hash), in the worker. */
export function checkApprovedOffThread(job: ApprovedCheckJob, options: WorkerOptions = {}): Promise<ApprovedCheck> {
  return withChannel(
    options,
    async () => (await import('@core/review/approval')).checkApproved(job),
    (channel, timeoutMs) =>
      channel.request<ApprovedCheck>(
        { id: nextId++, task: 'approval', job },
        (reply) => (reply.type === 'approval' ? { result: reply.result } : reply.type === 'failed' ? { error: reply.message } : { error: '后台进程的回复不符' }),
        timeoutMs
      )
  )
}
