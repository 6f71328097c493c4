// 'pdf:print' in main: a hidden window from the one factory loads the print route, main waits
// for the page's 'pdf:ready', prints with A4 / CSS page size / no header and footer, writes the
// title and author into the PDF, offers the save dialog, writes atomically, and closes the window.
import { createHash } from 'node:crypto'
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { MESSAGES, PDF_OPTIONS, printUrl, registerPdfHandlers } from '../../src-main/main/pdf'
import { printRouteOf } from '../../src-renderer/src/print/route'
import { pdfTextString, setPdfProperties } from '../../src-main/main/pdf-meta'
import { app, BrowserWindow, dialog, ipcMain, mainFrame, resetElectronMock } from '../mocks/electron'

/** A small valid PDF with a classic xref table and an Info dictionary, as Chromium's Skia writes them. */
function minimalPdf(): Uint8Array {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595.28 841.89] >>',
    '<< /Title (old) /Producer (Skia/PDF) >>'
  ]
  let out = '%PDF-1.4\n'
  const offsets: number[] = []
  objects.forEach((body, i) => {
    offsets.push(out.length)
    out += `${i + 1} 0 obj\n${body}\nendobj\n`
  })
  const xref = out.length
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`
  for (const o of offsets) out += `${String(o).padStart(10, '0')} 00000 n \n`
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Info 4 0 R >>\nstartxref\n${xref}\n%%EOF`
  return new TextEncoder().encode(out)
}

const TITLE = '梁洼镇人民政府关于2024年法治政府建设情况的报告'
const REQUEST = { reportId: 'r-1', suggestedName: `${TITLE}.pdf`, title: TITLE, author: '梁洼镇人民政府' }
const ENTRY = 'app://huibao/index.html'
let dir: string

interface PrintWindowScript {
  ready: boolean
  printed: unknown[]
}

/** Makes every new window behave like the print view: it says it is ready once loaded. */
function scriptPrintWindows(script: PrintWindowScript): void {
  app.on('browser-window-created', (_event: unknown, window: BrowserWindow) => {
    const contents = window.webContents as typeof window.webContents & { printToPDF?: (o: unknown) => Promise<Buffer> }
    contents.printToPDF = async (options: unknown) => {
      script.printed.push(options)
      return Buffer.from(minimalPdf())
    }
    const load = contents.loadURL.bind(contents)
    contents.loadURL = async (url: string) => {
      await load(url)
      if (script.ready) setImmediate(() => void ipcMain.invoke('pdf:ready', { frame: mainFrame(url), webContents: contents }, { pages: 7 }))
    }
  })
}

beforeEach(() => {
  resetElectronMock()
  dir = mkdtempSync(join(tmpdir(), 'huibao-pdf-'))
  app.setPath('documents', join(dir, 'Documents'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

describe("'pdf:print' handler", () => {
  it('prints the print route in a hidden, locked-down window and saves the PDF where the clerk chose', async () => {
    const script: PrintWindowScript = { ready: true, printed: [] }
    scriptPrintWindows(script)
    registerPdfHandlers({ preloadPath: '/app/preload/index.js', entryUrl: ENTRY })
    const chosen = join(dir, 'chosen.pdf')
    dialog.showSaveDialog.mockImplementation(async () => ({ canceled: false, filePath: chosen }))
    const main = new BrowserWindow({})
    const result = await ipcMain.invoke('pdf:print', { frame: mainFrame(ENTRY), webContents: main.webContents }, REQUEST)

    expect(result).toEqual({ ok: true, value: { status: 'saved', path: chosen, sha256: createHash('sha256').update(readFileSync(chosen)).digest('hex') } })
    const printWindow = BrowserWindow.created[1]
    expect(printWindow.visible).toBe(false)
    expect(printWindow.options.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false, preload: '/app/preload/index.js' })
    expect(printWindow.webContents.loadedUrls).toEqual([`${ENTRY}#/reports/r-1/print`])
    expect(script.printed).toEqual([PDF_OPTIONS])
    expect(PDF_OPTIONS).toMatchObject({ pageSize: 'A4', preferCSSPageSize: true, printBackground: true, displayHeaderFooter: false })
    expect(printWindow.destroyed).toBe(true)

    const [parent, options] = dialog.showSaveDialog.mock.calls[0] as [unknown, Record<string, unknown>]
    expect(parent).toBe(main)
    expect(options.defaultPath).toBe(join(dir, 'Documents', `${TITLE}.pdf`))
    expect(options.filters).toEqual([{ name: 'PDF 文件', extensions: ['pdf'] }])
    const saved = readFileSync(chosen, 'latin1')
    expect(saved.startsWith('%PDF-1.4')).toBe(true)
    expect(saved).toContain(`/Author ${pdfTextString('梁洼镇人民政府')}`)
    expect(saved).toContain(`/Title ${pdfTextString(TITLE)}`)
  })

  it('answers canceled and writes nothing when the dialog is dismissed; the window is closed', async () => {
    scriptPrintWindows({ ready: true, printed: [] })
    registerPdfHandlers({ preloadPath: '/p.js', entryUrl: ENTRY })
    const result = await ipcMain.invoke('pdf:print', { frame: mainFrame(ENTRY) }, REQUEST)
    expect(result).toEqual({ ok: true, value: { status: 'canceled' } })
    expect(BrowserWindow.getAllWindows()).toEqual([])
    expect(readdirSync(dir)).toEqual([])
  })

  it('gives up with a Chinese message when the page never says it is laid out, and closes the window', async () => {
    const script: PrintWindowScript = { ready: false, printed: [] }
    scriptPrintWindows(script)
    registerPdfHandlers({ preloadPath: '/p.js', entryUrl: ENTRY, timeoutMs: 30 })
    const result = await ipcMain.invoke('pdf:print', { frame: mainFrame(ENTRY) }, REQUEST)
    expect(result).toEqual({ ok: false, error: { code: 'failed', message: MESSAGES.timeout } })
    expect(script.printed).toEqual([])
    expect(dialog.showSaveDialog).not.toHaveBeenCalled()
    expect(BrowserWindow.getAllWindows()).toEqual([])
  })

  it('refuses a report id that is not a plain id, before any window opens', async () => {
    registerPdfHandlers({ preloadPath: '/p.js', entryUrl: ENTRY })
    const result = await ipcMain.invoke('pdf:print', { frame: mainFrame(ENTRY) }, { ...REQUEST, reportId: '../../etc' })
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-payload' } })
    expect(BrowserWindow.created).toEqual([])
  })

  it('refuses requests from pages that are not the app', async () => {
    registerPdfHandlers({ preloadPath: '/p.js', entryUrl: ENTRY })
    const result = await ipcMain.invoke('pdf:print', { frame: mainFrame('https://example.com/') }, REQUEST)
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } })
    expect(BrowserWindow.created).toEqual([])
  })

  it("ignores a 'pdf:ready' from a window nobody waits for", async () => {
    registerPdfHandlers({ preloadPath: '/p.js', entryUrl: ENTRY })
    expect(await ipcMain.invoke('pdf:ready', { frame: mainFrame(ENTRY) }, { pages: 3 })).toEqual({ ok: true, value: undefined })
  })
})

