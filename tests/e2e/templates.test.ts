// Templates and figures in the built renderer, as a clerk uses them: the disclosure report's
// Table 三 adds up by itself; a report becomes a template that is exported and imported back
// (a broken file is refused whole); next year's report starts from last year's and shows last
// year's figures and a computed year-on-year chip.
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Locator, Page } from 'playwright-core'
import { GOV_DISCLOSURE_TEMPLATE, RULE_OF_LAW_TEMPLATE } from '@core/templates'
import { metricTableCellId } from '@core/metric-tables'
import { useApp } from './app'

let page: Page
const SHOTS = process.env.HUIBAO_E2E_SHOTS

const app = useApp((a) => {
  page = a.page
})

async function shot(name: string): Promise<void> {
  if (SHOTS) await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: false })
}

async function newReport(templateName: string, year: string, options: { fromLastYear?: boolean } = {}): Promise<Locator> {
  await app.goHome()
  await page.getByRole('button', { name: '新建报告' }).click()
  const dialog = page.getByRole('dialog', { name: '新建报告' })
  await dialog.waitFor()
  // Element Plus keeps the combobox input 0 px wide inside its wrapper: click it through.
  await dialog.getByRole('combobox', { name: '报告模板' }).click({ force: true })
  await page.getByRole('option', { name: templateName, exact: true }).click()
  await dialog.getByRole('textbox', { name: '发文机关', exact: true }).fill('甲镇人民政府')
  await dialog.getByRole('textbox', { name: '年度' }).fill(year)
  if (options.fromLastYear) {
    const box = dialog.getByRole('checkbox', { name: /以去年报告为底稿/ })
    // Element Plus hides the native checkbox behind its styled box.
    await box.waitFor({ state: 'attached' })
    await shot('new-report-from-last-year')
    await dialog.getByText(/以去年报告为底稿/).click()
    expect(await box.isChecked()).toBe(true)
  }
  await dialog.getByRole('button', { name: '创建' }).click()
  await page.getByRole('textbox', { name: '报告正文' }).waitFor()
  return page.getByRole('region', { name: '指标' })
}

