import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { handle, MESSAGES, UserFacingError } from '../../src-main/main/ipc'
import { app, ipcMain, mainFrame, resetElectronMock, subFrame } from '../mocks/electron'

const echoSchema = z.strictObject({ suggestedName: z.string(), data: z.instanceof(Uint8Array), filters: z.array(z.never()) })

// Registers a 'file:save' handler that echoes what it got, so the tests see what reached it.
function registerEcho(fn?: () => never) {
  const calls: unknown[] = []
  handle('file:save', echoSchema, (request) => {
    calls.push(request)
    if (fn) fn()
    return { status: 'saved', path: `/x/${request.suggestedName}` }
  })
  return calls
}

const valid = { suggestedName: 'a.docx', data: new Uint8Array([1]), filters: [] }

describe('IPC wrapper', () => {
  beforeEach(() => resetElectronMock())
  afterEach(() => {
    delete process.env.ELECTRON_RENDERER_URL
  })

  it('answers the handler result for the app main frame', async () => {
    const calls = registerEcho()
    const result = await ipcMain.invoke('file:save', { frame: mainFrame('app://huibao/index.html') }, valid)
    expect(result).toEqual({ ok: true, value: { status: 'saved', path: '/x/a.docx' } })
    expect(calls).toEqual([valid])
  })

  it.each([
    ['a foreign origin', mainFrame('https://evil.example/index.html')],
    ['another app:// host', mainFrame('app://evil/index.html')],
    ['a file:// page', mainFrame('file:///home/user/evil.html')],
    ['a sub-frame of the app', subFrame('app://huibao/frame.html')],
    ['a foreign sub-frame', subFrame('https://evil.example/')],
    ['http://localhost in production', mainFrame('http://localhost:5173/')],
    ['a destroyed frame', null]
  ])('refuses %s without running the handler', async (_name, frame) => {
    const calls = registerEcho()
    const result = await ipcMain.invoke('file:save', { frame }, valid)
    expect(result).toEqual({ ok: false, error: { code: 'forbidden-sender', message: MESSAGES.forbiddenSender } })
    expect(calls).toEqual([])
  })

  it('trusts the dev server origin only in an unpackaged dev run', async () => {
    const calls = registerEcho()
    process.env.ELECTRON_RENDERER_URL = 'http://localhost:5173/'
    const dev = { frame: mainFrame('http://localhost:5173/#/editor') }
    expect(await ipcMain.invoke('file:save', dev, valid)).toMatchObject({ ok: true })
    // Another port is still foreign.
    expect(await ipcMain.invoke('file:save', { frame: mainFrame('http://localhost:5174/') }, valid)).toMatchObject({
      ok: false,
      error: { code: 'forbidden-sender' }
    })
    // A packaged app ignores the variable entirely.
    app.isPackaged = true
    expect(await ipcMain.invoke('file:save', dev, valid)).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } })
    expect(calls).toHaveLength(1)
  })

  it.each([
    ['nothing', undefined],
    ['a string', 'a.docx'],
    ['a missing field', { suggestedName: 'a.docx', filters: [] }],
    ['a wrong type', { suggestedName: 'a.docx', data: [1, 2, 3], filters: [] }],
    ['an extra field', { ...valid, path: '/etc/passwd' }]
  ])('answers invalid-payload for %s', async (_name, payload) => {
    const calls = registerEcho()
    const result = await ipcMain.invoke('file:save', { frame: mainFrame('app://huibao/') }, payload)
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-payload' } })
    expect((result as { error: { message: string } }).error.message).toContain(MESSAGES.invalidPayload)
    expect(calls).toEqual([])
  })

  it('turns a thrown UserFacingError into its Chinese message', async () => {
    registerEcho(() => {
      throw new UserFacingError('无法保存文件：磁盘空间不足。')
    })
    const result = await ipcMain.invoke('file:save', { frame: mainFrame('app://huibao/') }, valid)
    expect(result).toEqual({ ok: false, error: { code: 'failed', message: '无法保存文件：磁盘空间不足。' } })
  })

  it('hides internal error details behind a generic Chinese message', async () => {
    registerEcho(() => {
      throw new Error('ENOENT /secret/internal/path')
    })
    const original = console.error
    console.error = () => {}
    try {
      const result = await ipcMain.invoke('file:save', { frame: mainFrame('app://huibao/') }, valid)
      expect(result).toEqual({ ok: false, error: { code: 'failed', message: MESSAGES.failed } })
    } finally {
      console.error = original
    }
  })
})
