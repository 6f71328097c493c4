// The approval covers exactly what is exported. Last year's report (日常巡查 100) is linked to
// this year's (120, cited with a 同比 chip: 同比增长20%); after 审核通过 last year's figure is
// changed to 60 — the editor, the page view, the printed PDF and the Word file still say
// 同比增长20%, and 导出PDF is recorded like 导出Word (报送导出, PDF). A change that gets past the
// lock (written straight into IndexedDB) makes both exports refuse, naming what changed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import JSZip from 'jszip'
import type { Locator, Page } from 'playwright-core'
import { launchBrowser, serveRenderer, type BrowserSession, type RendererServer } from './harness'
import { createReportFromHome, fillRequiredSections, typeInSection } from './editor-helpers'

let server: RendererServer
let session: BrowserSession
let page: Page
let body: Locator
let lastYearId = ''
let reportId = ''
const work = mkdtempSync(join(tmpdir(), 'huibao-approval-e2e-'))
const PIN = '482915'

beforeAll(async () => {
  server = await serveRenderer()
  session = await launchBrowser()
  page = session.page
  await page.goto(server.url)
})

afterAll(async () => {
  await session?.close()
  await server?.close()
  rmSync(work, { recursive: true, force: true })
})

const idFromUrl = () => /#\/reports\/([^/?]+)/.exec(page.url())![1]
const patrols = () => page.getByRole('region', { name: '指标' }).getByRole('textbox', { name: '日常巡查次数' })
const statusText = () => page.getByRole('toolbar', { name: '审核' }).locator('.review-bar__status').textContent()
const saved = () => page.getByRole('status').filter({ hasText: /已保存|正在保存|保存失败/ }).first().textContent()

async function setPatrols(value: string): Promise<void> {
  await patrols().fill(value)
  await patrols().press('Enter')
  await expect.poll(() => page.getByRole('region', { name: '指标' }).getByRole('alert').count()).toBe(0)
}

async function openEditor(id: string): Promise<void> {
  // A fresh load: a hash change alone would keep the editor of the report already open.
  await page.goto('about:blank')
  await page.goto(`${server.url}#/reports/${id}`)
  body = page.getByRole('textbox', { name: '报告正文' })
  await body.waitFor()
}

/** Changes a stored row behind every guard, as tampering or a bug would. */
async function tamperFigure(id: string, metricId: string, value: number): Promise<void> {
  await page.evaluate(
    async ({ id, metricId, value }) => {
      const db = await new Promise<IDBDatabase>((ok, fail) => {
        const req = indexedDB.open('huibao')
        req.onsuccess = () => ok(req.result)
        req.onerror = () => fail(req.error)
      })
      await new Promise<void>((ok, fail) => {
        const tx = db.transaction('metricValues', 'readwrite')
        tx.objectStore('metricValues').put({ reportId: id, metricId, value, qualifier: '', updatedAt: Date.now() })
        tx.oncomplete = () => ok()
        tx.onerror = () => fail(tx.error)
      })
      db.close()
    },
    { id, metricId, value }
  )
}

async function auditEntries(): Promise<string[]> {
  await page.getByRole('toolbar', { name: '审核' }).getByRole('button', { name: '版本与比较' }).click()
  const audit = page.getByRole('region', { name: '审核记录' })
  await expect.poll(() => audit.getByRole('listitem').count()).toBeGreaterThan(0)
  const entries = await audit.getByRole('listitem').allTextContents()
  await page.getByRole('button', { name: '返回编辑' }).click()
  await body.waitFor()
  return entries
}

