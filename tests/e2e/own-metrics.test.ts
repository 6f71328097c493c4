// The clerk's own figures (issue 9 items 2–3) in the built renderer: in a 年度工作总结 (a template
// without metrics) a figure selected in the text becomes a metric with 设为指标, another with
// 新建指标 in 数字检查; the panel lists them under the section citing them, follows a rename,
// and deleting one turns its chip back into the same text. In a 法治政府 report, a figure that
// would change an already-filled metric is not converted and the dialog says why; a metric of
// the report is made from it instead. (The lock on 送审 is tested in storage, report-metrics-db.)
import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { RULE_OF_LAW_TEMPLATE, WORK_SUMMARY_TEMPLATE } from '@core/templates'
import { useApp } from './app'
import { selectText, typeInSection } from './editor-helpers'

let page: Page

const app = useApp((a) => {
  page = a.page
})

async function newReport(templateName: string, organ: string): Promise<void> {
  await page.goto(`${app.url}#/`)
  await page.getByRole('heading', { name: '报告列表', level: 1 }).waitFor()
  await page.getByRole('button', { name: '新建报告' }).click()
  const dialog = page.getByRole('dialog', { name: '新建报告' })
  await dialog.getByRole('combobox', { name: '报告模板' }).click({ force: true })
  await page.getByRole('option', { name: templateName, exact: true }).click()
  await dialog.getByRole('textbox', { name: '发文机关', exact: true }).fill(organ)
  await dialog.getByRole('textbox', { name: '年度' }).fill('2024')
  // A real addressee: 送审 refuses the template's ×× placeholder.
  await dialog.getByRole('textbox', { name: '主送机关' }).fill('某县人民政府')
  await dialog.getByRole('button', { name: '创建' }).click()
  await page.getByRole('textbox', { name: '报告正文' }).waitFor()
}