describe('templates and figures', () => {
  it('the disclosure report: Table 三 filled partly shows computed totals and flags an imbalance, in the dialog and in the editor text', async () => {
    const metrics = await newReport(GOV_DISCLOSURE_TEMPLATE.name, '2024')
    const t3 = GOV_DISCLOSURE_TEMPLATE.tables!.find((t) => t.id === 'disclosure.t3')!
    await metrics.getByRole('button', { name: `填写表格：${t3.title}` }).click()
    const dialog = page.getByRole('dialog', { name: t3.title })
    await dialog.waitFor()
    const label = (row: string, col: string) => GOV_DISCLOSURE_TEMPLATE.metrics.find((m) => m.id === metricTableCellId(t3.id, row, col))!.label
    const fill = async (row: string, col: string, value: string) => {
      const input = dialog.getByRole('textbox', { name: label(row, col), exact: true })
      await input.fill(value)
      await input.press('Enter')
    }
    await fill('received', 'natural', '41')
    await fill('received', 'business', '6')
    await fill('disclosed', 'natural', '30')
    await fill('notHandled.repeated', 'business', '2')
    const computed = (row: string, col: string) => dialog.getByLabel(`${label(row, col)}（自动计算）`, { exact: true })
    await expect.poll(() => computed('received', 'total').textContent()).toBe('47')
    await expect.poll(() => computed('handledTotal', 'natural').textContent()).toBe('30')
    await expect.poll(() => computed('handledTotal', 'total').textContent()).toBe('32')
    // 自然人: 41 new + 0 carried ≠ 30 handled + 6 carried out → flagged.
    await fill('carriedIn', 'natural', '0')
    await fill('carriedOut', 'natural', '6')
    const problems = dialog.getByRole('list', { name: '表格校验' })
    await expect.poll(() => problems.textContent()).toMatch(/自然人.*不平衡/)
    await fill('carriedOut', 'natural', '11')
    // The 总计 column balances only once every column does: 6 new = 2 handled + 4 carried out.
    await fill('carriedIn', 'business', '0')
    await fill('carriedOut', 'business', '4')
    await expect.poll(() => problems.count()).toBe(0)
    // A total cannot be typed: it is not an input at all.
    expect(await dialog.getByRole('textbox', { name: label('received', 'total'), exact: true }).count()).toBe(0)
    await shot('table3')
    await page.keyboard.press('Escape')
    await dialog.waitFor({ state: 'hidden' })

    // The same table, read-only in the editor's text after its section, follows the values.
    const body = page.getByRole('textbox', { name: '报告正文' })
    const inBody = body.getByRole('table', { name: t3.title, exact: true })
    const bodyCell = (row: string, col: string) => inBody.locator(`td[data-metric-id="${metricTableCellId(t3.id, row, col)}"]`)
    await expect.poll(() => bodyCell('received', 'total').textContent()).toBe('47')
    await expect.poll(() => bodyCell('handledTotal', 'total').textContent()).toBe('32')
    expect(await bodyCell('received', 'natural').textContent()).toBe('41')
    expect(await bodyCell('handledTotal', 'total').evaluate((td) => getComputedStyle(td).textAlign)).toBe('right')
    expect(await body.getByRole('group', { name: `统计表：${t3.title}` }).locator('figcaption').textContent()).toBe(t3.title)
    // A widget, not text: the clerk cannot type into it.
    expect(await body.evaluate((el) => el.querySelector('.section-metric-tables')?.getAttribute('contenteditable'))).toBe('false')
    await inBody.scrollIntoViewIfNeeded()
    await shot('table3-in-editor')
    await body.getByRole('button', { name: `填写表格：${t3.title}` }).click()
    await dialog.waitFor()
    await page.keyboard.press('Escape')
  })

  it('makes a template from a report, exports it and imports it back; a broken file stores nothing', async () => {
    await page.goto(`${app.url}#/templates`)
    await page.getByRole('heading', { name: '模板管理' }).waitFor()
    await page.getByRole('button', { name: '新建模板' }).click()
    const dialog = page.getByRole('dialog', { name: '新建模板' })
    await dialog.getByRole('radio', { name: '由报告存为模板' }).check({ force: true })
    await dialog.getByRole('textbox', { name: '模板名称' }).fill('县定信息公开模板')
    await dialog.getByRole('button', { name: '创建模板' }).click()
    await page.getByRole('heading', { name: '编辑模板' }).waitFor()
    expect(await page.getByRole('textbox', { name: '第1个章节标题' }).inputValue()).toBe('总体情况')
    await shot('template-editor')

    await page.getByRole('button', { name: '返回模板管理' }).click()
    const row = page.getByRole('row').filter({ hasText: '县定信息公开模板' })
    await row.waitFor()
    const downloading = page.waitForEvent('download')
    await row.getByRole('button', { name: '导出「县定信息公开模板」' }).click()
    const download = await downloading
    expect(download.suggestedFilename()).toBe('县定信息公开模板.hbtpl.json')
    const path = join(app.session.profileDir, 'exported.hbtpl.json')
    await download.saveAs(path)
    const exported = JSON.parse(readFileSync(path, 'utf8'))
    expect(exported.kind).toBe('huibao-template')
    expect(exported.templates[0].sections.map((s: { title: string }) => s.title).slice(0, 1)).toEqual(['总体情况'])

    // A broken copy: one formula cannot be parsed → refused, listed, nothing stored.
    const broken = JSON.parse(JSON.stringify(exported))
    broken.templates[0].metrics[0].formula = 'sum(('
    const brokenPath = join(app.session.profileDir, 'broken.hbtpl.json')
    writeFileSync(brokenPath, JSON.stringify(broken))
    const rowsBefore = await page.getByRole('row').count()
    await page.getByLabel('选择模板文件').setInputFiles(brokenPath)
    const problems = page.getByRole('list', { name: '导入问题' })
    await problems.waitFor()
    expect(await problems.textContent()).toMatch(/公式有误/)
    expect(await page.getByRole('row').count()).toBe(rowsBefore)
    await shot('import-broken')

    await page.getByLabel('选择模板文件').setInputFiles(path)
    // Same id as the template it came from: imported as its next version.
    await expect.poll(() => row.textContent()).toMatch(/第 2 版/)
    expect(await page.getByRole('row').count()).toBe(rowsBefore)
  })

  it('next year from last year: text advanced, figures cleared, last year beside each input, a year-on-year chip', async () => {
    let metrics = await newReport(RULE_OF_LAW_TEMPLATE.name, '2023')
    const patrols = metrics.getByRole('textbox', { name: '日常巡查次数' })
    await patrols.fill('120')
    await patrols.press('Enter')
    await expect.poll(() => page.getByRole('status').first().textContent(), { timeout: 5000 }).toMatch(/已保存/)

    metrics = await newReport(RULE_OF_LAW_TEMPLATE.name, '2024', { fromLastYear: true })
    const outline = page.getByRole('navigation', { name: '大纲' })
    // Outline entries may be shortened on screen; the accessible name carries the full title.
    expect(await outline.getByRole('button', { name: /2024年度推进法治政府建设的主要举措和成效/ }).count()).toBeGreaterThan(0)
    const input = metrics.getByRole('textbox', { name: '日常巡查次数' })
    expect(await input.inputValue()).toBe('')
    const group = metrics.locator('.metric').filter({ has: page.getByRole('textbox', { name: '日常巡查次数' }) })
    await expect.poll(() => group.textContent()).toContain('去年：120次')
    await input.fill('139')
    await input.press('Enter')
    await expect.poll(() => group.textContent()).toContain(`同比增长${Number(((19 / 120) * 100).toFixed(1))}%`)

    const body = page.getByRole('textbox', { name: '报告正文' })
    await body.click()
    await page.keyboard.press('End')
    await metrics.getByRole('button', { name: '插入日常巡查次数同比' }).click()
    const chip = body.locator('.metric-chip--yoy').first()
    await expect.poll(() => chip.textContent()).toBe(`同比增长${Number(((19 / 120) * 100).toFixed(1))}%`)
    await shot('yoy-chip')
  })

  it('数字检查 finds a figure typed as text and turns it into a chip that fills the metric', async () => {
    const body = page.getByRole('textbox', { name: '报告正文' })
    await body.locator('.metric-chip--yoy').first().click()
    await page.keyboard.press('End')
    await page.keyboard.type('，纠正占道经营26起')
    await page.getByRole('button', { name: '数字检查' }).click()
    const dialog = page.getByRole('dialog', { name: '数字检查' })
    const list = dialog.getByRole('list', { name: '正文中的数字' })
    await list.waitFor()
    expect(await list.textContent()).toContain('“26起”')
    await shot('figure-check')
    await dialog.getByRole('button', { name: '将“26起”转为指标' }).click()
    await expect.poll(() => list.count()).toBe(0)
    await dialog.getByRole('button', { name: '关闭', exact: true }).last().click()
    const metrics = page.getByRole('region', { name: '指标' })
    expect(await metrics.getByRole('textbox', { name: '纠正违法占道经营起数' }).inputValue()).toBe('26')
    await expect.poll(() => body.locator('.metric-chip', { hasText: /^26起$/ }).count()).toBe(1)
    expect(app.pageErrors).toEqual([])
  })

  it('the metric summary attachment of the linked report can carry last year’s column (附去年数值)', async () => {
    // Still the 2024 report linked to 2023's: 日常巡查 139 now, 120 last year.
    await page.getByRole('button', { name: '页面视图' }).click()
    const bar = page.getByRole('toolbar', { name: '页面视图工具栏' })
    const previousColumn = bar.getByRole('checkbox', { name: '附去年数值' })
    await previousColumn.waitFor()
    // Only with the summary table itself.
    expect(await previousColumn.isDisabled()).toBe(true)
    await bar.getByRole('checkbox', { name: '附指标汇总表' }).check()
    await expect.poll(() => previousColumn.isEnabled()).toBe(true)
    const table = page.locator('.hb-table-att').first()
    await table.waitFor()
    expect(await table.locator('thead th').allTextContents()).toEqual(['指标', '单位', '数值'])
    await previousColumn.check()
    await expect.poll(() => table.locator('thead th').allTextContents()).toEqual(['指标', '单位', '数值', '上年数值', '增减'])
    const patrols = RULE_OF_LAW_TEMPLATE.metrics.find((m) => m.id === 'enforcement.patrols')!
    const row = page.locator('.hb-table-att tbody tr', { has: page.getByText(patrols.label, { exact: true }) })
    expect((await row.locator('td').allTextContents()).map((t) => t.trim())).toEqual([patrols.label, patrols.unit, '139', '120', '+19'])
    await shot('summary-with-last-year')
    expect(app.pageErrors).toEqual([])
  })
})
