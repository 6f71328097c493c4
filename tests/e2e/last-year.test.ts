// 新建报告 offers last year's report of the same template AND the same issuing organ (issue 9
// item 5): 乙镇's report is never offered to 甲镇; with two of 甲镇's own, the clerk chooses.
import { describe, expect, it } from 'vitest'
import type { Locator, Page } from 'playwright-core'
import { useApp } from './app'

let page: Page

const app = useApp((a) => {
  page = a.page
})

async function home(): Promise<void> {
  await page.goto(`${app.url}#/`)
  await page.getByRole('heading', { name: '报告列表', level: 1 }).waitFor()
}

async function openNew(organ: string, year: string): Promise<Locator> {
  await home()
  await page.getByRole('button', { name: '新建报告' }).click()
  const dialog = page.getByRole('dialog', { name: '新建报告' })
  await dialog.getByRole('textbox', { name: '发文机关', exact: true }).fill(organ)
  await dialog.getByRole('textbox', { name: '年度' }).fill(year)
  return dialog
}

async function create(organ: string, year: string): Promise<void> {
  const dialog = await openNew(organ, year)
  await dialog.getByRole('button', { name: '创建' }).click()
  await page.getByRole('textbox', { name: '报告正文' }).waitFor()
}

describe('last year is the right last year', () => {
  it('offers only the same organ’s report, and lets the clerk choose among several', async () => {
    await create('甲镇人民政府', '2023')
    await create('乙镇人民政府', '2023')

    let dialog = await openNew('甲镇人民政府', '2024')
    const box = dialog.getByRole('group', { name: '去年的报告' }).last()
    await expect.poll(() => box.textContent()).toContain('已找到：甲镇人民政府关于2023年法治政府建设情况的报告')
    expect(await box.textContent()).not.toContain('乙镇')
    await dialog.getByRole('textbox', { name: '发文机关', exact: true }).fill('丙镇人民政府')
    await expect.poll(() => box.count()).toBe(0)
    await dialog.getByRole('button', { name: '取消' }).click()

    // A second 2023 report of 甲镇 (a copy): now the clerk must choose; nothing is preselected.
    await home()
    const row = page.getByRole('row').filter({ has: page.getByRole('cell', { name: '甲镇人民政府关于2023年法治政府建设情况的报告', exact: true }) })
    await row.getByRole('button', { name: '复制' }).click()
    await expect.poll(() => page.getByRole('cell', { name: /（副本）$/ }).count()).toBe(1)
    dialog = await openNew('甲镇人民政府', '2024')
    const choose = dialog.getByRole('combobox', { name: '选择去年的报告' })
    await choose.waitFor({ state: 'attached' })
    expect(await dialog.getByRole('checkbox', { name: /以去年报告为底稿/ }).count()).toBe(0)
    await choose.click({ force: true })
    const options = page.getByRole('option', { name: /甲镇人民政府关于2023年/ })
    await expect.poll(() => options.count()).toBe(2)
    expect(await page.getByRole('option', { name: /乙镇/ }).count()).toBe(0)
    await options.filter({ hasText: '（副本）' }).click()
    await dialog.getByRole('checkbox', { name: /以去年报告为底稿/ }).waitFor({ state: 'attached' })
    expect(app.pageErrors).toEqual([])
  })
})
