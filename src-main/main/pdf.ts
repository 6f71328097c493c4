// 'pdf:print' and 'pdf:ready': the PDF is the print view of the report, printed by Chromium in
// a hidden window made by the one window factory. Main loads the print route, waits until the
// page says its sheets are laid out, prints with A4 and the CSS page size, then offers the save
// dialog and writes atomically (files.ts). The window is always closed.
import { BrowserWindow, type PrintToPDFOptions, type WebContents } from 'electron'
import { createHash } from 'node:crypto'
import { z } from 'zod'
import type { PrintToPdfResult } from '@contract/ipc'
import { saveFile } from './files'
import { handle, UserFacingError } from './ipc'
import { setPdfProperties } from './pdf-meta'
import { createPrintWindow } from './window'

/** Same options as the e2e test's page.pdf: A4, CSS @page honoured, no header/footer, no margins. */
export const PDF_OPTIONS: PrintToPDFOptions = {
  pageSize: 'A4',
  preferCSSPageSize: true,
  printBackground: true,
  displayHeaderFooter: false,
  landscape: false,
  margins: { top: 0, bottom: 0, left: 0, right: 0 },
  generateDocumentOutline: false
}

/** A 60-page report lays out in a few seconds; a minute means something is wrong. */
export const READY_TIMEOUT_MS = 60_000

export const MESSAGES = {
  timeout: '生成 PDF 超时：排版页面没有在一分钟内完成。请关闭其他程序后重试。',
  loadFailed: '生成 PDF 失败：无法打开打印页面。请重试。',
  printFailed: '生成 PDF 失败：打印引擎出错。请重试；如果一直出现，请先导出 Word 再另存为 PDF。'
} as const

export const printToPdfSchema = z.strictObject({
  reportId: z.string().regex(/^[A-Za-z0-9_-]{1,128}$/),
  suggestedName: z.string().trim().min(1).max(255),
  title: z.string().max(500),
  author: z.string().max(500)
})

export const printReadySchema = z.strictObject({ pages: z.number().int().min(1).max(10_000) })

/** Print windows waiting for their 'pdf:ready', by webContents id. */
const waiting = new Map<number, (pages: number) => void>()

function waitForReady(contents: WebContents, timeoutMs: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      waiting.delete(contents.id)
      reject(new UserFacingError(MESSAGES.timeout))
    }, timeoutMs)
    waiting.set(contents.id, (pages) => {
      clearTimeout(timer)
      waiting.delete(contents.id)
      resolve(pages)
    })
  })
}

/** The print route of a report under the renderer's entry URL (app://huibao/index.html or the dev server). */
export function printUrl(entryUrl: string, reportId: string): string {
  const base = entryUrl.split('#')[0]
  return `${base}#/reports/${encodeURIComponent(reportId)}/print`
}

export interface PdfHandlerOptions {
  preloadPath: string
  entryUrl: string
  timeoutMs?: number
}

export async function printReportToPdf(
  request: z.infer<typeof printToPdfSchema>,
  parent: BrowserWindow | null,
  options: PdfHandlerOptions
): Promise<PrintToPdfResult> {
  const window = createPrintWindow(options.preloadPath)
  try {
    const ready = waitForReady(window.webContents, options.timeoutMs ?? READY_TIMEOUT_MS)
    try {
      await window.loadURL(printUrl(options.entryUrl, request.reportId))
    } catch {
      waiting.delete(window.webContents.id)
      throw new UserFacingError(MESSAGES.loadFailed)
    }
    await ready
    let pdf: Uint8Array
    try {
      pdf = new Uint8Array(await window.webContents.printToPDF(PDF_OPTIONS))
    } catch (error) {
      console.error('[pdf] printToPDF failed:', error)
      throw new UserFacingError(MESSAGES.printFailed)
    }
    try {
      pdf = setPdfProperties(pdf, { title: request.title, author: request.author })
    } catch (error) {
      // The PDF is still good without an author; keep Chromium's bytes.
      console.warn('[pdf] document properties not written:', error)
    }
    // The hidden window is done before the (modal) save dialog opens.
    window.close()
    const saved = await saveFile({ suggestedName: request.suggestedName, data: pdf, filters: [{ name: 'PDF 文件', extensions: ['pdf'] }] }, parent)
    // The renderer records the hash of exactly these bytes when the report is approved.
    return saved.status === 'saved' ? { ...saved, sha256: createHash('sha256').update(pdf).digest('hex') } : saved
  } finally {
    waiting.delete(window.webContents.id)
    if (!window.isDestroyed()) window.close()
  }
}

export function registerPdfHandlers(options: PdfHandlerOptions): void {
  handle('pdf:ready', printReadySchema, (request, event) => {
    waiting.get(event.sender.id)?.(request.pages)
  })
  handle('pdf:print', printToPdfSchema, (request, event) =>
    printReportToPdf(request, BrowserWindow.fromWebContents(event.sender), options)
  )
}
