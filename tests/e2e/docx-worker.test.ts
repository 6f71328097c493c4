// 导出Word builds the file in a Web Worker: the worker's script is fetched and started, a
// progress bar shows while it works and goes when the file is built, the buttons are disabled
// meanwhile (a double click exports once), and the download is a valid DOCX with the text.
// Inside the worker the test holds the finished file back until the bar has been seen: no timing.
import { readFileSync } from 'node:fs'
import JSZip from 'jszip'
import { XMLParser, XMLValidator } from 'fast-xml-parser'
import { describe, expect, it } from 'vitest'
import type { Download, Page, Worker } from 'playwright-core'
import { useApp } from './app'
import { createReportFromHome, typeInSection } from './editor-helpers'

let page: Page
const app = useApp(async (a) => {
  page = a.page
  await a.goHome()
})

describe('导出Word off the main thread', () => {
  it('builds the file in the report worker with a progress bar, once per click, and downloads a valid DOCX', async () => {
    await createReportFromHome(page, '丁镇人民政府', '2024', { addressee: '戊县人民政府' })
    const sentence = '全年组织执法人员集中培训四期，考试合格率全部达标。'
    await typeInSection(page, /^（一）/, sentence)

    const workers: Worker[] = []
    page.on('worker', (w) => workers.push(w))
    const downloads: Download[] = []
    page.on('download', (d) => downloads.push(d))

    const exportWord = page.getByRole('button', { name: '导出Word' })
    await exportWord.dblclick()
    // The click starts the report worker; it checks (公文校对) and builds.
    await expect.poll(() => workers.filter((w) => /report-build\.worker-[^/]*\.js$/.test(w.url())).length).toBe(1)
    const worker = workers.find((w) => /report-build\.worker-/.test(w.url()))!
    // Inside the worker: hold the finished file until the test has seen the bar (no timing).
    await worker.evaluate(() => {
      const scope = self as unknown as { postMessage(m: { type?: string }, t?: Transferable[]): void; __release?: () => void }
      const post = scope.postMessage.bind(scope)
      const held: Array<[{ type?: string }, Transferable[] | undefined]> = []
      let open = false
      scope.postMessage = (m, t) => (m.type === 'done' && !open ? held.push([m, t]) : post(m, t))
      scope.__release = () => {
        open = true
        for (const [m, t] of held) post(m, t)
      }
    })
    // Empty 必写 sections are 必须修改 items: the app asks once; the clerk exports anyway.
    const check = page.getByRole('dialog', { name: '导出前检查' })
    await check.waitFor()
    expect(await exportWord.isDisabled()).toBe(true)
    await check.getByRole('button', { name: '仍然导出' }).click()

    const bar = page.getByRole('progressbar', { name: '正在生成Word文件…' })
    await bar.waitFor()
    expect(await page.getByRole('status').filter({ hasText: '正在生成Word文件…' }).count()).toBe(1)
    expect(await exportWord.isDisabled()).toBe(true)
    expect(await page.getByRole('button', { name: '导出PDF' }).isDisabled()).toBe(true)
    // Every step of the build has reported, but the file has not arrived: the bar stays.
    await expect.poll(async () => Number(await bar.getAttribute('aria-valuenow'))).toBe(95)
    expect(downloads).toHaveLength(0)
    await worker.evaluate(() => (self as unknown as { __release(): void }).__release())

    await expect.poll(() => downloads.length, { timeout: 60_000 }).toBe(1)
    await bar.waitFor({ state: 'detached' })
    await expect.poll(() => exportWord.isEnabled()).toBe(true)
    // One export for the double click: one question (the answered one goes once its fade-out
    // ends; a second question would stay open and fail this wait), one worker, one file.
    await check.waitFor({ state: 'detached' })
    expect(workers.filter((w) => /report-build\.worker-/.test(w.url()))).toHaveLength(1)

    const download = downloads[0]
    expect(download.suggestedFilename()).toBe('丁镇人民政府关于2024年法治政府建设情况的报告.docx')
    const zip = await JSZip.loadAsync(readFileSync((await download.path())!))
    for (const part of ['[Content_Types].xml', '_rels/.rels', 'word/document.xml', 'word/styles.xml', 'word/fontTable.xml']) {
      const xml = await zip.file(part)?.async('string')
      expect(xml, part).toBeTruthy()
      expect(XMLValidator.validate(xml!), part).toBe(true)
    }
    const document = await zip.file('word/document.xml')!.async('string')
    expect(new XMLParser().parse(document)['w:document']['w:body']).toBeTruthy()
    const text = document.replace(/<[^>]+>/g, '')
    expect(text).toContain('丁镇人民政府关于2024年法治政府建设情况的报告')
    expect(text).toContain('戊县人民政府：')
    expect(text).toContain(sentence)
  })

  it('stops with a Chinese message and saves nothing when the worker cannot run', async () => {
    // A fresh page, so the window starts a new worker, whose script is broken.
    await app.session.context.route(/report-build\.worker-[^/]*\.js$/, (route) => route.fulfill({ status: 200, contentType: 'text/javascript', body: 'throw new Error("损坏的脚本")' }))
    await page.reload()
    await page.getByRole('textbox', { name: '报告正文' }).waitFor()
    const downloads: Download[] = []
    page.on('download', (d) => downloads.push(d))
    await page.getByRole('button', { name: '导出Word' }).click()
    // The check before the export already needs the worker: it says what failed.
    await page.getByText(/^检查失败：.+。请稍后重试。$/).waitFor()
    await expect.poll(() => page.getByRole('button', { name: '导出Word' }).isEnabled()).toBe(true)
    expect(await page.getByRole('progressbar', { name: '正在生成Word文件…' }).count()).toBe(0)
    expect(downloads).toHaveLength(0)
    await app.session.context.unroute(/report-build\.worker-[^/]*\.js$/)
  })

  it('left no uncaught error in the page', () => {
    // The broken worker script's error is the worker's, reported to the window as a message.
    expect(app.pageErrors).toEqual([])
  })
})
