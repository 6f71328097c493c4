// The one typed way the renderer reaches the desktop. Views and services call getPlatform();
// only the Electron implementation knows about the preload bridge.
import type { AppInfo, FileFilter, MenuCommand, OpenFileResult, PrintToPdfRequest, PrintToPdfResult as SavedPdfResult, SaveFileResult } from '@contract/ipc'
import type {
  AutoBackupStatus,
  OpenBackupResult,
  RecoveryCopyInfo,
  RecoveryCopyWritten,
  WriteAutoBackupRequest,
  WriteAutoBackupResult
} from '@contract/ipc'

export type { AppInfo, FileFilter, MenuCommand, OpenFileResult, PrintToPdfRequest, SaveFileResult }
export type { AutoBackupStatus, OpenBackupResult, RecoveryCopyInfo, RecoveryCopyWritten, WriteAutoBackupRequest, WriteAutoBackupResult }
export type { SessionLockReason } from '@contract/ipc'
import type { SessionLockReason } from '@contract/ipc'

/**
 * 'saved' carries the SHA-256 of the bytes written (desktop). 'print-dialog': the browser's print
 * dialog was opened; where the PDF goes — and its bytes — are the user's business there.
 */
export type PrintToPdfResult = SavedPdfResult | { status: 'print-dialog' }

export interface SaveFileOptions {
  /** File name offered to the user, e.g. '梁洼镇人民政府关于2024年法治政府建设情况的报告.docx'. */
  suggestedName: string
  data: Uint8Array
  /** Used by the browser download; Electron writes the bytes as they are. */
  mimeType: string
  filters: FileFilter[]
}

export interface Platform {
  kind: 'electron' | 'browser'
  saveFile(req: SaveFileOptions): Promise<SaveFileResult>
  /** null where there is no desktop shell to ask (plain browser). */
  getAppInfo(): Promise<AppInfo | null>
  /** Application-menu commands; absent in the browser, which has no app menu. Returns unsubscribe. */
  onMenuCommand?(listener: (command: MenuCommand) => void): () => void
  /**
   * 导入Word: a native open dialog for a .docx; null where the page must offer its own
   * <input type=file> (the browser). Optional so test fakes need not spell it out.
   */
  openWordFile?(): Promise<OpenFileResult | null>
  /** PDF of the report's print view: Electron prints a hidden window, the browser opens its print dialog. */
  printToPdf?(req: PrintToPdfRequest): Promise<PrintToPdfResult>
  /** The print view reports its pages are laid out (Electron waits for this before printing). */
  printReady?(pages: number): Promise<void>

  // Data safety outside IndexedDB. Only the desktop has a disk of its own: the browser
  // implementation answers null / [] (automatic backups and recovery copies are unavailable
  // there; "备份到…" is a download via saveFile and a restore reads an <input type=file>).
  // Optional so that test fakes of a Platform need not spell them out.
  /** Whether an automatic backup is due; null where the app has no backups folder. */
  getAutoBackupStatus?(): Promise<AutoBackupStatus | null>
  writeAutoBackup?(request: WriteAutoBackupRequest): Promise<WriteAutoBackupResult | null>
  /** A native open dialog; null where the page must offer its own file input. */
  openBackupFile?(): Promise<OpenBackupResult | null>
  writeRecoveryCopy?(reportId: string, json: string): Promise<RecoveryCopyWritten | null>
  listRecoveryCopies?(): Promise<RecoveryCopyInfo[]>
  readRecoveryCopy?(reportId: string, fileName: string): Promise<string>

  // The audit trail's anchor, kept outside IndexedDB: a file in huibao-data on the desktop, a
  // second store (localStorage) in the browser. See services/audit-anchor.ts.
  readAuditAnchor?(): Promise<string | null>
  writeAuditAnchor?(json: string): Promise<void>
  /** The OS locked the screen or is suspending (desktop only); returns unsubscribe. */
  onSessionLock?(listener: (reason: SessionLockReason) => void): () => void
  /**
   * What runs before the desktop window closes (the last saves): the window waits until it
   * settles, within main's limit. Absent in the browser, where a tab cannot be held open; the
   * page records its unsaved edits on pagehide instead (db/unsaved-edits.ts).
   */
  onWindowClosing?(handler: () => Promise<void>): () => void
}
