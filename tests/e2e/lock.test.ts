// 审核通过 means approved: after the leader approves and the clerk takes the keyboard back,
// no route changes the stored report — neither the controls of the screen that knows it is
// approved (all disabled, keyboard shortcuts refused by the editor), nor a second editor and a
// page view opened before the approval, whose screens still say 草稿 (the data layer refuses
// each of their writes). The stored rows are compared byte for byte before and after, and a
// second 导出Word writes the same document.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import JSZip from 'jszip'
import type { Locator, Page } from 'playwright-core'
import { launchBrowser, serveRenderer, type BrowserSession, type RendererServer } from './harness'
import { caretAfter, createReportFromHome, fillRequiredSections, selectText, typeInSection } from './editor-helpers'

let server: RendererServer
let session: BrowserSession
let page: Page
let stale: Page
let stalePages: Page
let body: Locator
let reportId = ''
const work = mkdtempSync(join(tmpdir(), 'huibao-lock-e2e-'))
const PIN = '482915'
const LOCKED = /已审核通过，不能修改。如需修改，请审核人重新打开/

beforeAll(async () => {
  server = await serveRenderer()
  session = await launchBrowser()
  page = session.page
  await page.goto(server.url)
  // A complete report (real addressee, every 必写 section written): 送审 checks it first.
  body = await createReportFromHome(page, '丙镇人民政府', '2024', { addressee: '乙县人民政府' })
  await fillRequiredSections(page)
  reportId = /#\/reports\/([^/?]+)/.exec(page.url())![1]
})

afterAll(async () => {
  await session?.close()
  await server?.close()
  rmSync(work, { recursive: true, force: true })
})

/** The report's rows as IndexedDB holds them (read raw, not through the app). */
async function stored(p: Page = page): Promise<string> {
  return p.evaluate(async (id) => {
    const db = await new Promise<IDBDatabase>((ok, fail) => {
      const req = indexedDB.open('huibao')
      req.onsuccess = () => ok(req.result)
      req.onerror = () => fail(req.error)
    })
    const read = (store: string, run: (s: IDBObjectStore) => IDBRequest) =>
      new Promise<unknown>((ok, fail) => {
        const req = run(db.transaction(store).objectStore(store))
        req.onsuccess = () => ok(req.result)
        req.onerror = () => fail(req.error)
      })
    const report = await read('reports', (s) => s.get(id))
    const sections = await read('sections', (s) => s.index('reportId').getAll(id))
    const values = await read('metricValues', (s) => s.index('reportId').getAll(id))
    db.close()
    return JSON.stringify({ report, sections, values })
  }, reportId)
}

async function docText(p: Page = page): Promise<string> {
  return p.getByRole('textbox', { name: '报告正文' }).evaluate((el) => {
    const clone = el.cloneNode(true) as HTMLElement
    clone.querySelectorAll('.section-number, .section-guidance').forEach((n) => n.remove())
    return clone.textContent ?? ''
  })
}

const statusOf = (p: Page) => () => p.getByRole('toolbar', { name: '审核' }).locator('.review-bar__status').textContent()
const saveState = (p: Page) => () => p.getByRole('status').filter({ hasText: /已保存|正在保存|保存失败/ }).first().textContent()

async function download(click: () => Promise<void>, name: string): Promise<string> {
  const [dl] = await Promise.all([page.waitForEvent('download'), click()])
  const path = join(work, name)
  await dl.saveAs(path)
  return path
}

async function documentXml(path: string): Promise<string> {
  return (await JSZip.loadAsync(readFileSync(path))).file('word/document.xml')!.async('string')
}

let approvedRows = ''
let approvedText = ''

