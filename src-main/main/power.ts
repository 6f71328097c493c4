// The leader's role must not outlive the leader: when the screen locks or the PC suspends,
// every window is told (typed event 'session:lock') and the renderer drops back to 起草人.
import { BrowserWindow, powerMonitor } from 'electron'
import type { IpcEvents, SessionLockReason } from '@contract/ipc'

const REASONS: readonly SessionLockReason[] = ['lock-screen', 'suspend']

export function installSessionLock(): () => void {
  const listeners = REASONS.map((reason) => {
    const listener = () => {
      const payload: IpcEvents['session:lock'] = reason
      for (const win of BrowserWindow.getAllWindows()) {
        if (!win.isDestroyed() && !win.webContents.isDestroyed()) win.webContents.send('session:lock', payload)
      }
    }
    powerMonitor.on(reason as 'lock-screen', listener)
    return { reason, listener }
  })
  return () => {
    for (const { reason, listener } of listeners) powerMonitor.removeListener(reason as 'lock-screen', listener)
  }
}
