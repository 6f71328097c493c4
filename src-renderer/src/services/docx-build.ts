// Builds a Word file from a job (core/docx/job.ts) in a module Web Worker, so the window stays
// responsive however long the report: the window sends plain data and gets the bytes back
// (transferred). Where no Worker exists — Node, where the service tests run — the same pure
// build runs in place; a browser or Electron window always has one, and a worker that fails
// there is reported as an error rather than retried on the main thread (that is what froze).
import type { DocxJob } from '@core/docx/job'
import { STAGE_FRACTION, type DocxWorkerReply, type DocxWorkerRequest } from './docx-export-protocol'

/** The part of Worker this module uses (a fake in the protocol tests). */
export interface WorkerLike {
  onmessage: ((event: MessageEvent<DocxWorkerReply>) => void) | null
  onerror: ((event: ErrorEvent) => void) | null
  onmessageerror: ((event: MessageEvent) => void) | null
  postMessage(message: DocxWorkerRequest, transfer?: Transferable[]): void
  terminate(): void
}

export interface DocxBuildOptions {
  /** 0..1 after each step of the build. */
  onProgress?: (fraction: number) => void
  /** The worker to use; null builds in place. By default a new module worker, or null without Worker. */
  createWorker?: () => WorkerLike | null
  /** A worker that has not answered after this long is stopped (a last resort; default 5 minutes). */
  timeoutMs?: number
}

/** Why the worker's build failed; the caller words the message for the clerk. */
export class DocxBuildError extends Error {
  override name = 'DocxBuildError'
}

function defaultWorker(): WorkerLike | null {
  if (typeof Worker === 'undefined') return null
  // Written literally so Vite bundles the worker as its own module chunk.
  return new Worker(new URL('../workers/docx-export.worker.ts', import.meta.url), { type: 'module', name: 'huibao-docx-export' })
}

let nextId = 1

async function buildInPlace(job: DocxJob, onProgress: (fraction: number) => void): Promise<Uint8Array> {
  // Loaded only here, so the window's bundle never carries the docx library.
  const { buildDocxJob } = await import('@core/docx/job')
  return buildDocxJob(job, (stage) => onProgress(STAGE_FRACTION[stage]))
}

export function buildDocx(job: DocxJob, options: DocxBuildOptions = {}): Promise<Uint8Array> {
  const onProgress = options.onProgress ?? (() => {})
  const worker = (options.createWorker ?? defaultWorker)()
  if (!worker) return buildInPlace(job, onProgress)
  const id = nextId++
  return new Promise<Uint8Array>((resolve, reject) => {
    const finish = () => {
      clearTimeout(timer)
      worker.onmessage = worker.onerror = worker.onmessageerror = null
      worker.terminate()
    }
    const fail = (message: string) => {
      finish()
      reject(new DocxBuildError(message))
    }
    const timer = setTimeout(() => fail('后台生成超时'), options.timeoutMs ?? 300_000)
    worker.onmessage = (event) => {
      const reply = event.data
      if (reply.id !== id) return
      if (reply.type === 'progress') onProgress(reply.fraction)
      else if (reply.type === 'done') {
        finish()
        resolve(new Uint8Array(reply.bytes))
      } else fail(reply.message)
    }
    worker.onerror = (event) => {
      // Also a worker script that could not load (e.g. refused by the page's security policy).
      event.preventDefault?.()
      fail(event.message || '后台生成进程出错')
    }
    worker.onmessageerror = () => fail('后台生成进程的回复无法读取')
    try {
      worker.postMessage({ id, job } satisfies DocxWorkerRequest)
    } catch (error) {
      // Data that cannot be cloned: a programming error, never half a file.
      fail(error instanceof Error ? error.message : String(error))
    }
  })
}
