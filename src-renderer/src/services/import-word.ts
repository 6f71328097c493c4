// 导入Word: choosing the file (the desktop's open dialog through the Platform, or the page's
// own file input in a browser) and reading it in a Web Worker with progress. Building and
// storing the report is the reports store's job.
// Only the error type here: the reader (XML, zip) loads in the worker, or on demand without one,
// so the report list that offers 导入Word does not carry it.
import { ImportError } from '@core/import/errors'
import type { ParsedDocx } from '@core/import/model'
import { getPlatform } from '../platform'
import type { ImportWorkerReply } from './import-word-protocol'

export interface ChosenFile {
  name: string
  bytes: Uint8Array
}

/** The desktop's open dialog; null in a browser (the caller then opens its <input type=file>) or when cancelled. */
export async function chooseWordFileNatively(): Promise<ChosenFile | 'browser' | null> {
  const platform = getPlatform()
  const result = await platform.openWordFile?.()
  if (!result) return 'browser'
  if (result.status === 'canceled') return null
  return { name: result.name, bytes: result.data }
}

/** A worker that gives up after this long is stopped (the reader's caps make this a last resort). */
const WORKER_TIMEOUT_MS = 120_000

/**
 * Reads the file in a worker. Rejects with ImportError (Chinese message) for a refused file.
 * Without Worker support (unit tests) it reads in place.
 */
export function readWordFile(bytes: Uint8Array, onProgress: (fraction: number) => void = () => {}): Promise<ParsedDocx> {
  if (typeof Worker === 'undefined') return import('@core/import/read').then(({ parseDocx }) => parseDocx(bytes))
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('../workers/import-word.worker.ts', import.meta.url), { type: 'module' })
    const timer = setTimeout(() => {
      worker.terminate()
      reject(new ImportError('bomb', '读取超时'))
    }, WORKER_TIMEOUT_MS)
    const finish = () => {
      clearTimeout(timer)
      worker.terminate()
    }
    worker.onmessage = (event: MessageEvent<ImportWorkerReply>) => {
      const reply = event.data
      if (reply.type === 'progress') onProgress(reply.fraction)
      else if (reply.type === 'done') {
        finish()
        resolve(reply.parsed)
      } else {
        finish()
        const error = new ImportError(reply.code)
        error.message = reply.message
        reject(error)
      }
    }
    worker.onerror = (event) => {
      finish()
      reject(new Error(`读取 Word 文件失败：${event.message || '后台读取进程出错'}。请在 Word/WPS 中另存为 .docx 后再导入。`))
    }
    // A copy is transferred: the caller keeps its bytes.
    const copy = bytes.slice().buffer
    worker.postMessage({ bytes: copy }, [copy])
  })
}