describe('metrics of the report itself', () => {
  it('设为指标, 新建指标, rename and delete in a 年度工作总结', async () => {
    await newReport(WORK_SUMMARY_TEMPLATE.name, '丙镇人民政府')
    const body = page.getByRole('textbox', { name: '报告正文' })
    const panel = page.getByRole('region', { name: '指标' })
    await typeInSection(page, /请改为第一项重点工作/, '全年领导班子会议学法8次，党委中心组学习13次。')

    // 设为指标 from a selection: the label is proposed from the words, editable before saving.
    await selectText(page, body, '8次')
    await page.getByRole('button', { name: '设为指标' }).click()
    const create = page.getByRole('dialog', { name: '新建指标' })
    const label = create.getByRole('textbox', { name: '指标名称' })
    await expect.poll(() => label.inputValue()).toBe('领导班子会议学法次数')
    expect(await create.getByRole('textbox', { name: '指标单位' }).inputValue()).toBe('次')
    await create.getByRole('button', { name: '保存指标' }).click()
    await expect.poll(() => body.locator('.metric-chip', { hasText: /^8次$/ }).count()).toBe(1)
    await expect.poll(() => panel.getByRole('textbox', { name: '领导班子会议学法次数' }).inputValue()).toBe('8')
    // Grouped under the section citing it, by its current (numbered) title.
    await expect.poll(() => panel.getByRole('heading', { name: /请改为第一项重点工作/ }).count()).toBe(1)

    // 数字检查: no template metric, so nothing is offered; 新建指标 makes one.
    await page.getByRole('button', { name: '数字检查' }).click()
    const check = page.getByRole('dialog', { name: '数字检查' })
    await check.getByRole('list', { name: '正文中的数字' }).waitFor()
    expect(await check.getByRole('button', { name: '将“13次”转为指标' }).isDisabled()).toBe(true)
    if (process.env.HUIBAO_E2E_SHOTS) await page.screenshot({ path: `${process.env.HUIBAO_E2E_SHOTS}/figure-check-own.png` })
    await check.getByRole('button', { name: '为“13次”新建指标' }).click()
    const create2 = page.getByRole('dialog', { name: '新建指标' })
    await expect.poll(() => create2.getByRole('textbox', { name: '指标名称' }).inputValue()).toBe('党委中心组学习次数')
    if (process.env.HUIBAO_E2E_SHOTS) await page.screenshot({ path: `${process.env.HUIBAO_E2E_SHOTS}/new-own-metric.png` })
    await create2.getByRole('button', { name: '保存指标' }).click()
    await expect.poll(() => check.getByRole('list', { name: '正文中的数字' }).count()).toBe(0)
    await check.getByRole('button', { name: '关闭', exact: true }).last().click()
    await expect.poll(() => body.locator('.metric-chip', { hasText: /^13次$/ }).count()).toBe(1)

    // Rename: the panel follows, the text does not change.
    await panel.getByRole('button', { name: '修改指标党委中心组学习次数' }).click()
    const edit = page.getByRole('dialog', { name: '修改指标' })
    await edit.getByRole('textbox', { name: '指标名称' }).fill('中心组学习次数')
    await edit.getByRole('button', { name: '保存指标' }).click()
    await expect.poll(() => panel.getByRole('textbox', { name: '中心组学习次数' }).inputValue()).toBe('13')
    expect(await body.textContent()).toContain('全年领导班子会议学法8次，党委中心组学习13次。')

    if (process.env.HUIBAO_E2E_SHOTS) await page.screenshot({ path: `${process.env.HUIBAO_E2E_SHOTS}/own-metrics-panel.png` })
    // Delete a cited one: the chip becomes its text again.
    await panel.getByRole('button', { name: '删除指标领导班子会议学法次数' }).click()
    await page.getByRole('dialog', { name: /删除指标/ }).getByRole('button', { name: '删除' }).click()
    await expect.poll(() => panel.getByRole('textbox', { name: '领导班子会议学法次数' }).count()).toBe(0)
    expect(await body.locator('.metric-chip', { hasText: /^8次$/ }).count()).toBe(0)
    expect(await body.textContent()).toContain('全年领导班子会议学法8次，党委中心组学习13次。')

    expect(app.pageErrors).toEqual([])
  })

  it('数字检查 does not convert a figure that would change an already-filled metric, and says why', async () => {
    await newReport(RULE_OF_LAW_TEMPLATE.name, '丁镇人民政府')
    const panel = page.getByRole('region', { name: '指标' })
    const patrols = panel.getByRole('textbox', { name: '日常巡查次数' })
    await patrols.fill('120')
    await patrols.press('Enter')
    await typeInSection(page, /严格规范公正文明执法/, '开展日常巡查13次。')
    await page.getByRole('button', { name: '数字检查' }).click()
    const check = page.getByRole('dialog', { name: '数字检查' })
    await check.getByRole('list', { name: '正文中的数字' }).waitFor()
    await check.getByRole('button', { name: '将“13次”转为指标' }).click()
    const alert = check.getByRole('alert')
    await expect.poll(() => alert.textContent()).toContain('已填写为“120次”')
    await check.getByRole('button', { name: '关闭', exact: true }).last().click()
    const body = page.getByRole('textbox', { name: '报告正文' })
    expect(await body.textContent()).toContain('开展日常巡查13次。')
    expect(await body.locator('.metric-chip').count()).toBe(0)

    // A metric of the report made from that figure instead.
    await page.getByRole('button', { name: '数字检查' }).click()
    await check.getByRole('button', { name: '为“13次”新建指标' }).click()
    const create = page.getByRole('dialog', { name: '新建指标' })
    await create.getByRole('textbox', { name: '指标名称' }).fill('巡查外的学习次数')
    await create.getByRole('button', { name: '保存指标' }).click()
    await expect.poll(() => panel.getByRole('textbox', { name: '巡查外的学习次数' }).inputValue()).toBe('13')
    await check.getByRole('button', { name: '关闭', exact: true }).last().click()
    expect(app.pageErrors).toEqual([])
  })
})
