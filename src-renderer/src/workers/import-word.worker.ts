// Reads a .docx off the main thread: a hostile or huge file can take the worker's time and
// memory (both capped by the reader) but never freezes the window. Only plain data goes back.
import { ImportError, parseDocx } from '@core/import'
import type { ImportWorkerReply, ImportWorkerRequest } from '../services/import-word-protocol'

const post = (reply: ImportWorkerReply) => (self as unknown as { postMessage(m: ImportWorkerReply): void }).postMessage(reply)

self.addEventListener('message', (event: MessageEvent<ImportWorkerRequest>) => {
  const { bytes } = event.data
  try {
    const parsed = parseDocx(new Uint8Array(bytes), undefined, (fraction) => post({ type: 'progress', fraction }))
    post({ type: 'done', parsed })
  } catch (error) {
    if (error instanceof ImportError) post({ type: 'refused', code: error.code, message: error.message })
    else post({ type: 'refused', code: 'bad-xml', message: `文档无法读取：${error instanceof Error ? error.message : String(error)}。请在 Word/WPS 中另存为 .docx 后再导入。` })
  }
})
