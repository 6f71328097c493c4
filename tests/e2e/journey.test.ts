// The clerk's whole basic journey (issue 2), in the built renderer in Debian Chromium:
// create a report from the template, type in two sections, cite a figure as a chip, fill the
// figure, reload, find everything as it was, export Word and read the file.
import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import JSZip from 'jszip'
import { launchBrowser, serveRenderer, type BrowserSession, type RendererServer } from './harness'

let server: RendererServer
let session: BrowserSession

beforeAll(async () => {
  server = await serveRenderer()
  session = await launchBrowser()
})

afterAll(async () => {
  await session?.close()
  await server?.close()
})

describe('clerk journey', () => {
  it('drafts a report, cites a live figure, survives a reload and exports Word', async () => {
    const { page } = session
    await page.goto(server.url)
    await page.getByRole('button', { name: '新建报告' }).click()
    const dialog = page.getByRole('dialog', { name: '新建报告' })
    await dialog.getByRole('textbox', { name: '发文机关', exact: true }).fill('梁洼镇人民政府')
    await dialog.getByRole('spinbutton', { name: '年度' }).or(dialog.getByRole('textbox', { name: '年度' })).fill('2024')
    const title = dialog.getByRole('textbox', { name: '标题' })
    await expect.poll(() => title.inputValue()).toBe('梁洼镇人民政府关于2024年法治政府建设情况的报告')
    await dialog.getByRole('button', { name: '创建' }).click()

    const body = page.getByRole('textbox', { name: '报告正文' })
    await body.waitFor()
    const outline = page.getByRole('navigation', { name: '大纲' })

    // Type in two sections, found through the outline as a user would.
    const sections = outline.getByRole('button')
    await expect.poll(() => sections.count()).toBeGreaterThan(5)
    await outline.getByRole('button', { name: /^（一）/ }).first().click()
    await page.keyboard.press('End')
    await page.keyboard.press('Enter')
    await page.keyboard.type('全年开展日常巡查')
    await page.getByRole('button', { name: '插入指标' }).click()
    const picker = page.getByRole('dialog', { name: '插入指标' })
    await picker.getByRole('textbox', { name: '搜索指标' }).fill('巡查')
    await picker.getByRole('button', { name: /日常巡查/ }).first().click()
    await page.keyboard.type('，依法纠正违规行为。')

    await outline.getByRole('button', { name: /^四、/ }).first().click()
    await page.keyboard.press('End')
    await page.keyboard.press('Enter')
    await page.keyboard.type('来年继续加强执法队伍建设。')

    // The empty chip is visibly marked until its figure is filled in.
    await expect.poll(() => page.locator('.metric-chip--empty').count()).toBeGreaterThan(0)
    const metrics = page.getByRole('region', { name: '指标' })
    const patrols = metrics.getByRole('textbox', { name: /日常巡查/ }).first()
    await patrols.fill('120')
    await patrols.press('Tab')
    await expect.poll(() => body.textContent()).toContain('全年开展日常巡查120')
    await expect.poll(() => page.locator('.metric-chip--empty').count()).toBe(0)

    await expect.poll(() => page.getByRole('status').first().textContent(), { timeout: 5000 }).toContain('已保存')
    const before = await body.textContent()

    await page.reload()
    await body.waitFor()
    await expect.poll(() => body.textContent()).toBe(before)
    expect(before).toContain('来年继续加强执法队伍建设。')

    const downloadPromise = page.waitForEvent('download')
    await page.getByRole('button', { name: '导出Word' }).click()
    // The draft still has 必须修改 items (the template's ×× addressee, empty 必写 sections): the
    // app asks once, listing them; the clerk exports anyway.
    const check = page.getByRole('dialog', { name: '导出前检查' })
    await check.waitFor()
    expect(await check.getByRole('list', { name: '必须修改' }).textContent()).toContain('主送机关')
    await check.getByRole('button', { name: '仍然导出' }).click()
    const download = await downloadPromise
    expect(download.suggestedFilename()).toBe('梁洼镇人民政府关于2024年法治政府建设情况的报告.docx')
    const file = await download.path()
    const zip = await JSZip.loadAsync(readFileSync(file))
    const xml = await zip.file('word/document.xml')!.async('string')
    const text = xml.replace(/<[^>]+>/g, '')
    expect(text).toContain('梁洼镇人民政府关于2024年法治政府建设情况的报告')
    expect(text).toContain('全年开展日常巡查120次，依法纠正违规行为。')
    expect(text).toContain('来年继续加强执法队伍建设。')
  })
})
