// The desktop implementation of Platform: a thin adapter over the preload bridge (window.huibao).
// Errors from the bridge already carry a Chinese message for the clerk; they pass through.
import type { HuibaoBridge, MenuCommand, OpenFileResult } from '@contract/ipc'
import type { Platform } from './platform'

/** The desktop always has its backups folder and recovery copies. */
type DesktopSafety = Required<
  Pick<
    Platform,
    | 'getAutoBackupStatus'
    | 'writeAutoBackup'
    | 'openBackupFile'
    | 'writeRecoveryCopy'
    | 'listRecoveryCopies'
    | 'readRecoveryCopy'
    | 'readAuditAnchor'
    | 'writeAuditAnchor'
    | 'onSessionLock'
    | 'onWindowClosing'
  >
>

export type ElectronPlatform = Platform &
  DesktopSafety & {
    kind: 'electron'
    /** Application-menu commands (新建报告, 保存版本, …); returns the unsubscribe function. */
    onMenuCommand(listener: (command: MenuCommand) => void): () => void
    /** 导入Word: the desktop always has a native open dialog. */
    openWordFile(): Promise<OpenFileResult>
  }

export function createElectronPlatform(bridge: HuibaoBridge): ElectronPlatform {
  return {
    kind: 'electron',
    // mimeType matters only to a browser download; the save dialog's filters name the type here.
    saveFile: ({ suggestedName, data, filters }) => bridge.saveFile({ suggestedName, data, filters }),
    getAppInfo: () => bridge.getAppInfo(),
    openWordFile: () => bridge.openFile({ purpose: 'import-word' }),
    onMenuCommand: (listener) => bridge.onMenuCommand(listener),
    printToPdf: (req) => bridge.printToPdf(req),
    printReady: (pages) => bridge.printReady({ pages }),
    getAutoBackupStatus: () => bridge.getAutoBackupStatus(),
    writeAutoBackup: (request) => bridge.writeAutoBackup(request),
    openBackupFile: () => bridge.openBackupFile(),
    writeRecoveryCopy: (reportId, json) => bridge.writeRecoveryCopy(reportId, json),
    listRecoveryCopies: () => bridge.listRecoveryCopies(),
    readRecoveryCopy: (reportId, fileName) => bridge.readRecoveryCopy(reportId, fileName),
    readAuditAnchor: () => bridge.readAuditAnchor(),
    writeAuditAnchor: (json) => bridge.writeAuditAnchor(json),
    onSessionLock: (listener) => bridge.onSessionLock(listener),
    onWindowClosing: (handler) => bridge.onWindowClosing(handler)
  }
}
