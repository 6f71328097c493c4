// Closing the main window (its ×, Alt+F4, 退出) first lets the page store what the clerk typed
// last: the autosave due in the next second, a figure typed but not confirmed. The close is held,
// the page is told ('window:closing'), and the window closes when it answers 'window:close-ready'
// or after CLOSE_WAIT_MS, whichever comes first — a hung page never keeps the window open.
// (VS Code holds a close the same way, for its own before-shutdown work.)
import { z } from 'zod'
import type { BrowserWindow, WebContents } from 'electron'
import type { IpcEvents } from '@contract/ipc'
import { handle } from './ipc'

/** Long enough for a save of a 200-page report on a slow disk, short enough not to seem stuck. */
export const CLOSE_WAIT_MS = 5000

/** The pages whose window waits for their answer, and what lets it close. */
const waiting = new Map<number, () => void>()

export function registerCloseGuardHandlers(): void {
  handle('window:close-ready', z.undefined(), (_request, event) => {
    waiting.get((event.sender as WebContents).id)?.()
  })
}

export function guardWindowClose(win: BrowserWindow, waitMs = CLOSE_WAIT_MS): void {
  let state: 'open' | 'asking' | 'closing' = 'open'
  const contentsId = win.webContents.id
  win.on('close', (event) => {
    if (state === 'closing') return
    event.preventDefault()
    if (state === 'asking') return
    state = 'asking'
    const close = () => {
      if (state !== 'asking') return
      state = 'closing'
      clearTimeout(timer)
      waiting.delete(contentsId)
      if (!win.isDestroyed()) win.close()
    }
    const timer = setTimeout(close, waitMs)
    waiting.set(contentsId, close)
    const payload: IpcEvents['window:closing'] = undefined
    if (win.webContents.isDestroyed()) close()
    else win.webContents.send('window:closing', payload)
  })
  win.on('closed', () => waiting.delete(contentsId))
}
