// 检查 (公文校对) in the built renderer: the panel lists items with severity and place, 定位
// selects the spot, a one-click fix is one undo step, 送审 is refused while 必须修改 items remain,
// and the page view has the same button.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Locator, Page } from 'playwright-core'
import { launchBrowser, serveRenderer, type BrowserSession, type RendererServer } from './harness'
import { createReportFromHome, typeInSection } from './editor-helpers'

let server: RendererServer
let session: BrowserSession
let page: Page
let body: Locator
let results: Locator

beforeAll(async () => {
  server = await serveRenderer()
  session = await launchBrowser()
  page = session.page
  await page.goto(server.url)
  body = await createReportFromHome(page, '丁镇人民政府')
  results = page.getByRole('region', { name: '检查结果' })
})

afterAll(async () => {
  await session?.close()
  await server?.close()
})

const selection = () => page.evaluate(() => window.getSelection()?.toString() ?? '')
const bodyText = () => body.evaluate((el) => el.textContent ?? '')

describe('检查 panel', () => {
  it('lists the new report’s problems with severity and place', async () => {
    await typeInSection(page, /^（一）/, '梳理权责清单,向社会公开')
    await page.getByRole('button', { name: '检查', exact: true }).click()
    await results.waitFor()
    const items = results.getByRole('listitem')
    await expect.poll(() => items.count()).toBeGreaterThan(3)
    // The template's ×× addressee and the empty required sections must be fixed.
    const addressee = items.filter({ hasText: '主送机关' }).filter({ hasText: '××' }).first()
    expect(await addressee.textContent()).toContain('必须修改')
    expect(await items.filter({ hasText: '必写章节' }).count()).toBeGreaterThan(0)
    const comma = items.filter({ hasText: '半角“,”' }).first()
    expect(await comma.textContent()).toContain('建议检查')
  })

  it('定位 selects the flagged text; the fix is one undoable step', async () => {
    const comma = results.getByRole('listitem').filter({ hasText: '半角“,”' }).first()
    await comma.getByRole('button', { name: /^定位/ }).click()
    await expect.poll(selection).toBe(',')
    await comma.getByRole('button', { name: '改为“，”' }).click()
    await expect.poll(bodyText).toContain('梳理权责清单，向社会公开')
    await expect.poll(() => results.getByRole('listitem').filter({ hasText: '半角“,”' }).count()).toBe(0)
    await page.getByRole('toolbar', { name: '编辑工具' }).getByRole('button', { name: '撤销' }).click()
    await expect.poll(bodyText).toContain('梳理权责清单,向社会公开')
  })

  it('refuses 送审 while 必须修改 items remain', async () => {
    const review = page.getByRole('toolbar', { name: '审核' })
    await review.getByRole('button', { name: '送审', exact: true }).click()
    const setup = page.getByRole('dialog', { name: '审核设置' })
    await setup.getByRole('textbox', { name: '起草人姓名' }).fill('王小明')
    await setup.getByRole('textbox', { name: '审核人姓名' }).fill('李主任')
    await setup.getByRole('textbox', { name: '审核人PIN' }).fill('482915')
    await setup.getByRole('textbox', { name: '再次输入PIN' }).fill('482915')
    await setup.getByRole('button', { name: '保存' }).click()
    await expect.poll(() => page.locator('.el-message').allTextContents()).toEqual(expect.arrayContaining([expect.stringContaining('必须修改的问题，改完后才能送审')]))
    expect(await review.locator('.review-bar__status').textContent()).toContain('草稿')
    await results.waitFor()
  })

  it('the page view has 检查 too, and 定位 there returns to the editor', async () => {
    await page.getByRole('button', { name: '页面视图' }).click()
    const bar = page.getByRole('toolbar', { name: '页面视图工具栏' })
    await bar.getByRole('button', { name: '检查', exact: true }).click()
    await results.waitFor()
    const heading = results.getByRole('listitem').filter({ hasText: '必写章节' }).first()
    const title = ((await heading.textContent()) ?? '').match(/必写章节“[一二三四五六七八九十]+、([^”]{4})/)?.[1] ?? ''
    expect(title).not.toBe('')
    await heading.getByRole('button', { name: /^定位/ }).click()
    await body.waitFor()
    await expect.poll(selection).toContain(title)
  })
})
