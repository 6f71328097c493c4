// Backup and restore as a clerk does it in the built renderer (browser platform): create a
// report, 备份到… (a download), destroy the report, restore it from the downloaded file after
// seeing what the file holds, and have damaged or foreign files refused with the data kept.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Locator, Page } from 'playwright-core'
import { useApp } from './app'

let page: Page
let files: string

const app = useApp((a) => {
  page = a.page
})

beforeAll(async () => {
  files = mkdtempSync(join(tmpdir(), 'huibao-backup-e2e-'))
})

afterAll(async () => {
  if (files) rmSync(files, { recursive: true, force: true })
})

// Rare CJK (Extension B) and an emoji: the characters a careless encoder breaks first.
const TITLE = '𠮷家庄镇关于2024年法治政府建设情况的报告😀'
let backupFile = ''
/** The report's body text as the editor showed it before the backup. */
let bodyBefore = ''

async function editorText(): Promise<string> {
  await page.getByRole('heading', { name: TITLE, level: 1 }).waitFor()
  const body = page.locator('.ProseMirror').first()
  // textContent, not innerText: sections off screen are skipped by content-visibility, and
  // innerText would leave their text out depending on where the page is scrolled.
  await expect.poll(async () => ((await body.textContent()) ?? '').trim().length).toBeGreaterThan(20)
  return (await body.textContent()) ?? ''
}

function rowFor(title: string): Locator {
  return page.getByRole('row').filter({ has: page.getByRole('cell', { name: title, exact: true }) })
}

async function goBackups(): Promise<void> {
  await app.goHome()
  await page.getByRole('button', { name: '备份与恢复' }).click()
  await page.getByRole('heading', { name: '备份与恢复', level: 1 }).waitFor()
}

