// The one IPC contract, shared by main, preload and renderer. Type-only on purpose: no code
// crosses runtimes through this file, only the shape of every request and answer.

export interface FileFilter {
  name: string
  extensions: string[]
}

export interface SaveFileRequest {
  /** File name offered in the save dialog, e.g. the report title + '.docx'. */
  suggestedName: string
  data: Uint8Array
  filters: FileFilter[]
}

export type SaveFileResult = { status: 'saved'; path: string } | { status: 'canceled' }

/** What a file is opened for: main picks the dialog's title, filters and size cap from it. */
export interface OpenFileRequest {
  purpose: 'import-word'
}

export type OpenFileResult = { status: 'opened'; name: string; data: Uint8Array } | { status: 'canceled' }

/** Print the report's print view to PDF (hidden window, Chromium's print engine) and save it. */
export interface PrintToPdfRequest {
  reportId: string
  /** File name offered in the save dialog: the title + '.pdf'. */
  suggestedName: string
  /** PDF document title and author (metadata). */
  title: string
  author: string
}

/** A saved PDF also names the SHA-256 (hex) of the bytes written: an approved export records it. */
export type PrintToPdfResult = { status: 'saved'; path: string; sha256: string } | { status: 'canceled' }

/** The print view says it has laid out its pages and may be printed. */
export interface PrintReadyRequest {
  pages: number
}

export interface AppInfo {
  version: string
  /** Where the app keeps its files on this PC (shown in 关于 and the README). */
  dataPath: string
  platform: string
}

// ---- Backups and recovery copies (data safety outside IndexedDB) ------------------------

/** Why a backup is written to the app's own backups folder. */
export type BackupReason = 'daily' | 'upgrade' | 'before-restore'

/** Main decides whether an automatic backup is due; the renderer only produces the bytes. */
export interface AutoBackupStatus {
  due: boolean
  reason: 'daily' | 'upgrade' | null
  /** The folder holding automatic backups (shown to the clerk). */
  folder: string
  /** Newest automatic backup, ms since epoch; null if there is none. */
  lastBackupAt: number | null
  count: number
}

export interface WriteAutoBackupRequest {
  reason: BackupReason
  /** A whole Huibao backup file (UTF-8 JSON). */
  data: Uint8Array
}

export type WriteAutoBackupResult = { status: 'written'; path: string } | { status: 'not-due' }

export type OpenBackupResult = { status: 'opened'; name: string; data: Uint8Array } | { status: 'canceled' }

export interface RecoveryCopyRequest {
  reportId: string
  /** The report's rows as JSON (see db/backup.ts RecoveryCopy). */
  json: string
}

export interface RecoveryCopyWritten {
  fileName: string
}

/** One recovery copy on disk, described without its content. */
export interface RecoveryCopyInfo {
  reportId: string
  fileName: string
  title: string
  year: number
  /** The report's updatedAt when copied. */
  updatedAt: number
  copiedAt: number
  bytes: number
}

export interface ReadRecoveryCopyRequest {
  reportId: string
  fileName: string
}

// ---- Audit anchor (the audit trail's check point outside IndexedDB) ---------------------

export interface WriteAuditAnchorRequest {
  /** The anchor as JSON (see core/review/anchor.ts); main checks its shape and writes it atomically. */
  json: string
}

/** Why the leader's role was dropped by the operating system. */
export type SessionLockReason = 'lock-screen' | 'suspend'

/** Every invoke channel, its request and its answer. */
export interface IpcChannels {
  'file:save': { request: SaveFileRequest; response: SaveFileResult }
  'file:open': { request: OpenFileRequest; response: OpenFileResult }
  'app:info': { request: void; response: AppInfo }
  'backup:status': { request: void; response: AutoBackupStatus }
  'backup:write-auto': { request: WriteAutoBackupRequest; response: WriteAutoBackupResult }
  'backup:open': { request: void; response: OpenBackupResult }
  'recovery:write': { request: RecoveryCopyRequest; response: RecoveryCopyWritten }
  'recovery:list': { request: void; response: RecoveryCopyInfo[] }
  'recovery:read': { request: ReadRecoveryCopyRequest; response: string }
  'anchor:read': { request: void; response: string | null }
  'anchor:write': { request: WriteAuditAnchorRequest; response: void }
  'pdf:print': { request: PrintToPdfRequest; response: PrintToPdfResult }
  'pdf:ready': { request: PrintReadyRequest; response: void }
  /** The page has stored what it had to after 'window:closing': the window may close. */
  'window:close-ready': { request: void; response: void }
}