describe('after 审核通过 the report cannot change', () => {
  it('drafts, opens a second editor and a page view, submits; the leader suggests, rejects all and approves', async () => {
    await typeInSection(page, /^（一）/, '开展执法检查。')
    const patrols = page.getByRole('region', { name: '指标' }).getByRole('textbox', { name: '日常巡查次数' })
    await patrols.fill('126')
    await patrols.press('Enter')
    await page.getByRole('button', { name: '插入日常巡查次数', exact: true }).click()
    await expect.poll(() => body.locator('.metric-chip').count()).toBe(1)
    await expect.poll(saveState(page)).toContain('已保存')

    // Two more windows on the same report, opened while it is a draft: they will not notice.
    stale = await session.context.newPage()
    await stale.goto(`${server.url}#/reports/${reportId}`)
    await stale.getByRole('textbox', { name: '报告正文' }).waitFor()
    stalePages = await session.context.newPage()
    await stalePages.goto(`${server.url}#/reports/${reportId}/pages`)
    await stalePages.getByText(/^共 \d+ 页$/).waitFor()

    const review = page.getByRole('toolbar', { name: '审核' })
    await review.getByRole('button', { name: '送审', exact: true }).click()
    const setup = page.getByRole('dialog', { name: '审核设置' })
    await setup.getByRole('textbox', { name: '起草人姓名' }).fill('王小明')
    await setup.getByRole('textbox', { name: '审核人姓名' }).fill('李主任')
    await setup.getByRole('textbox', { name: '审核人PIN' }).fill(PIN)
    await setup.getByRole('textbox', { name: '再次输入PIN' }).fill(PIN)
    await setup.getByRole('button', { name: '保存' }).click()
    // 送审 runs the 公文校对 check first: give it time on a loaded machine.
    await expect.poll(statusOf(page), { timeout: 20_000 }).toContain('送审')

    await page.getByRole('button', { name: '切换到审核人' }).click()
    const pin = page.getByRole('dialog', { name: '切换到审核人' })
    await pin.getByRole('textbox', { name: '审核人PIN' }).fill(PIN)
    await pin.getByRole('button', { name: '确定' }).click()
    await page.getByRole('button', { name: '切换到起草人' }).waitFor()
    await caretAfter(body, '开展执法检查')
    await page.keyboard.type('并通报')
    await expect.poll(() => body.locator('ins.review-ins').count()).toBe(1)
    await review.getByRole('button', { name: '批注与修订' }).click()
    const panel = page.getByRole('region', { name: '批注与修订' })
    // Accepting is the clerk's answer; while submitted the leader may only withdraw.
    expect(await panel.getByRole('button', { name: '全部接受' }).isDisabled()).toBe(true)
    await panel.getByRole('button', { name: '全部拒绝' }).click()
    await expect.poll(() => body.locator('ins.review-ins').count()).toBe(0)
    await review.getByRole('button', { name: '审核通过' }).click()
    const approve = page.getByRole('dialog', { name: '审核通过' })
    await approve.getByRole('textbox', { name: '审核意见' }).fill('同意报送。')
    await approve.getByRole('button', { name: '审核通过', exact: true }).click()
    await expect.poll(statusOf(page)).toContain('审核通过')
    await page.getByRole('button', { name: '切换到起草人' }).click()
    await page.getByRole('button', { name: '切换到审核人' }).waitFor()
    await review.getByRole('button', { name: '批注与修订' }).click()

    approvedRows = await stored()
    approvedText = await docText()
    expect(approvedText).toContain('开展执法检查。')
    expect(approvedText).not.toContain('并通报')
    // The stale windows still show the draft.
    expect(await statusOf(stale)()).toContain('草稿')
  })

  it('the approved screen offers no change, and its shortcuts change nothing', async () => {
    const toolbar = page.getByRole('toolbar', { name: '编辑工具' })
    for (const name of ['加粗', '撤销', '重做', '插入指标']) {
      expect(await toolbar.getByRole('button', { name, exact: true }).isDisabled(), name).toBe(true)
    }
    expect(await page.getByRole('button', { name: '报告信息' }).isDisabled()).toBe(true)
    expect(await page.getByRole('button', { name: '报告信息' }).getAttribute('title')).toMatch(LOCKED)
    const outline = page.getByRole('toolbar', { name: '章节操作' })
    for (const name of ['添加章节', '删除章节', '上移', '下移', '提升层级', '降低层级']) {
      expect(await outline.getByRole('button', { name }).isDisabled(), name).toBe(true)
    }
    const metrics = page.getByRole('region', { name: '指标' })
    expect(await metrics.getByRole('textbox', { name: '日常巡查次数' }).isDisabled()).toBe(true)
    expect(await metrics.getByRole('combobox', { name: '日常巡查次数修饰词' }).isDisabled()).toBe(true)
    expect(await metrics.getByRole('button', { name: '插入日常巡查次数', exact: true }).isDisabled()).toBe(true)
    expect(await metrics.getByRole('note', { name: '指标已锁定' }).textContent()).toMatch(LOCKED)
    expect(await page.getByRole('note', { name: '审核状态' }).textContent()).toContain('正文已锁定')

    // Undo would bring back the leader's rejected suggestion; redo, bold, typing, '#': nothing.
    await caretAfter(body, '开展执法检查')
    for (const key of ['Control+z', 'Control+Shift+z', 'Control+y']) await page.keyboard.press(key)
    await selectText(page, body, '执法检查')
    await page.keyboard.press('Control+b')
    await page.keyboard.type('#日常')
    await page.keyboard.press('Enter')
    await page.keyboard.press('Backspace')
    expect(await docText()).toBe(approvedText)
    expect(await body.locator('strong, b').count()).toBe(0)

    // 查找替换: finding works, replacing is not offered.
    await toolbar.getByRole('button', { name: '查找替换' }).click()
    const find = page.getByRole('search', { name: '查找替换' })
    await find.getByRole('textbox', { name: '查找' }).fill('执法')
    await find.getByRole('textbox', { name: '替换为' }).fill('XX')
    await expect.poll(() => find.textContent()).toMatch(/共 [1-9]\d* 处/)
    expect(await find.getByRole('button', { name: '替换', exact: true }).isDisabled()).toBe(true)
    expect(await find.getByRole('button', { name: '全部替换' }).isDisabled()).toBe(true)
    await find.getByRole('button', { name: '关闭' }).click()

    // Page view: layout, signature, summary table and attachments are locked too.
    await page.getByRole('button', { name: '页面视图' }).click()
    const bar = page.getByRole('toolbar', { name: '页面视图工具栏' })
    await page.getByText(/^共 \d+ 页$/).waitFor()
    for (const control of [bar.getByRole('combobox', { name: '排版方案' }), bar.getByRole('combobox', { name: '落款方式' }), bar.getByRole('checkbox', { name: '附指标汇总表' }), bar.getByRole('button', { name: '编辑附件' })]) {
      expect(await control.isDisabled()).toBe(true)
    }
    expect(await page.getByRole('note', { name: '排版已锁定' }).textContent()).toMatch(LOCKED)

    // Versions: 恢复 is off.
    await bar.getByRole('button', { name: '返回编辑' }).click()
    await page.getByRole('toolbar', { name: '审核' }).getByRole('button', { name: '版本与比较' }).click()
    const versions = page.getByRole('region', { name: '版本' })
    await versions.getByRole('button', { name: /^恢复「/ }).first().waitFor()
    for (const b of await versions.getByRole('button', { name: /^恢复「/ }).all()) expect(await b.isDisabled()).toBe(true)
    await page.getByRole('button', { name: '返回编辑' }).click()
    await body.waitFor()

    expect(await stored()).toBe(approvedRows)
  })

  it('a second editor opened before the approval is refused by the data layer, route by route', async () => {
    const sbody = stale.getByRole('textbox', { name: '报告正文' })
    // Typing, bold, a chip and an outline command all reach the autosave, which is refused.
    await caretAfter(sbody, '开展执法检查')
    await stale.keyboard.type('（已改）')
    await expect.poll(saveState(stale), { timeout: 10_000 }).toMatch(/保存失败：报告已审核通过/)
    await selectText(stale, sbody, '执法检查')
    await stale.getByRole('toolbar', { name: '编辑工具' }).getByRole('button', { name: '加粗' }).click()
    await stale.getByRole('navigation', { name: '大纲' }).getByRole('button', { name: /^二、/ }).first().click()
    await stale.getByRole('toolbar', { name: '章节操作' }).getByRole('button', { name: '降低层级' }).click()
    await stale.getByRole('toolbar', { name: '章节操作' }).getByRole('button', { name: '上移' }).click()
    await stale.getByRole('toolbar', { name: '章节操作' }).getByRole('button', { name: '添加章节' }).click()
    expect(await statusOf(stale)()).toContain('草稿')

    // The figure and its qualifier (the 126 → "999余次").
    const metrics = stale.getByRole('region', { name: '指标' })
    const patrols = metrics.getByRole('textbox', { name: '日常巡查次数' })
    await patrols.fill('999')
    await patrols.press('Enter')
    await expect.poll(() => metrics.getByRole('alert').first().textContent()).toMatch(LOCKED)
    const qualifier = metrics.getByRole('combobox', { name: '日常巡查次数修饰词' })
    const before = await qualifier.inputValue()
    await qualifier.selectOption({ label: '余' })
    await expect.poll(() => metrics.getByRole('alert').first().textContent()).toMatch(LOCKED)
    // Refused: the select shows the stored choice again, not the one picked.
    await expect.poll(() => qualifier.inputValue()).toBe(before)

    // 报告信息 → 标题.
    await stale.getByRole('button', { name: '报告信息' }).click()
    const info = stale.getByRole('dialog', { name: '报告信息' })
    await info.getByRole('textbox', { name: '标题' }).fill('丙镇人民政府关于改过的报告')
    await info.getByRole('button', { name: '保存' }).click()
    await expect.poll(() => stale.locator('.el-message').allTextContents()).toEqual(expect.arrayContaining([expect.stringMatching(LOCKED)]))

    // Still refused after the retry the autosave makes.
    await stale.waitForTimeout(1500)
    await expect.poll(saveState(stale)).toMatch(/保存失败：报告已审核通过/)
    expect(await stored()).toBe(approvedRows)
  })

  it('a page view opened before the approval cannot change layout, signature, summary table or attachments', async () => {
    const bar = stalePages.getByRole('toolbar', { name: '页面视图工具栏' })
    const refused = () => stalePages.getByRole('alert').textContent()
    await bar.getByRole('combobox', { name: '排版方案' }).selectOption('practice')
    await expect.poll(refused).toMatch(LOCKED)
    await bar.getByRole('combobox', { name: '落款方式' }).selectOption('with-seal')
    await bar.getByRole('checkbox', { name: '附指标汇总表' }).check()
    expect(await stored()).toBe(approvedRows)
    await bar.getByRole('button', { name: '编辑附件' }).click()
    const dialog = stalePages.getByRole('dialog', { name: '附件' })
    await dialog.getByRole('button', { name: '添加附件' }).click()
    await dialog.getByRole('textbox', { name: '附件1标题' }).fill('后加的附件')
    await dialog.getByRole('textbox', { name: '附件1正文' }).fill('审核通过后加的。')
    await dialog.getByRole('button', { name: '保存附件' }).click()
    await expect.poll(refused).toMatch(LOCKED)
    expect(await stored()).toBe(approvedRows)
  })

  it('renaming from the report list is refused with the reason', async () => {
    const list = await session.context.newPage()
    await list.goto(server.url)
    const row = list.getByRole('row').filter({ hasText: '丙镇人民政府' })
    await row.getByRole('button', { name: '重命名' }).click()
    const dialog = list.getByRole('dialog', { name: '重命名报告' })
    await dialog.getByRole('textbox', { name: '标题' }).fill('改过的标题')
    await dialog.getByRole('button', { name: '确定' }).click()
    await expect.poll(() => list.locator('.el-message').allTextContents()).toEqual(expect.arrayContaining([expect.stringMatching(LOCKED)]))
    expect(await stored()).toBe(approvedRows)
    await list.close()
  })

  it('导出Word twice: both accepted, the same document, the report still as approved', async () => {
    const first = await download(() => page.getByRole('button', { name: '导出Word' }).click(), 'first.docx')
    await expect.poll(statusOf(page)).toContain('已报送')
    const second = await download(() => page.getByRole('button', { name: '导出Word' }).click(), 'second.docx')
    expect(await documentXml(second)).toBe(await documentXml(first))
    expect(await documentXml(first)).toContain('开展执法检查。')
    expect(await documentXml(first)).not.toContain('（已改）')
    const rows = JSON.parse(await stored()) as { report: { status: string }; sections: unknown; values: unknown }
    const before = JSON.parse(approvedRows) as typeof rows
    expect(rows.sections).toEqual(before.sections)
    expect(rows.values).toEqual(before.values)
    expect({ ...rows.report, status: 'x', updatedAt: 0 }).toEqual({ ...before.report, status: 'x', updatedAt: 0 })
  })
})