describe('backup and restore in the browser', () => {
  it('creates a report with a Chinese title', async () => {
    await app.goHome()
    await page.getByRole('button', { name: '新建报告' }).click()
    const dialog = page.getByRole('dialog', { name: '新建报告' })
    await dialog.waitFor()
    await dialog.getByRole('textbox', { name: '发文机关', exact: true }).fill('𠮷家庄镇人民政府')
    await dialog.getByRole('textbox', { name: '年度' }).fill('2024')
    await dialog.getByRole('textbox', { name: '主送机关' }).fill('某某县人民政府')
    await dialog.getByRole('textbox', { name: '标题' }).fill(TITLE)
    await dialog.getByRole('button', { name: '创建' }).click()
    await page.waitForURL(/#\/reports\/[^/]+$/)
    bodyBefore = await editorText()
    await app.goHome()
    await rowFor(TITLE).waitFor()
  })

  it('says what the browser platform cannot do, and the persistent-storage state', async () => {
    await goBackups()
    await page.getByText('浏览器版不提供自动备份').waitFor()
    await page.getByText('浏览器版不保存恢复副本').waitFor()
    await page.getByText(/^(浏览器已允许持久存储|未获得持久存储许可)/).waitFor()
  })

  it('备份到… downloads one backup file holding the report', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '备份到…' }).click()])
    expect(download.suggestedFilename()).toMatch(/^汇报备份-\d{8}-\d{4}\.json$/)
    backupFile = join(files, download.suggestedFilename())
    await download.saveAs(backupFile)
    const file = JSON.parse(readFileSync(backupFile, 'utf8'))
    expect(file.format).toBe('huibao-backup')
    expect(file.summary.reports.map((r: { title: string }) => r.title)).toEqual([TITLE])
  })

  it('the confirmation neither takes clicks nor stays open while the pointer rests under it', async () => {
    // A second backup brings the confirmation back; the pointer is parked on it, as a clerk's
    // pointer stays where the last button was.
    await page.getByRole('button', { name: '备份到…' }).click()
    const toast = page.locator('.el-message').filter({ hasText: '已下载备份文件' }).last()
    await toast.waitFor()
    const box = (await toast.boundingBox())!
    const x = box.x + box.width / 2
    const y = box.y + box.height / 2
    await page.mouse.move(x, y)
    const hit = await page.evaluate(([px, py]) => Boolean(document.elementFromPoint(px, py)?.closest('.el-message')), [x, y])
    expect(hit).toBe(false)
    await toast.waitFor({ state: 'detached', timeout: 10_000 })
  })

  it('the report is destroyed (deleted, then removed from the recycle bin)', async () => {
    await app.goHome()
    await rowFor(TITLE).getByRole('button', { name: '删除' }).click()
    await rowFor(TITLE).waitFor({ state: 'detached' })
    await page.getByRole('button', { name: '回收站' }).click()
    await page.getByRole('heading', { name: '回收站', level: 1 }).waitFor()
    await rowFor(TITLE).getByRole('button', { name: '彻底删除' }).click()
    const confirm = page.getByRole('dialog').filter({ has: page.getByRole('button', { name: '确定删除' }) })
    await confirm.getByRole('button', { name: '确定删除' }).click()
    await rowFor(TITLE).waitFor({ state: 'detached' })
    await app.goHome()
    await page.getByRole('heading', { name: '还没有报告' }).waitFor()
  })

  it('a damaged or foreign file is refused with a clear message, nothing is offered to restore', async () => {
    const bytes = readFileSync(backupFile)
    const truncated = join(files, '损坏的备份.json')
    writeFileSync(truncated, bytes.subarray(0, Math.floor(bytes.length / 2)))
    const foreign = join(files, '别的文件.json')
    writeFileSync(foreign, JSON.stringify({ 名称: '不是备份' }))

    await goBackups()
    const input = page.getByLabel('选择备份文件')
    await input.setInputFiles(truncated)
    await page.getByRole('alert').filter({ hasText: '备份文件已损坏' }).waitFor()
    expect(await page.getByRole('button', { name: '恢复此备份' }).count()).toBe(0)

    await input.setInputFiles(foreign)
    await page.getByRole('alert').filter({ hasText: '这不是汇报的备份文件' }).waitFor()
    expect(await page.getByRole('button', { name: '恢复此备份' }).count()).toBe(0)
  })

  it('shows what the backup holds, then restores it after confirmation (current state downloaded first)', async () => {
    await goBackups()
    await page.getByLabel('选择备份文件').setInputFiles(backupFile)
    const contents = page.getByRole('table', { name: '备份中的报告' })
    await contents.waitFor()
    const cells = (await rowFor(TITLE).getByRole('cell').allInnerTexts()).map((t) => t.trim())
    expect(cells.slice(0, 2)).toEqual([TITLE, '2024'])
    expect(await page.getByRole('alert').filter({ hasText: /备份文件已损坏|这不是汇报的备份文件/ }).count()).toBe(0)

    await page.getByRole('button', { name: '恢复此备份' }).click()
    const confirm = page.getByRole('dialog').filter({ has: page.getByRole('button', { name: '恢复', exact: true }) })
    await confirm.waitFor()
    const [safety] = await Promise.all([
      page.waitForEvent('download'),
      confirm.getByRole('button', { name: '恢复', exact: true }).click()
    ])
    expect(safety.suggestedFilename()).toMatch(/^汇报恢复前备份-.*\.json$/)
    const safetyPath = join(files, 'safety.json')
    await safety.saveAs(safetyPath)
    // The copy of the state before the restore: an empty list of reports.
    expect(JSON.parse(readFileSync(safetyPath, 'utf8')).summary.reports).toEqual([])
    await page.getByText(/已从备份恢复 1 份报告/).waitFor()

    await app.goHome()
    await rowFor(TITLE).waitFor()
    expect((await rowFor(TITLE).getByRole('cell').allInnerTexts())[0].trim()).toBe(TITLE)
  })

  it('the restored report opens with exactly the text it had', async () => {
    await rowFor(TITLE).getByRole('button', { name: '打开' }).click()
    await page.waitForURL(/#\/reports\/[^/]+$/)
    expect(await editorText()).toBe(bodyBefore)
    expect(app.pageErrors).toEqual([])
  })

  it('a damaged file offered over existing data leaves that data as it was', async () => {
    await goBackups()
    await page.getByLabel('选择备份文件').setInputFiles(join(files, '损坏的备份.json'))
    await page.getByRole('alert').filter({ hasText: '备份文件已损坏' }).waitFor()
    await app.goHome()
    await rowFor(TITLE).waitFor()
    expect(await page.getByRole('row').count()).toBe(2) // header + the restored report
  })
})
