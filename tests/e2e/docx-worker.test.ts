// 导出Word builds the file in a Web Worker: the worker's script is fetched and started, a
// progress bar shows while it works and goes when the file is built, the buttons are disabled
// meanwhile (a double click exports once), and the download is a valid DOCX with the text.
// The worker's script is held back by the test until the bar has been seen: no timing involved.
import { readFileSync } from 'node:fs'
import JSZip from 'jszip'
import { XMLParser, XMLValidator } from 'fast-xml-parser'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Download, Page, Route } from 'playwright-core'
import { launchBrowser, serveRenderer, type BrowserSession, type RendererServer } from './harness'
import { createReportFromHome, typeInSection } from './editor-helpers'

let server: RendererServer
let session: BrowserSession
let page: Page

beforeAll(async () => {
  server = await serveRenderer()
  session = await launchBrowser()
  page = session.page
  await page.goto(server.url)
})

afterAll(async () => {
  await session?.close()
  await server?.close()
})

describe('导出Word off the main thread', () => {
  it('builds the file in the export worker with a progress bar, once per click, and downloads a valid DOCX', async () => {
    await createReportFromHome(page, '丁镇人民政府', '2024', { addressee: '戊县人民政府' })
    const sentence = '全年组织执法人员集中培训四期，考试合格率全部达标。'
    await typeInSection(page, /^（一）/, sentence)

    // Hold the worker's script until the test has seen the bar.
    let release!: () => void
    const released = new Promise<void>((ok) => (release = ok))
    const workerRequests: string[] = []
    await session.context.route(/docx-export\.worker-[^/]*\.js$/, async (route: Route) => {
      workerRequests.push(route.request().url())
      await released
      await route.continue()
    })
    const workers: string[] = []
    page.on('worker', (w) => workers.push(w.url()))
    const downloads: Download[] = []
    page.on('download', (d) => downloads.push(d))

    const exportWord = page.getByRole('button', { name: '导出Word' })
    await exportWord.dblclick()
    // Empty 必写 sections are 必须修改 items: the app asks once; the clerk exports anyway.
    const check = page.getByRole('dialog', { name: '导出前检查' })
    await check.waitFor()
    expect(await exportWord.isDisabled()).toBe(true)
    await check.getByRole('button', { name: '仍然导出' }).click()

    const bar = page.getByRole('progressbar', { name: '正在生成Word文件…' })
    await bar.waitFor()
    expect(await page.getByRole('status').filter({ hasText: '正在生成Word文件…' }).count()).toBe(1)
    expect(Number(await bar.getAttribute('aria-valuenow'))).toBeLessThan(100)
    expect(await exportWord.isDisabled()).toBe(true)
    expect(await page.getByRole('button', { name: '导出PDF' }).isDisabled()).toBe(true)
    await expect.poll(() => workerRequests.length).toBe(1)
    release()

    await expect.poll(() => downloads.length, { timeout: 60_000 }).toBe(1)
    await bar.waitFor({ state: 'detached' })
    await expect.poll(() => exportWord.isEnabled()).toBe(true)
    // One export for the double click: one question, one worker, one file.
    expect(await check.count()).toBe(0)
    expect(workerRequests).toHaveLength(1)
    expect(workers.filter((u) => /docx-export\.worker-/.test(u))).toHaveLength(1)

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
    await session.context.unroute(/docx-export\.worker-[^/]*\.js$/)
  })

  it('says in Chinese that nothing was saved when the worker cannot run', async () => {
    await session.context.route(/docx-export\.worker-[^/]*\.js$/, (route) => route.fulfill({ status: 200, contentType: 'text/javascript', body: 'throw new Error("损坏的脚本")' }))
    const downloads: Download[] = []
    page.on('download', (d) => downloads.push(d))
    await page.getByRole('button', { name: '导出Word' }).click()
    const check = page.getByRole('dialog', { name: '导出前检查' })
    await check.waitFor()
    await check.getByRole('button', { name: '仍然导出' }).click()
    const message = page.getByText(/^导出失败：生成 Word 文档时出错（.+）。没有保存任何文件，请稍后重试。$/)
    await message.waitFor()
    await page.getByRole('progressbar', { name: '正在生成Word文件…' }).waitFor({ state: 'detached' })
    await expect.poll(() => page.getByRole('button', { name: '导出Word' }).isEnabled()).toBe(true)
    expect(downloads).toHaveLength(0)
    await session.context.unroute(/docx-export\.worker-[^/]*\.js$/)
  })
})
