// Closing the main window waits for the page's last saves (src-main/main/close-guard.ts): the
// close is held, the page is told, and the window closes on its answer — or after the time
// limit, so a hung page never keeps it open. Only the page itself can answer.
import { afterEach, describe, expect, it, vi } from 'vitest'
import { CLOSE_WAIT_MS } from '../../src-main/main/close-guard'
import { boot, type Booted } from './app-helpers'
import { ipcMain, mainFrame, session } from '../mocks/electron'

let booted: Booted | null = null
afterEach(() => {
  vi.useRealTimers()
  booted?.cleanup()
  booted = null
})

const closingSent = (b: Booted) => b.window!.webContents.sent.filter((m) => m.channel === 'window:closing').length

describe('closing the main window', () => {
  it('is held until the page answers that its saves are done, then closes (and DOM storage is written)', async () => {
    booted = await boot()
    const win = booted.window!
    win.close()
    expect(win.isDestroyed()).toBe(false)
    expect(closingSent(booted)).toBe(1)
    // A second click on × while waiting does not ask again.
    win.close()
    expect(closingSent(booted)).toBe(1)
    const answer = await ipcMain.invoke('window:close-ready', { frame: mainFrame('app://huibao/index.html'), webContents: win.webContents }, undefined)
    expect(answer).toEqual({ ok: true, value: undefined })
    expect(win.isDestroyed()).toBe(true)
    expect(session.defaultSession.storageFlushes).toBe(1)
  })

  it('closes after the time limit when the page never answers', async () => {
    booted = await boot()
    vi.useFakeTimers()
    const win = booted.window!
    win.close()
    vi.advanceTimersByTime(CLOSE_WAIT_MS - 1)
    expect(win.isDestroyed()).toBe(false)
    vi.advanceTimersByTime(1)
    expect(win.isDestroyed()).toBe(true)
  })

  it('ignores an answer from a foreign page, or from another window', async () => {
    booted = await boot()
    const win = booted.window!
    win.close()
    const foreign = await ipcMain.invoke('window:close-ready', { frame: mainFrame('https://evil.example/'), webContents: win.webContents }, undefined)
    expect(foreign).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } })
    await ipcMain.invoke('window:close-ready', { frame: mainFrame('app://huibao/index.html') }, undefined)
    expect(win.isDestroyed()).toBe(false)
  })
})
