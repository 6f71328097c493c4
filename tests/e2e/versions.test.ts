// 保存版本, 版本与比较 and 恢复 in the built renderer in Debian's Chromium (real IndexedDB and
// WebCrypto): versions are stored as metadata plus shared sections (schema v5), so this checks
// that what the clerk saved is what comparing and restoring give back, also after a reload.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Locator, Page } from 'playwright-core'
import { launchBrowser, serveRenderer, type BrowserSession, type RendererServer } from './harness'
import { createReportFromHome, typeInSection } from './editor-helpers'

let server: RendererServer
let session: BrowserSession
let page: Page
let body: Locator

beforeAll(async () => {
  server = await serveRenderer()
  session = await launchBrowser()
  page = session.page
  await page.goto(server.url)
  body = await createReportFromHome(page, '丙镇人民政府', '2024', { addressee: '乙县人民政府' })
})

afterAll(async () => {
  await session?.close()
  await server?.close()
})

const saved = () => page.getByRole('status').filter({ hasText: /^已保存/ }).count()

async function saveVersion(label: string): Promise<void> {
  await page.getByRole('toolbar', { name: '审核' }).getByRole('button', { name: '保存版本' }).click()
  const dialog = page.getByRole('dialog', { name: '保存版本' })
  await dialog.getByRole('textbox', { name: '版本名称' }).fill(label)
  await dialog.getByRole('button', { name: '保存', exact: true }).click()
  await dialog.waitFor({ state: 'hidden' })
}

async function openVersions(): Promise<Locator> {
  await page.getByRole('toolbar', { name: '审核' }).getByRole('button', { name: '版本与比较' }).click()
  await page.getByRole('heading', { name: '版本与比较' }).waitFor()
  return page.getByRole('region', { name: '版本' })
}

const rowLabels = (list: Locator) => list.locator('tbody tr td:first-child').allTextContents()

describe('versions in the browser', () => {
  it('saves two versions; the list shows both, newest first', async () => {
    await typeInSection(page, /^（一）/, '第一稿：梳理权责清单。')
    await expect.poll(saved, { timeout: 5000 }).toBeGreaterThan(0)
    await saveVersion('第一稿')
    await typeInSection(page, /^（二）/, '第二稿补充：建立复核机制。')
    await expect.poll(() => body.textContent()).toContain('第二稿补充')
    await saveVersion('第二稿')

    const list = await openVersions()
    await expect.poll(() => rowLabels(list)).toEqual(['第二稿', '第一稿'])
  })

  it('compares the first version with the current text: the later addition is shown inserted', async () => {
    const list = page.getByRole('region', { name: '版本' })
    await list.getByRole('button', { name: '与当前比较「第一稿」' }).click()
    await page.getByRole('heading', { name: '版本比较' }).waitFor()
    const changes = page.getByRole('region', { name: '正文变化' })
    await expect.poll(() => changes.locator('ins').allTextContents()).toContain('第二稿补充：建立复核机制。')
    expect(await changes.getByRole('article').count()).toBe(1)
    await page.getByRole('button', { name: '版本列表' }).click()
    await page.getByRole('heading', { name: '版本与比较' }).waitFor()
  })

  it('restores the first version after a reload, keeping the current text as a version', async () => {
    await page.reload()
    await page.getByRole('heading', { name: '版本与比较' }).waitFor()
    const list = page.getByRole('region', { name: '版本' })
    await expect.poll(() => rowLabels(list)).toEqual(['第二稿', '第一稿'])
    await list.getByRole('button', { name: '恢复「第一稿」' }).click()
    const confirm = page.getByRole('dialog').filter({ has: page.getByRole('button', { name: '恢复', exact: true }) })
    await confirm.getByRole('button', { name: '恢复', exact: true }).click()
    await body.waitFor()
    await expect.poll(() => body.textContent(), { timeout: 10_000 }).toContain('第一稿：梳理权责清单。')
    expect(await body.textContent()).not.toContain('第二稿补充')

    const again = await openVersions()
    await expect.poll(() => rowLabels(again)).toEqual(['恢复“第一稿”前的内容', '第二稿', '第一稿'])
    await again.getByRole('button', { name: '与当前比较「恢复“第一稿”前的内容」' }).click()
    await page.getByRole('heading', { name: '版本比较' }).waitFor()
    // The kept version still has the addition the restore took out of the current text.
    await expect.poll(() => page.getByRole('region', { name: '正文变化' }).locator('del').allTextContents()).toContain('第二稿补充：建立复核机制。')
  })
})
