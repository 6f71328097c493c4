// The preload runs on import: it exposes window.huibao through contextBridge.
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import type { HuibaoBridge, MenuCommand } from '@contract/ipc'
import { contextBridge, ipcRenderer, resetElectronMock } from '../mocks/electron'

// Exactly the HuibaoBridge members, checked by the compiler both ways.
const CONTRACT = {
  saveFile: true,
  openFile: true,
  getAppInfo: true,
  onMenuCommand: true,
  getAutoBackupStatus: true,
  writeAutoBackup: true,
  openBackupFile: true,
  writeRecoveryCopy: true,
  listRecoveryCopies: true,
  readRecoveryCopy: true,
  printToPdf: true,
  printReady: true,
  readAuditAnchor: true,
  writeAuditAnchor: true,
  onSessionLock: true,
  onWindowClosing: true
} satisfies Record<keyof HuibaoBridge, true>

let bridge: HuibaoBridge

beforeAll(async () => {
  resetElectronMock()
  await import('../../src-main/preload/index')
  bridge = contextBridge.exposed.get('huibao') as HuibaoBridge
})
beforeEach(() => {
  ipcRenderer.invocations.length = 0
  ipcRenderer.responses.clear()
})

describe('preload bridge', () => {
  it('exposes only window.huibao, with exactly the contract functions', () => {
    expect([...contextBridge.exposed.keys()]).toEqual(['huibao'])
    expect(Object.keys(bridge).sort()).toEqual(Object.keys(CONTRACT).sort())
    for (const [name, value] of Object.entries(bridge)) expect(typeof value, name).toBe('function')
  })

  it('never hands out ipcRenderer or anything like a generic invoke/send', () => {
    const values = Object.values(bridge)
    expect(values).not.toContain(ipcRenderer)
    expect(values).not.toContain(ipcRenderer.invoke)
    expect(values).not.toContain(ipcRenderer.send)
    expect(Object.keys(bridge).filter((k) => /^(invoke|send|on|ipc)/i.test(k) && !['onMenuCommand', 'onSessionLock', 'onWindowClosing'].includes(k))).toEqual([])
  })

  it("saveFile invokes 'file:save' with the request and resolves the value", async () => {
    ipcRenderer.responses.set('file:save', { ok: true, value: { status: 'saved', path: '/d/a.docx' } })
    const request = { suggestedName: 'a.docx', data: new Uint8Array([1, 2]), filters: [{ name: 'Word', extensions: ['docx'] }] }
    await expect(bridge.saveFile(request)).resolves.toEqual({ status: 'saved', path: '/d/a.docx' })
    expect(ipcRenderer.invocations).toEqual([{ channel: 'file:save', args: [request] }])
  })

  it("getAppInfo invokes 'app:info'", async () => {
    const info = { version: '0.1.0', dataPath: '/p', platform: 'linux' }
    ipcRenderer.responses.set('app:info', { ok: true, value: info })
    await expect(bridge.getAppInfo()).resolves.toEqual(info)
    expect(ipcRenderer.invocations.map((i) => i.channel)).toEqual(['app:info'])
  })

  it('turns an IpcResult error into a thrown Error with the Chinese message', async () => {
    ipcRenderer.responses.set('file:save', { ok: false, error: { code: 'failed', message: '无法保存文件：磁盘空间不足。' } })
    await expect(bridge.saveFile({ suggestedName: 'a', data: new Uint8Array(), filters: [] })).rejects.toThrow(
      '无法保存文件：磁盘空间不足。'
    )
  })

  it("relays 'menu:command' events until unsubscribed", () => {
    const received: MenuCommand[] = []
    const off = bridge.onMenuCommand((command) => received.push(command))
    ipcRenderer.emitFromMain('menu:command', 'save-version')
    off()
    ipcRenderer.emitFromMain('menu:command', 'find')
    expect(received).toEqual(['save-version'])
    expect(ipcRenderer.listenerCount('menu:command')).toBe(0)
  })

  it("relays 'session:lock' (screen lock, suspend) until unsubscribed", () => {
    const received: string[] = []
    const off = bridge.onSessionLock((reason) => received.push(reason))
    ipcRenderer.emitFromMain('session:lock', 'lock-screen')
    ipcRenderer.emitFromMain('session:lock', 'suspend')
    off()
    ipcRenderer.emitFromMain('session:lock', 'lock-screen')
    expect(received).toEqual(['lock-screen', 'suspend'])
    expect(ipcRenderer.listenerCount('session:lock')).toBe(0)
  })

  it("answers 'window:closing' with 'window:close-ready' once the page's handler has settled", async () => {
    ipcRenderer.responses.set('window:close-ready', { ok: true, value: undefined })
    let finish: () => void = () => {}
    const off = bridge.onWindowClosing(() => new Promise<void>((resolve) => (finish = resolve)))
    ipcRenderer.emitFromMain('window:closing')
    await new Promise((r) => setTimeout(r, 10))
    // The last save is still running: the window must not close yet.
    expect(ipcRenderer.invocations).toEqual([])
    finish()
    await vi.waitFor(() => expect(ipcRenderer.invocations).toEqual([{ channel: 'window:close-ready', args: [undefined] }]))
    off()
  })

  it("answers 'window:closing' even when the handler fails, and at once when the page set none", async () => {
    ipcRenderer.responses.set('window:close-ready', { ok: true, value: undefined })
    const off = bridge.onWindowClosing(async () => {
      throw new Error('保存失败')
    })
    ipcRenderer.emitFromMain('window:closing')
    await vi.waitFor(() => expect(ipcRenderer.invocations).toHaveLength(1))
    off()
    ipcRenderer.emitFromMain('window:closing')
    await vi.waitFor(() => expect(ipcRenderer.invocations.map((i) => i.channel)).toEqual(['window:close-ready', 'window:close-ready']))
  })

  it("reads and writes the audit anchor through 'anchor:read' / 'anchor:write'", async () => {
    ipcRenderer.responses.set('anchor:read', { ok: true, value: '{"format":"huibao-audit-anchor"}' })
    ipcRenderer.responses.set('anchor:write', { ok: true, value: undefined })
    await expect(bridge.readAuditAnchor()).resolves.toBe('{"format":"huibao-audit-anchor"}')
    await bridge.writeAuditAnchor('{"x":1}')
    expect(ipcRenderer.invocations).toEqual([
      { channel: 'anchor:read', args: [undefined] },
      { channel: 'anchor:write', args: [{ json: '{"x":1}' }] }
    ])
  })
})
