// Main's part of "approval means approved": the audit anchor file (atomic, shape-checked, only
// for the app's own page) and the OS lock/suspend notice that ends the leader's role.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ANCHOR_FILE, registerAnchorHandlers } from '../../src-main/main/anchor'
import { installSessionLock } from '../../src-main/main/power'
import { BrowserWindow, ipcMain, mainFrame, powerMonitor, resetElectronMock, subFrame } from '../mocks/electron'

let dataDir: string
beforeEach(() => {
  resetElectronMock()
  dataDir = mkdtempSync(join(tmpdir(), 'huibao-anchor-'))
})
afterEach(() => rmSync(dataDir, { recursive: true, force: true }))

const APP = { frame: mainFrame('app://huibao/index.html') }
const anchorJson = (seq: number) =>
  JSON.stringify({ format: 'huibao-audit-anchor', version: 1, keyFingerprint: null, keyCreatedAt: null, legacyUpTo: {}, chains: { r1: { seq, hash: 'a'.repeat(64) } }, restores: [] })

describe('anchor:read / anchor:write', () => {
  it('answers null before the first write, then exactly what was written (no temp files left)', async () => {
    registerAnchorHandlers(dataDir)
    expect(await ipcMain.invoke('anchor:read', APP, undefined)).toEqual({ ok: true, value: null })
    expect(await ipcMain.invoke('anchor:write', APP, { json: anchorJson(3) })).toEqual({ ok: true, value: undefined })
    expect(await ipcMain.invoke('anchor:write', APP, { json: anchorJson(4) })).toEqual({ ok: true, value: undefined })
    expect(readFileSync(join(dataDir, ANCHOR_FILE), 'utf8')).toBe(anchorJson(4))
    expect(readdirSync(dataDir)).toEqual([ANCHOR_FILE])
    expect(await ipcMain.invoke('anchor:read', APP, undefined)).toEqual({ ok: true, value: anchorJson(4) })
  })

  it('refuses content that is not an anchor, and other senders, leaving the file as it was', async () => {
    registerAnchorHandlers(dataDir)
    await ipcMain.invoke('anchor:write', APP, { json: anchorJson(2) })
    for (const json of ['{"format":"huibao-backup"}', 'not json', JSON.stringify({ format: 'huibao-audit-anchor', version: 1, chains: { r1: { seq: -1, hash: 'x' } } })]) {
      const result = (await ipcMain.invoke('anchor:write', APP, { json })) as { ok: boolean; error?: { code: string } }
      expect(result.ok).toBe(false)
      expect(result.error?.code).toBe('invalid-payload')
    }
    const fromFrame = (await ipcMain.invoke('anchor:write', { frame: subFrame('app://huibao/index.html') }, { json: anchorJson(9) })) as { ok: boolean }
    expect(fromFrame.ok).toBe(false)
    const fromWeb = (await ipcMain.invoke('anchor:read', { frame: mainFrame('https://example.com/') }, undefined)) as { ok: boolean }
    expect(fromWeb.ok).toBe(false)
    expect(readFileSync(join(dataDir, ANCHOR_FILE), 'utf8')).toBe(anchorJson(2))
  })

  it('says in Chinese when the folder cannot be written', async () => {
    registerAnchorHandlers(join(dataDir, 'missing', 'deeper'))
    const result = (await ipcMain.invoke('anchor:write', APP, { json: anchorJson(1) })) as { ok: boolean; error?: { message: string } }
    expect(result.ok).toBe(false)
    expect(result.error?.message).toMatch(/[\u4e00-\u9fff]/)
    expect(existsSync(join(dataDir, 'missing'))).toBe(false)
  })
})

describe('screen lock and suspend', () => {
  it("sends 'session:lock' with the reason to every live window, and stops when uninstalled", () => {
    const a = new BrowserWindow()
    const b = new BrowserWindow()
    const gone = new BrowserWindow()
    gone.destroyed = true
    const uninstall = installSessionLock()
    powerMonitor.emit('lock-screen')
    powerMonitor.emit('suspend')
    powerMonitor.emit('resume')
    for (const w of [a, b]) expect(w.webContents.sent).toEqual([
      { channel: 'session:lock', args: ['lock-screen'] },
      { channel: 'session:lock', args: ['suspend'] }
    ])
    expect(gone.webContents.sent).toEqual([])
    uninstall()
    powerMonitor.emit('lock-screen')
    expect(a.webContents.sent).toHaveLength(2)
  })
})
