// Keys typed right before the page goes away — a reload, the window closed — are there when
// the report opens again. The autosave started on the way out cannot always commit before the
// page is gone; the editor also records those edits synchronously and puts them back on the
// next open (db/unsaved-edits.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Locator, Page } from 'playwright-core'
import { launchBrowser, serveRenderer, type BrowserSession, type RendererServer } from './harness'
import { createReportFromHome, typeInSection } from './editor-helpers'

let server: RendererServer
let session: BrowserSession
let page: Page
let body: Locator
let reportUrl: string

beforeAll(async () => {
  server = await serveRenderer()
  session = await launchBrowser()
  page = session.page
  await page.goto(server.url)
  body = await createReportFromHome(page, '丙镇人民政府')
  reportUrl = page.url()
})

afterAll(async () => {
  await session?.close()
  await server?.close()
})

async function leftoverRecords(p: Page): Promise<string[]> {
  return p.evaluate(() => Object.keys(localStorage).filter((key) => /^huibao\.unsaved-(edits|figures)\./.test(key)))
}

describe('leaving right after typing', () => {
  it('a reload at once keeps every key typed before it', async () => {
    for (const [section, text] of [
      [/^（一）/, '刷新前的第一句。'],
      [/^（二）/, '刷新前的第二句。'],
      [/^（三）/, '刷新前的第三句。']
    ] as const) {
      await typeInSection(page, section, text)
      // No wait: the reload comes while the save is still pending.
      await page.reload()
      await body.waitFor()
      await expect.poll(() => body.textContent()).toContain(text)
    }
    // The first two survived further reloads too, and no record is left behind.
    expect(await body.textContent()).toContain('刷新前的第一句。')
    expect(await body.textContent()).toContain('刷新前的第二句。')
    await expect.poll(() => page.getByRole('status').textContent(), { timeout: 5000 }).toMatch(/^已保存 \d{2}:\d{2}$/)
    expect(await leftoverRecords(page)).toEqual([])
  })

  it('a figure typed but not confirmed (no Enter, the field never left) is kept through a reload', async () => {
    const patrols = page.getByRole('region', { name: '指标' }).getByRole('textbox', { name: '日常巡查次数' })
    await patrols.click()
    await patrols.pressSequentially('136')
    // Long after the last key, but the field's change event never came.
    await page.waitForTimeout(1500)
    await page.reload()
    await body.waitFor()
    await expect.poll(() => patrols.inputValue()).toBe('136')
    expect(await leftoverRecords(page)).toEqual([])
  })

  it('closing the window at once keeps the keys, and the next window shows them', async () => {
    await typeInSection(page, /^（四）/, '关窗前刚打的字。')
    await page.close()
    page = await session.context.newPage()
    await page.goto(reportUrl)
    body = page.getByRole('textbox', { name: '报告正文' })
    await body.waitFor()
    await expect.poll(() => body.textContent()).toContain('关窗前刚打的字。')
    expect(await leftoverRecords(page)).toEqual([])
  })

  it('closing the window right after typing, then starting on the list: the keys are in the report before it opens', async () => {
    await expect.poll(() => page.getByRole('status').textContent(), { timeout: 5000 }).toMatch(/^已保存 \d{2}:\d{2}$/)
    await typeInSection(page, /^（五）/, '关窗后从列表打开。')
    // Closing a desktop window runs the page's unload steps (pagehide), as this does.
    await page.close({ runBeforeUnload: true })
    page = await session.context.newPage()
    await page.goto(server.url)
    await page.getByRole('heading', { name: '报告列表' }).waitFor()
    // The start-up sweep has dealt with the record before the clerk opens anything.
    await expect.poll(() => leftoverRecords(page), { timeout: 5000 }).toEqual([])
    await page.goto(reportUrl)
    body = page.getByRole('textbox', { name: '报告正文' })
    await body.waitFor()
    await expect.poll(() => body.textContent()).toContain('关窗后从列表打开。')
  })
})
