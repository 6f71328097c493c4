// The one typed way the renderer reaches the desktop. Views and services call getPlatform();
// only the Electron implementation knows about the preload bridge.
import type { AppInfo, FileFilter, MenuCommand, PrintToPdfRequest, SaveFileResult } from '@contract/ipc'

export type { AppInfo, FileFilter, MenuCommand, PrintToPdfRequest, SaveFileResult }

/** 'print-dialog': the browser's print dialog was opened; where the PDF goes is the user's choice there. */
export type PrintToPdfResult = SaveFileResult | { status: 'print-dialog' }

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
  /** PDF of the report's print view: Electron prints a hidden window, the browser opens its print dialog. */
  printToPdf?(req: PrintToPdfRequest): Promise<PrintToPdfResult>
  /** The print view reports its pages are laid out (Electron waits for this before printing). */
  printReady?(pages: number): Promise<void>
}