export type IpcChannel = keyof IpcChannels

/**
 * What the application menu asks the renderer to do. Edit commands (undo, copy, …) are native
 * menu roles and never reach the renderer through this channel.
 */
export type MenuCommand =
  | 'new-report'
  | 'save-version'
  | 'export-word'
  | 'export-pdf'
  | 'find'
  // 文件 → 备份到… / 从备份恢复…: the renderer owns the data, so it does both.
  | 'backup-to'
  | 'restore-backup'

/** Events main sends to the renderer (one way, no answer). */
export interface IpcEvents {
  'menu:command': MenuCommand
  /** The screen locked or the PC is suspending: the renderer drops the leader's role. */
  'session:lock': SessionLockReason
  /** The main window is about to close: store what is unsaved, then answer 'window:close-ready'. */
  'window:closing': undefined
}

export type IpcEvent = keyof IpcEvents

/** An error answered by main instead of throwing raw Error objects across the bridge. */
export interface IpcError {
  code: 'forbidden-sender' | 'invalid-payload' | 'failed'
  message: string
}

export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: IpcError }

/** What the preload exposes as `window.huibao`: named functions only, never ipcRenderer. */
export interface HuibaoBridge {
  saveFile(request: SaveFileRequest): Promise<SaveFileResult>
  /** Open dialog in main (导入Word); answers the chosen file's bytes, refused above the size cap. */
  openFile(request: OpenFileRequest): Promise<OpenFileResult>
  getAppInfo(): Promise<AppInfo>
  /** Subscribes to application-menu commands; returns the function that unsubscribes. */
  onMenuCommand(listener: (command: MenuCommand) => void): () => void
  /** Whether an automatic backup is due (once a day, and after an app upgrade). */
  getAutoBackupStatus(): Promise<AutoBackupStatus>
  /** Main writes the backup atomically into its backups folder and keeps the newest 30. */
  writeAutoBackup(request: WriteAutoBackupRequest): Promise<WriteAutoBackupResult>
  /** Open dialog in main; answers the chosen file's bytes (the renderer validates them). */
  openBackupFile(): Promise<OpenBackupResult>
  /** One report's rows, kept on disk by main in 3 generations. */
  writeRecoveryCopy(reportId: string, json: string): Promise<RecoveryCopyWritten>
  listRecoveryCopies(): Promise<RecoveryCopyInfo[]>
  readRecoveryCopy(reportId: string, fileName: string): Promise<string>
  /** The audit anchor file's content; null when there is none yet. */
  readAuditAnchor(): Promise<string | null>
  /** Main replaces the anchor file atomically (temp file, fsync, rename). */
  writeAuditAnchor(json: string): Promise<void>
  /** Subscribes to screen-lock / suspend notices; returns the function that unsubscribes. */
  onSessionLock(listener: (reason: SessionLockReason) => void): () => void
  /**
   * Sets what runs when the window is about to close (the page's last saves); the window closes
   * once it settles, or after main's time limit. Returns the function that removes it.
   */
  onWindowClosing(handler: () => Promise<void>): () => void
  /** Exports the report as PDF through a hidden print window; resolves once saved or cancelled. */
  printToPdf(request: PrintToPdfRequest): Promise<PrintToPdfResult>
  /** Called by the print view when its pages are laid out (the hidden window is then printed). */
  printReady(info: PrintReadyRequest): Promise<void>
}

export type BridgeGlobal = { huibao?: HuibaoBridge }