describe('printUrl', () => {
  it('puts the print route under the entry, encoding the id', () => {
    expect(printUrl('app://huibao/index.html', 'abc')).toBe('app://huibao/index.html#/reports/abc/print')
    expect(printUrl('http://localhost:5173/#/reports/x', 'a b')).toBe('http://localhost:5173/#/reports/a%20b/print')
  })

  it('is what starts the print app in the renderer (main.ts), not the full app', () => {
    expect(printRouteOf(new URL(printUrl('app://huibao/index.html', 'a b')).hash)).toEqual({ id: 'a b', print: false, measure: 'fast' })
    // The browser's 导出PDF window and the tests' reference measuring.
    expect(printRouteOf('#/reports/r-1/print?print=1')).toEqual({ id: 'r-1', print: true, measure: 'fast' })
    expect(printRouteOf('#/reports/r-1/print?measure=careful')).toEqual({ id: 'r-1', print: false, measure: 'careful' })
    for (const other of ['', '#/', '#/reports/r-1', '#/reports/r-1/pages', '#/reports/r-1/printer', '#/reports//print', '#/reports/%E0%A4/print']) {
      expect(printRouteOf(other), other).toBeNull()
    }
  })
})

describe('setPdfProperties', () => {
  it('appends an update whose Info carries the title and author, keeping every original byte', () => {
    const before = minimalPdf()
    const after = setPdfProperties(before, { title: TITLE, author: '梁洼镇人民政府' })
    expect(after.subarray(0, before.length)).toEqual(before)
    const tail = new TextDecoder('latin1').decode(after.subarray(before.length))
    expect(tail).toMatch(/\/Prev \d+/)
    expect(tail).toContain('/Root 1 0 R')
  })

  // poppler-utils is a test dependency (the conformance and PDF e2e tests use it too).
  it('is read back by poppler (pdfinfo) with the Chinese title and author', () => {
    const file = join(dir, 'meta.pdf')
    writeFileSync(file, setPdfProperties(minimalPdf(), { title: TITLE, author: '梁洼镇人民政府' }))
    const info = spawnSync('pdfinfo', [file], { encoding: 'utf8' })
    expect(info.status).toBe(0)
    expect(info.stdout).toMatch(new RegExp(`^Title:\\s+${TITLE}$`, 'm'))
    expect(info.stdout).toMatch(/^Author:\s+梁洼镇人民政府$/m)
    expect(info.stdout).toMatch(/^Pages:\s+1$/m)
  })

  it('refuses a file without a classic trailer', () => {
    expect(() => setPdfProperties(new TextEncoder().encode('%PDF-1.7\nnot really'), { title: 'a', author: 'b' })).toThrow()
  })
})
