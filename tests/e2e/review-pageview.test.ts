// Comments (批注) in the page view, in the built renderer in Debian's Chromium: the commented text
// is highlighted on the sheets with the thread's number, the open threads are listed beside the
// sheets (orphans as 原文已删除), "显示批注" hides both, and the print view (the PDF) shows none
// and has as many pages.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Locator, Page } from 'playwright-core'
import { launchBrowser, serveRenderer, type BrowserSession, type RendererServer } from './harness'
import { createReportFromHome, selectText, typeInSection } from './editor-helpers'

let server: RendererServer
let session: BrowserSession
let page: Page
let body: Locator
let panel: Locator
let review: Locator

beforeAll(async () => {
  server = await serveRenderer()
  session = await launchBrowser()
  page = session.page
  await page.goto(server.url)
  body = await createReportFromHome(page, '丙乡人民政府')
  review = page.getByRole('toolbar', { name: '审核' })
  panel = page.getByRole('region', { name: '批注与修订' })
})

afterAll(async () => {
  await session?.close()
  await server?.close()
})

async function comment(needle: string, text: string): Promise<void> {
  await selectText(page, body, needle)
  await review.getByRole('button', { name: '批注', exact: true }).click()
  await panel.getByRole('textbox', { name: '批注内容' }).fill(text)
  await panel.getByRole('button', { name: '添加批注' }).click()
  await panel.getByRole('article', { name: `批注：${text}` }).waitFor()
}

/** Sheet text as the reader sees it, without the (pseudo-element) numbers. */
const sheetsText = (p: Page) => p.locator('.hb-sheet').evaluateAll((els) => els.map((e) => e.textContent ?? '').join(''))

describe('comments in the page view', () => {
  let reportId = ''
  let pages = 0

  it('clerk writes, comments twice, replies once, and deletes the second passage', async () => {
    reportId = /#\/reports\/([^/?]+)/.exec(page.url())![1]
    await typeInSection(page, /^（一）/, '建立行政执法公示台账并按月更新。')
    await typeInSection(page, /^（二）/, '另附一段说明。')
    await comment('公示台账', '请补充台账条目数。')
    await panel.getByRole('article', { name: '批注：请补充台账条目数。' }).getByRole('textbox', { name: '回复' }).fill('已补充。')
    await panel.getByRole('article', { name: '批注：请补充台账条目数。' }).getByRole('button', { name: '回复', exact: true }).click()
    await expect.poll(() => panel.getByRole('article', { name: '批注：请补充台账条目数。' }).textContent()).toContain('已补充。')

    await comment('另附一段说明', '这段可以删去。')
    await selectText(page, body, '另附一段说明')
    await page.keyboard.press('Backspace')
    await expect.poll(() => panel.getByRole('article', { name: '批注：这段可以删去。' }).textContent()).toContain('原文已删除')
  })

  it('highlights the commented text on the sheet with its number and lists open threads beside the sheets', async () => {
    await page.getByRole('button', { name: '页面视图' }).click()
    const count = page.getByText(/^共 \d+ 页$/)
    await count.waitFor()
    pages = Number(/\d+/.exec((await count.textContent()) ?? '')![0])

    const toggle = page.getByRole('toolbar', { name: '页面视图工具栏' }).getByRole('checkbox', { name: '显示批注' })
    expect(await toggle.isChecked()).toBe(true)

    const marks = page.getByRole('region', { name: '第1页' }).locator('.hb-run--comment')
    await expect.poll(() => marks.allTextContents()).toEqual(['公示台账'])
    expect(await marks.first().getAttribute('data-thread-number')).toBe('1')
    // A highlight is colour only: the pseudo-element number is out of the flow.
    expect(await marks.first().evaluate((el) => getComputedStyle(el, '::before').position)).toBe('absolute')
    expect(await marks.first().evaluate((el) => getComputedStyle(el).backgroundColor)).not.toBe('rgba(0, 0, 0, 0)')

    const list = page.getByRole('complementary', { name: '批注列表' })
    await expect.poll(() => list.getByRole('article').count()).toBe(2)
    const first = list.getByRole('article', { name: '批注1：请补充台账条目数。' })
    const firstText = (await first.textContent()) ?? ''
    expect(firstText).toContain('“公示台账”')
    expect(firstText).toContain('起草人')
    expect(firstText).toContain('1 条回复')
    expect(firstText).not.toContain('原文已删除')
    const orphan = list.getByRole('article', { name: '批注2：这段可以删去。' })
    expect(await orphan.textContent()).toContain('原文已删除')
    expect(await orphan.textContent()).toContain('另附一段说明')
    expect(await sheetsText(page)).not.toContain('另附一段说明')

    // 显示批注 off: no highlight, no list, the same pages.
    await toggle.uncheck()
    await expect.poll(() => page.locator('.hb-run--comment').count()).toBe(0)
    expect(await list.count()).toBe(0)
    expect(await sheetsText(page)).toContain('建立行政执法公示台账并按月更新。')
    expect(await page.getByText(/^共 \d+ 页$/).textContent()).toBe(`共 ${pages} 页`)
    await toggle.check()
    await expect.poll(() => page.locator('.hb-run--comment').count()).toBe(1)
  })

  it('the print view (the PDF) has the text without highlights, on as many pages', async () => {
    const screenText = await sheetsText(page)
    await page.goto(`${server.url}#/reports/${reportId}/print`)
    await page.locator('html.hb-print-ready').waitFor({ state: 'attached' })
    expect(await page.locator('html').getAttribute('data-pages')).toBe(String(pages))
    expect(await page.locator('.hb-run--comment, [data-thread-number]').count()).toBe(0)
    expect(await sheetsText(page)).toBe(screenText)
    expect(await page.getByRole('complementary', { name: '批注列表' }).count()).toBe(0)
  })
})
