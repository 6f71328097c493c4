// The bridge between the sandboxed page and main: window.huibao with NAMED functions only.
// ipcRenderer itself never crosses contextBridge — a page holding it could call any channel.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron'
import type { HuibaoBridge, IpcChannel, IpcChannels, IpcEvents, IpcResult, MenuCommand, SessionLockReason } from '@contract/ipc'

async function invoke<C extends IpcChannel>(
  channel: C,
  request: IpcChannels[C]['request']
): Promise<IpcChannels[C]['response']> {
  const result = (await ipcRenderer.invoke(channel, request)) as IpcResult<IpcChannels[C]['response']>
  if (result && result.ok === true) return result.value
  // Only the message survives contextBridge; main already wrote it in Chinese for the clerk.
  const message = result && result.ok === false ? result.error.message : '操作没有完成，请重试。'
  throw new Error(message)
}

/** What the page runs before its window closes (one at a time: the app sets it once). */
let closingHandler: (() => Promise<void>) | null = null
// Registered here, not by the page: a page that set no handler (the start-up error page) must
// still answer at once, or its window would wait for main's time limit.
ipcRenderer.on('window:closing', () => {
  const handler = closingHandler
  void Promise.resolve()
    .then(() => handler?.())
    .catch(() => {})
    .then(() => invoke('window:close-ready', undefined))
    .catch(() => {})
})

const bridge: HuibaoBridge = {
  saveFile: (request) => invoke('file:save', request),
  openFile: (request) => invoke('file:open', request),
  getAppInfo: () => invoke('app:info', undefined),
  printToPdf: (request) => invoke('pdf:print', request),
  printReady: (info) => invoke('pdf:ready', info),
  onWindowClosing: (handler: () => Promise<void>) => {
    closingHandler = handler
    return () => {
      if (closingHandler === handler) closingHandler = null
    }
  },
  onMenuCommand: (listener: (command: MenuCommand) => void) => {
    const relay = (_event: IpcRendererEvent, command: IpcEvents['menu:command']) => listener(command)
    ipcRenderer.on('menu:command', relay)
    return () => {
      ipcRenderer.removeListener('menu:command', relay)
    }
  },
  getAutoBackupStatus: () => invoke('backup:status', undefined),
  writeAutoBackup: (request) => invoke('backup:write-auto', request),
  openBackupFile: () => invoke('backup:open', undefined),
  writeRecoveryCopy: (reportId, json) => invoke('recovery:write', { reportId, json }),
  listRecoveryCopies: () => invoke('recovery:list', undefined),
  readRecoveryCopy: (reportId, fileName) => invoke('recovery:read', { reportId, fileName }),
  readAuditAnchor: () => invoke('anchor:read', undefined),
  writeAuditAnchor: (json) => invoke('anchor:write', { json }),
  onSessionLock: (listener: (reason: SessionLockReason) => void) => {
    const relay = (_event: IpcRendererEvent, reason: IpcEvents['session:lock']) => listener(reason)
    ipcRenderer.on('session:lock', relay)
    return () => {
      ipcRenderer.removeListener('session:lock', relay)
    }
  }
}

contextBridge.exposeInMainWorld('huibao', bridge)
