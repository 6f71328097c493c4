// Keys typed right before the page goes away — a reload, the window closed — are there when
// the report opens again. The autosave started on the way out cannot always commit before the
// page is gone; the editor also records those edits synchronously and puts them back on the
// next open (db/unsaved-edits.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Locator, Page } from 'playwright-core'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium } from 'playwright-core'
import { CHROMIUM_PATH, launchBrowser, serveRenderer, type BrowserSession, type RendererServer } from './harness'
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
  return p.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith('huibao.unsaved-edits.')))
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

  it('closing the window and quitting the browser at once (as the desktop app quits with its window) keeps the keys', async () => {
    // A profile on disk, as the desktop app has: the browser process itself goes away.
    const profile = mkdtempSync(join(tmpdir(), 'huibao-quit-'))
    const launch = () =>
      chromium.launchPersistentContext(profile, { executablePath: CHROMIUM_PATH, headless: true, args: ['--no-sandbox', '--disable-gpu', '--lang=zh-CN'], locale: 'zh-CN', viewport: { width: 1400, height: 900 } })
    try {
      let context = await launch()
      let p = context.pages()[0] ?? (await context.newPage())
      await p.goto(server.url)
      await createReportFromHome(p, '丁镇人民政府')
      const url = p.url()
      await expect.poll(() => p.getByRole('status').textContent(), { timeout: 5000 }).toMatch(/^已保存 \d{2}:\d{2}$/)
      await typeInSection(p, /^（一）/, '退出程序前刚打的字。')
      // Closing a desktop window runs the page's unload steps (pagehide), then the app quits.
      await p.close({ runBeforeUnload: true })
      await context.close()
      context = await launch()
      p = context.pages()[0] ?? (await context.newPage())
      // The app starts on its list, as the desktop app does: the edits go back into the report
      // before it is opened (the list, backups and exports see them too).
      await p.goto(server.url)
      await p.getByRole('heading', { name: '报告列表' }).waitFor()
      await expect.poll(() => leftoverRecords(p), { timeout: 5000 }).toEqual([])
      await p.goto(url)
      const reopened = p.getByRole('textbox', { name: '报告正文' })
      await reopened.waitFor()
      await expect.poll(() => reopened.textContent()).toContain('退出程序前刚打的字。')
      await context.close()
    } finally {
      rmSync(profile, { recursive: true, force: true })
    }
  })
})
