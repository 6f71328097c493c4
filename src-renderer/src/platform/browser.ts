// The browser side of the platform: used by `npm run web` and the e2e tests. A save is a
// download; the browser decides where it lands, so the "path" is just the file name.
import type { Platform, SaveFileOptions } from './platform'
import { pageStorage } from './page-storage'
import type { SaveFileResult } from '@contract/ipc'

/** The browser's "second store" for the audit anchor: localStorage, apart from IndexedDB. */
export const ANCHOR_STORAGE_KEY = 'huibao.audit-anchor'

export function createBrowserPlatform(doc: Document = document, given?: Pick<Storage, 'getItem' | 'setItem'> | null): Platform {
  // localStorage is opened when the audit anchor is first read or written, not here: the first
  // touch costs the page ~10 ms, and the print window (created there to say it is laid out)
  // never needs it.
  let storage = given
  const store = () => (storage === undefined ? (storage = pageStorage()) : storage)
  return {
    kind: 'browser',
    async saveFile(req: SaveFileOptions): Promise<SaveFileResult> {
      // Copy into a fresh ArrayBuffer: the Uint8Array may be a view on a larger or shared buffer.
      const blob = new Blob([req.data.slice()], { type: req.mimeType })
      const url = URL.createObjectURL(blob)
      const a = doc.createElement('a')
      a.href = url
      a.download = req.suggestedName
      a.style.display = 'none'
      doc.body.appendChild(a)
      try {
        a.click()
      } finally {
        a.remove()
        // Revoking synchronously can cancel the download in some browsers; a tick later is safe.
        setTimeout(() => URL.revokeObjectURL(url), 1000)
      }
      return { status: 'saved', path: req.suggestedName }
    },
    async getAppInfo() {
      return null
    },
    async openWordFile() {
      // The page's own <input type=file accept=.docx> picks the file in a browser.
      return null
    },
    async printToPdf(req) {
      // The print view prints itself once laid out (?print=1); the dialog's "另存为 PDF" saves it.
      const view = doc.defaultView
      const url = `#/reports/${encodeURIComponent(req.reportId)}/print?print=1`
      const opened = view?.open(url, '_blank')
      if (!opened) throw new Error('浏览器阻止了打印窗口。请允许本页面弹出窗口后重试。')
      return { status: 'print-dialog' }
    },
    async printReady() {
      // Nothing waits for the print view in the browser.
    },
    // No disk of our own in a browser: no automatic backups, no recovery copies (documented
    // in the backup view). The page offers an <input type=file> to pick a backup instead.
    async getAutoBackupStatus() {
      return null
    },
    async writeAutoBackup() {
      return null
    },
    async openBackupFile() {
      return null
    },
    async writeRecoveryCopy() {
      return null
    },
    async listRecoveryCopies() {
      return []
    },
    async readRecoveryCopy() {
      throw new Error('浏览器版不保存恢复副本。')
    },
    async readAuditAnchor() {
      return store()?.getItem(ANCHOR_STORAGE_KEY) ?? null
    },
    async writeAuditAnchor(json) {
      const s = store()
      if (!s) throw new Error('浏览器不允许本页面保存数据（localStorage 不可用）。')
      s.setItem(ANCHOR_STORAGE_KEY, json)
    }
    // No onSessionLock: a page cannot see the OS lock. Hidden time counts as idle instead
    // (stores/session.ts), so a locked screen longer than the idle time drops the role.
  }
}