describe('the approval covers exactly what is exported', () => {
  it('last year 100, this year 120 linked and cited as 同比增长20%; submitted and approved', async () => {
    await createReportFromHome(page, '丁镇人民政府', '2023')
    lastYearId = idFromUrl()
    await setPatrols('100')
    await expect.poll(saved).toContain('已保存')
    await page.getByRole('button', { name: '返回列表' }).click()

    await page.getByRole('button', { name: '新建报告' }).click()
    const dialog = page.getByRole('dialog', { name: '新建报告' })
    await dialog.getByRole('textbox', { name: '发文机关', exact: true }).fill('丁镇人民政府')
    await dialog.getByRole('textbox', { name: '年度' }).fill('2024')
    await dialog.getByRole('textbox', { name: '主送机关' }).fill('乙县人民政府')
    const previous = dialog.getByRole('group', { name: '去年的报告' }).last()
    await previous.waitFor()
    const link = previous.getByRole('checkbox', { name: /关联去年报告/ })
    if (!(await link.isChecked())) await link.check()
    await dialog.getByRole('button', { name: '创建' }).click()
    body = page.getByRole('textbox', { name: '报告正文' })
    await body.waitFor()
    reportId = idFromUrl()

    // A complete report: 送审 checks it first.
    await fillRequiredSections(page)
    await setPatrols('120')
    await typeInSection(page, /^（一）/, '日常巡查')
    await page.getByRole('button', { name: '插入日常巡查次数同比' }).click()
    await expect.poll(() => body.locator('.metric-chip').allTextContents()).toEqual(['同比增长20%'])
    await expect.poll(saved).toContain('已保存')

    const review = page.getByRole('toolbar', { name: '审核' })
    await review.getByRole('button', { name: '送审', exact: true }).click()
    const setup = page.getByRole('dialog', { name: '审核设置' })
    await setup.getByRole('textbox', { name: '起草人姓名' }).fill('王小明')
    await setup.getByRole('textbox', { name: '审核人姓名' }).fill('李主任')
    await setup.getByRole('textbox', { name: '审核人PIN' }).fill(PIN)
    await setup.getByRole('textbox', { name: '再次输入PIN' }).fill(PIN)
    await setup.getByRole('button', { name: '保存' }).click()
    // 送审 runs the 公文校对 check first: give it time on a loaded machine.
    await expect.poll(statusText, { timeout: 20_000 }).toContain('送审')
    await page.getByRole('button', { name: '切换到审核人' }).click()
    const pin = page.getByRole('dialog', { name: '切换到审核人' })
    await pin.getByRole('textbox', { name: '审核人PIN' }).fill(PIN)
    await pin.getByRole('button', { name: '确定' }).click()
    await review.getByRole('button', { name: '审核通过' }).click()
    const approve = page.getByRole('dialog', { name: '审核通过' })
    await approve.getByRole('button', { name: '审核通过', exact: true }).click()
    await expect.poll(statusText).toContain('审核通过')
    await page.getByRole('button', { name: '切换到起草人' }).click()
  })

  it('last year’s figure changes afterwards: editor, page view and the printed PDF still say 同比增长20%; the PDF export is recorded', async () => {
    await openEditor(lastYearId)
    await setPatrols('60')
    await expect.poll(saved).toContain('已保存')

    await openEditor(reportId)
    await expect.poll(() => body.locator('.metric-chip').allTextContents()).toEqual(['同比增长20%'])

    await page.getByRole('button', { name: '页面视图' }).click()
    await page.getByText(/^共 \d+ 页$/).waitFor()
    const sheets = page.locator('.hb-pages')
    expect(await sheets.textContent()).toContain('同比增长20%')
    expect(await sheets.textContent()).not.toContain('同比增长100%')

    await page.getByRole('button', { name: '导出PDF' }).click()
    const fonts = page.getByRole('dialog', { name: '导出前字体检查' })
    const popup = session.context.waitForEvent('page')
    await fonts.getByRole('button', { name: '继续导出' }).click()
    const print = await popup
    expect(print.url()).toContain(`#/reports/${reportId}/print?print=1`)
    await print.locator('html.hb-print-ready').waitFor({ state: 'attached' })
    const printed = (await print.getByRole('main', { name: '打印视图' }).textContent()) ?? ''
    expect(printed).toContain('同比增长20%')
    expect(printed).not.toContain('同比增长100%')
    await print.close()
    await expect.poll(() => page.getByRole('status').filter({ hasText: '另存为 PDF' }).count()).toBe(1)

    await page.getByRole('button', { name: '返回编辑' }).click()
    await body.waitFor()
    await expect.poll(statusText).toContain('已报送')
    const entries = await auditEntries()
    expect(entries.at(-1)).toContain('报送导出')
    expect(entries.at(-1)).toContain('PDF文件')
    expect(entries.at(-1)).toContain('由浏览器打印对话框保存')
  })

  it('导出Word afterwards: the same 同比增长20%, recorded with the file’s SHA-256', async () => {
    const [dl] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出Word' }).click()])
    const path = join(work, 'approved.docx')
    await dl.saveAs(path)
    const xml = await (await JSZip.loadAsync(readFileSync(path))).file('word/document.xml')!.async('string')
    expect(xml).toContain('同比增长20%')
    expect(xml).not.toContain('同比增长100%')
    const { createHash } = await import('node:crypto')
    const sha = createHash('sha256').update(readFileSync(path)).digest('hex')
    const entries = await auditEntries()
    expect(entries.at(-1)).toContain('Word文件')
    expect(entries.at(-1)).toContain(sha.slice(0, 16))
  })

  it('a figure changed behind the lock: 导出PDF and 导出Word refuse, listing what changed; nothing is recorded', async () => {
    const before = await auditEntries()
    await tamperFigure(reportId, 'enforcement.patrols', 999)
    await openEditor(reportId)
    let opened = false
    const onPage = () => (opened = true)
    session.context.on('page', onPage)
    await page.getByRole('button', { name: '导出PDF' }).click()
    await page.getByRole('dialog', { name: '导出前字体检查' }).getByRole('button', { name: '继续导出' }).click()
    const refusal = /不能报送导出。自审核通过以来改动了：指标：日常巡查次数 120次 → 999次/
    await expect.poll(() => page.locator('.el-message').allTextContents()).toEqual(expect.arrayContaining([expect.stringMatching(refusal)]))
    await page.getByRole('button', { name: '导出Word' }).click()
    await expect.poll(async () => (await page.locator('.el-message').allTextContents()).filter((t) => refusal.test(t)).length).toBe(2)
    session.context.off('page', onPage)
    expect(opened).toBe(false)
    // The page view refuses to show pages that differ from the approval.
    await page.getByRole('button', { name: '页面视图' }).click()
    await expect.poll(() => page.getByRole('alert').first().textContent()).toMatch(refusal)
    await page.getByRole('button', { name: '返回编辑' }).click()
    await body.waitFor()
    expect(await auditEntries()).toEqual(before)
  })
})
