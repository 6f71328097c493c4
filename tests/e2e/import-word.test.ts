// 导入Word through the UI in the built renderer: choose a .docx (the browser's file input),
// see the 导入预览, import, find the recognised outline, body, table and figure in the editor,
// export it again to .docx; a hostile file is refused in Chinese and nothing is stored.
import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { readFileSync } from 'node:fs'
import { unzipSync, strFromU8 } from 'fflate'
import { useApp } from './app'
import { RULE_OF_LAW_TEMPLATE } from '@core/templates'
import { handTypedReport } from '../fixtures/import/hand'
import { oleHeader } from '../fixtures/import/hostile'

let page: Page

const app = useApp((a) => {
  page = a.page
})

async function chooseFile(name: string, bytes: Uint8Array): Promise<void> {
  await page.getByLabel('选择Word文件').setInputFiles({ name, mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', buffer: Buffer.from(bytes) })
}

describe('导入Word', () => {
  it('refuses an encrypted/legacy file with a Chinese message and stores nothing', async () => {
    await app.goHome()
    expect(await page.getByRole('button', { name: '导入Word' }).count()).toBe(1)
    await chooseFile('加密的报告.docx', oleHeader())
    const dialog = page.getByRole('dialog', { name: '导入预览' })
    await dialog.waitFor()
    const alert = dialog.getByRole('alert')
    await alert.waitFor()
    expect(await alert.textContent()).toContain('已加密或是旧版 .doc 格式')
    expect(await alert.textContent()).toContain('请在 Word/WPS 中另存为 .docx 后再导入')
    expect(await dialog.getByRole('button', { name: '导入' }).isDisabled()).toBe(true)
    await dialog.getByRole('button', { name: '取消' }).click()
    await dialog.waitFor({ state: 'hidden' })
    expect(await page.getByRole('heading', { name: '还没有报告' }).count()).toBe(1)
  })

  it('previews what was recognised, imports it and opens it in the editor', async () => {
    await app.goHome()
    await chooseFile('青禾镇法治政府报告.docx', handTypedReport())
    const dialog = page.getByRole('dialog', { name: '导入预览' })
    await dialog.waitFor()
    const outline = dialog.getByRole('table', { name: '识别的提纲' })
    await outline.waitFor()
    expect(await dialog.getByRole('textbox', { name: '标题', exact: true }).inputValue()).toBe('中共青禾镇委员会 青禾镇人民政府关于2024年法治政府建设情况的报告')
    expect(await dialog.getByRole('textbox', { name: '主送机关' }).inputValue()).toBe('中共示例县委、示例县人民政府')
    expect(await dialog.getByRole('textbox', { name: '发文机关', exact: true }).inputValue()).toBe('青禾镇人民政府')
    expect(await dialog.getByRole('textbox', { name: '成文日期' }).inputValue()).toBe('2025年1月15日')
    expect(await dialog.getByRole('textbox', { name: '年度' }).inputValue()).toBe('2024')
    // The proposed template is the built-in whose outline matches best.
    expect(await dialog.locator('.el-select', { has: page.getByRole('combobox', { name: '报告模板' }) }).textContent()).toContain(RULE_OF_LAW_TEMPLATE.name)
    expect(await outline.getByRole('row').count()).toBe(1 + 8)
    expect(await dialog.getByRole('textbox', { name: '第3个标题' }).inputValue()).toBe('严格规范执法')
    expect(await dialog.getByRole('list', { name: '识别的表格' }).textContent()).toContain('其他表格 1 张')
    expect(await dialog.getByRole('table', { name: '正文中的数字' }).textContent()).toContain('120余次')

    await dialog.getByRole('button', { name: '导入', exact: true }).click()
    await page.waitForURL(/#\/reports\/[^/]+$/)
    const editor = page.locator('.ProseMirror')
    await editor.waitFor()
    await expect.poll(() => editor.textContent()).toContain('全年开展日常巡查120余次')
    expect(await editor.locator('section[data-level="4"]').count()).toBe(1)
    expect(await page.getByRole('table', { name: '导入的表格' }).textContent()).toContain('普法讲座')
  })

  it('exports the imported report to Word again, with its outline and table', async () => {
    const downloading = page.waitForEvent('download')
    await page.getByRole('button', { name: '导出Word' }).click()
    // The pre-export check may ask first (必须修改 items): answer 仍然导出 if it does.
    const check = page.getByRole('dialog', { name: '导出前检查' })
    const asked = check.waitFor({ timeout: 15_000 }).then(
      () => check.getByRole('button', { name: '仍然导出' }).click(),
      () => undefined
    )
    const download = await downloading
    await asked.catch(() => undefined)
    const path = await download.path()
    const xml = strFromU8(unzipSync(new Uint8Array(readFileSync(path!)))['word/document.xml'])
    expect(xml).toContain('依法全面履行政府职能')
    expect(xml).toContain('完善制度')
    expect(xml).toContain('<w:tbl>')
    expect(xml).toContain('普法讲座')
    expect(app.pageErrors).toEqual([])
  })

  it('作为底稿 makes the next year draft: years advanced, listed as 2025', async () => {
    await app.goHome()
    await chooseFile('青禾镇法治政府报告.docx', handTypedReport())
    const dialog = page.getByRole('dialog', { name: '导入预览' })
    await dialog.getByRole('table', { name: '识别的提纲' }).waitFor()
    // The clerk decides the 6th heading（1）完善制度 is body text.
    const asBody = dialog.getByRole('checkbox', { name: '第6个标题作为正文' })
    // Element Plus hides the native checkbox behind its styled box: click the box's label.
    await asBody.locator('xpath=ancestor::label[1]').click()
    expect(await asBody.isChecked()).toBe(true)
    await dialog.getByRole('button', { name: '作为底稿' }).click()
    await page.waitForURL(/#\/reports\/[^/]+$/)
    const editor = page.locator('.ProseMirror')
    await expect.poll(() => editor.textContent()).toContain('完善制度制定执法公示办法1项。')
    expect(await editor.locator('section[data-level="4"]').count()).toBe(0)
    await app.goHome()
    const draftTitle = '中共青禾镇委员会 青禾镇人民政府关于2025年法治政府建设情况的报告'
    const row = page.getByRole('row').filter({ has: page.getByRole('cell', { name: draftTitle, exact: true }) })
    await row.waitFor()
    expect((await row.getByRole('cell').allInnerTexts())[1].trim()).toBe('2025')
    expect(app.pageErrors).toEqual([])
  })
})
