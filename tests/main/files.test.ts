import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { writeFileAtomic } from '../../src-main/main/atomic-write'
import { registerFileHandlers, sanitizeFileName } from '../../src-main/main/files'
import { app, BrowserWindow, dialog, ipcMain, mainFrame, resetElectronMock } from '../mocks/electron'

let dir: string
const APP = { frame: mainFrame('app://huibao/index.html') }
const filters = [{ name: 'Word 文档', extensions: ['docx'] }]

beforeEach(() => {
  resetElectronMock()
  dir = mkdtempSync(join(tmpdir(), 'huibao-files-'))
  app.setPath('documents', join(dir, 'Documents'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

describe('writeFileAtomic', () => {
  it('writes the exact bytes and leaves no temp file', async () => {
    const target = join(dir, 'report.docx')
    const bytes = new Uint8Array([0x50, 0x4b, 3, 4, 0, 255])
    await writeFileAtomic(target, bytes)
    expect(new Uint8Array(readFileSync(target))).toEqual(bytes)
    expect(readdirSync(dir)).toEqual(['report.docx'])
  })

  it('replaces an existing file whole', async () => {
    const target = join(dir, 'report.docx')
    writeFileSync(target, 'old contents that are longer than the new ones')
    await writeFileAtomic(target, new TextEncoder().encode('new'))
    expect(readFileSync(target, 'utf8')).toBe('new')
    expect(readdirSync(dir)).toEqual(['report.docx'])
  })

  it('leaves the old file untouched and cleans up when the final rename fails', async () => {
    // A directory in the way makes the rename fail after the temp file was fully written.
    const target = join(dir, 'busy.docx')
    mkdirSync(target)
    writeFileSync(join(target, 'keep.txt'), 'keep')
    await expect(writeFileAtomic(target, new Uint8Array([1, 2, 3]))).rejects.toThrow()
    expect(readFileSync(join(target, 'keep.txt'), 'utf8')).toBe('keep')
    expect(readdirSync(dir)).toEqual(['busy.docx'])
  })
})

describe("'file:save' handler", () => {
  it('offers the suggested name in Documents with the filters, then writes atomically', async () => {
    registerFileHandlers(join(dir, 'profile'))
    const chosen = join(dir, 'chosen.docx')
    dialog.showSaveDialog.mockImplementation(async () => ({ canceled: false, filePath: chosen }))
    const window = new BrowserWindow({})
    const data = new TextEncoder().encode('docx bytes')
    const result = await ipcMain.invoke('file:save', { ...APP, webContents: window.webContents }, {
      suggestedName: '梁洼镇2024年报告.docx',
      data,
      filters
    })
    expect(result).toEqual({ ok: true, value: { status: 'saved', path: chosen } })
    expect(readFileSync(chosen, 'utf8')).toBe('docx bytes')
    const [parent, options] = dialog.showSaveDialog.mock.calls[0] as [unknown, Record<string, unknown>]
    expect(parent).toBe(window)
    expect(options.defaultPath).toBe(join(dir, 'Documents', '梁洼镇2024年报告.docx'))
    expect(options.filters).toEqual(filters)
    expect(readdirSync(dir).filter((name) => name.endsWith('.tmp'))).toEqual([])
  })

  it('answers canceled and writes nothing when the dialog is dismissed', async () => {
    registerFileHandlers(join(dir, 'profile'))
    const before = readdirSync(dir)
    const result = await ipcMain.invoke('file:save', APP, { suggestedName: 'a.docx', data: new Uint8Array([1]), filters })
    expect(result).toEqual({ ok: true, value: { status: 'canceled' } })
    expect(readdirSync(dir)).toEqual(before)
  })

  it('explains a failed write in Chinese and leaves the existing file as it was', async () => {
    registerFileHandlers(join(dir, 'profile'))
    dialog.showSaveDialog.mockImplementation(async () => ({ canceled: false, filePath: join(dir, 'no-such-folder', 'a.docx') }))
    const result = await ipcMain.invoke('file:save', APP, { suggestedName: 'a.docx', data: new Uint8Array([1]), filters })
    expect(result).toMatchObject({ ok: false, error: { code: 'failed' } })
    expect((result as { error: { message: string } }).error.message).toMatch(/^无法保存文件：.*文件夹/)
    expect(existsSync(join(dir, 'no-such-folder'))).toBe(false)
  })

  it('refuses a payload without bytes before any dialog opens', async () => {
    registerFileHandlers(join(dir, 'profile'))
    const result = await ipcMain.invoke('file:save', APP, { suggestedName: 'a.docx', data: 'not bytes', filters })
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-payload' } })
    expect(dialog.showSaveDialog).not.toHaveBeenCalled()
  })

  it('never lets the suggested name pick the folder', () => {
    expect(sanitizeFileName('../../etc/passwd')).toBe('passwd')
    expect(sanitizeFileName('C:\\Windows\\evil.docx')).toBe('evil.docx')
    expect(sanitizeFileName('报告<草稿>?.docx')).toBe('报告_草稿__.docx')
    expect(sanitizeFileName('...')).toBe('未命名')
  })
})

describe("'app:info' handler", () => {
  it('answers version, data path and platform', async () => {
    app.version = '1.2.3'
    registerFileHandlers(join(dir, 'profile'))
    expect(await ipcMain.invoke('app:info', APP, undefined)).toEqual({
      ok: true,
      value: { version: '1.2.3', dataPath: join(dir, 'profile'), platform: process.platform }
    })
  })
})

describe("'file:open' (导入Word)", () => {
  it('offers .docx in an open dialog and answers the chosen file with its name and bytes', async () => {
    registerFileHandlers(dir)
    const file = join(dir, '去年的报告.docx')
    writeFileSync(file, new Uint8Array([0x50, 0x4b, 3, 4, 9, 9]))
    dialog.showOpenDialog.mockImplementationOnce(async () => ({ canceled: false, filePaths: [file] }))
    const result = await ipcMain.invoke('file:open', APP, { purpose: 'import-word' })
    expect(result).toEqual({ ok: true, value: { status: 'opened', name: '去年的报告.docx', data: new Uint8Array([0x50, 0x4b, 3, 4, 9, 9]) } })
    const options = dialog.showOpenDialog.mock.calls[0].at(-1) as { filters: Array<{ extensions: string[] }>; properties: string[] }
    expect(options.filters[0].extensions).toEqual(['docx'])
    expect(options.properties).toEqual(['openFile'])
  })

  it('answers canceled, refuses other payloads and other senders', async () => {
    registerFileHandlers(dir)
    expect(await ipcMain.invoke('file:open', APP, { purpose: 'import-word' })).toEqual({ ok: true, value: { status: 'canceled' } })
    expect(await ipcMain.invoke('file:open', APP, { purpose: 'read-anything', path: '/etc/passwd' })).toMatchObject({ ok: false, error: { code: 'invalid-payload' } })
    expect(await ipcMain.invoke('file:open', { frame: mainFrame('https://evil.example/') }, { purpose: 'import-word' })).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } })
  })

  it('refuses a file above the size cap without reading it, with a Chinese reason', async () => {
    registerFileHandlers(dir)
    const file = join(dir, 'huge.docx')
    writeFileSync(file, '')
    const { truncateSync } = await import('node:fs')
    truncateSync(file, 101 * 1024 * 1024) // sparse: no real disk use
    dialog.showOpenDialog.mockImplementationOnce(async () => ({ canceled: false, filePaths: [file] }))
    const result = await ipcMain.invoke('file:open', APP, { purpose: 'import-word' })
    expect(result).toMatchObject({ ok: false, error: { code: 'failed' } })
    expect((result as { error: { message: string } }).error.message).toContain('文件过大')
  })
})
