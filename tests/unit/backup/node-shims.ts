// dexie-export-import expects a browser: `self` at import time and FileReader for Blob reads.
// Node 20 has Blob but neither of these; the shims below are the smallest faithful stand-ins.
import 'fake-indexeddb/auto'

const g = globalThis as Record<string, unknown>
g.self ??= globalThis

class NodeFileReader {
  result: ArrayBuffer | null = null
  error: unknown = null
  onload: ((event: { target: NodeFileReader }) => void) | null = null
  onerror: ((event: { target: NodeFileReader }) => void) | null = null
  onabort: ((event: { target: NodeFileReader }) => void) | null = null
  readAsArrayBuffer(blob: Blob): void {
    blob.arrayBuffer().then(
      (buffer) => {
        this.result = buffer
        this.onload?.({ target: this })
      },
      (error: unknown) => {
        this.error = error
        this.onerror?.({ target: this })
      }
    )
  }
}
g.FileReader ??= NodeFileReader
