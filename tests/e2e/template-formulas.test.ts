// The template editor in the built renderer: formulas written with metric names (【名称】) or
// picked from a list, never with ids; an unknown name is refused by name; the stored formula
// survives a reload and follows a rename.
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { exportTemplateFile } from '@core/template-file'
import type { MetricDefinition, ReportTemplate } from '@core/template'
import { useApp } from './app'

let page: Page

const app = useApp((a) => {
  page = a.page
})

describe('template editor formulas by name', () => {
  it('writes 【名称】 formulas by hand and by picking, refuses an unknown name, keeps ids inside', async () => {
    await page.goto(`${app.url}#/templates`)
    await page.getByRole('heading', { name: '模板管理' }).waitFor()
    await page.getByRole('button', { name: '新建模板' }).click()
    const create = page.getByRole('dialog', { name: '新建模板' })
    await create.getByRole('radio', { name: '空白模板' }).check({ force: true })
    await create.getByRole('textbox', { name: '模板名称' }).fill('复议诉讼统计')
    await create.getByRole('button', { name: '创建模板' }).click()
    await page.getByRole('heading', { name: '编辑模板' }).waitFor()

    await page.getByRole('button', { name: '添加指标', exact: true }).click()
    await page.getByRole('button', { name: '添加指标', exact: true }).click()
    await page.getByRole('textbox', { name: '指标名称m1', exact: true }).fill('行政复议案件数')
    await page.getByRole('textbox', { name: '指标名称m2', exact: true }).fill('行政诉讼案件数')
    await page.getByRole('button', { name: '添加计算指标' }).click()
    await page.getByRole('textbox', { name: '指标名称m3', exact: true }).fill('复议诉讼比')
    const formula = page.getByRole('textbox', { name: '复议诉讼比公式', exact: true })

    // By hand, with an unknown name: refused naming it, and 保存 lists it.
    await formula.fill('【行政复议案件数】÷【行政应诉案件数】×100')
    const row = page.getByRole('row').filter({ has: formula })
    await expect.poll(() => row.getByRole('alert').textContent()).toContain('“【行政应诉案件数】”不是本模板的指标名称')
    await page.getByRole('button', { name: '保存模板' }).click()
    await expect.poll(() => page.getByRole('list', { name: '模板问题' }).textContent()).toContain('【行政应诉案件数】')

    // By hand, right: no message.
    await formula.fill('【行政复议案件数】÷【行政诉讼案件数】×100')
    await expect.poll(() => row.getByRole('alert').count()).toBe(0)

    // By picking: 选择指标 inserts the name token at the caret.
    await formula.fill('')
    await page.getByRole('button', { name: '复议诉讼比公式选择指标' }).click()
    let picker = page.getByRole('dialog', { name: '选择指标' })
    await picker.getByRole('button', { name: '行政复议案件数', exact: true }).click()
    await picker.waitFor({ state: 'hidden' })
    expect(await formula.inputValue()).toBe('【行政复议案件数】')
    await formula.click()
    await page.keyboard.press('End')
    await page.keyboard.type('÷')
    await page.getByRole('button', { name: '复议诉讼比公式选择指标' }).click()
    picker = page.getByRole('dialog', { name: '选择指标' })
    await picker.getByRole('textbox', { name: '搜索指标' }).fill('诉讼')
    await picker.getByRole('button', { name: '行政诉讼案件数', exact: true }).click()
    await picker.waitFor({ state: 'hidden' })
    expect(await formula.inputValue()).toBe('【行政复议案件数】÷【行政诉讼案件数】')
    await formula.click()
    await page.keyboard.press('End')
    await page.keyboard.type('×100')
    await expect.poll(() => row.getByRole('alert').count()).toBe(0)

    await page.getByRole('button', { name: '保存模板' }).click()
    await expect.poll(() => page.getByText(/已保存为第 \d+ 版/).count()).toBeGreaterThan(0)

    // Stored with ids: after a reload it reads the same, and a rename carries into the formula.
    await page.reload()
    const again = page.getByRole('textbox', { name: '复议诉讼比公式', exact: true })
    await again.waitFor()
    expect(await again.inputValue()).toBe('【行政复议案件数】÷【行政诉讼案件数】×100')
    await page.getByRole('textbox', { name: '指标名称m2', exact: true }).fill('诉讼案件数')
    await expect.poll(() => again.inputValue()).toBe('【行政复议案件数】÷【诉讼案件数】×100')
    expect(app.pageErrors).toEqual([])
  })
  it('a template with 2,000 metrics opens with only the rows in view, and a row far down is reached and edited', async () => {
    const metrics: MetricDefinition[] = Array.from({ length: 2000 }, (_, i) => ({
      id: `k${i + 1}`,
      label: `第${i + 1}项事项办理件数`,
      unit: '件',
      type: 'integer',
      qualifiers: [],
      sectionKey: 's1'
    }))
    metrics[1999] = { ...metrics[1999], label: '末项办结率', unit: '%', type: 'percent', formula: '{k1} / {k2} * 100' }
    const big: ReportTemplate = {
      id: 'e2e-two-thousand',
      version: 1,
      name: '两千指标模板',
      description: '',
      builtIn: false,
      titlePattern: '{organs}关于{year}年工作情况的报告',
      defaultAddressee: '',
      preambleGuidance: '',
      sections: [{ key: 's1', level: 1, title: '工作情况', guidance: '', required: true }],
      metrics
    }
    const file = join(app.session.profileDir, 'big.hbtpl.json')
    writeFileSync(file, exportTemplateFile(big))
    await page.goto(`${app.url}#/templates`)
    await page.getByRole('heading', { name: '模板管理' }).waitFor()
    await page.getByLabel('选择模板文件').setInputFiles(file)
    await page.getByRole('button', { name: '编辑「两千指标模板」' }).click()
    await page.getByRole('textbox', { name: '指标名称k1', exact: true }).waitFor()
    // Windowed: a few dozen rows in the DOM, not 2,000.
    const rendered = await page.locator('tr.metric-row').count()
    expect(rendered).toBeGreaterThan(5)
    expect(rendered).toBeLessThan(80)
    expect(await page.getByRole('textbox', { name: '指标名称k2000', exact: true }).count()).toBe(0)
    // Scroll to the end: the last row (a computed one) is there, its formula shown by name.
    await page.locator('.metric-scroll').evaluate((el) => el.scrollTo(0, el.scrollHeight))
    const last = page.getByRole('textbox', { name: '末项办结率公式', exact: true })
    await last.waitFor()
    expect(await last.inputValue()).toBe('【第1项事项办理件数】÷【第2项事项办理件数】×100')
    await page.getByRole('textbox', { name: '指标名称k1999', exact: true }).fill('倒数第二项件数')
    await last.fill('【倒数第二项件数】÷【第2项事项办理件数】×100')
    await page.getByRole('button', { name: '保存模板' }).click()
    await expect.poll(() => page.getByText(/已保存为第 \d+ 版/).count()).toBeGreaterThan(0)
    await page.reload()
    await page.getByRole('textbox', { name: '指标名称k1', exact: true }).waitFor()
    await page.locator('.metric-scroll').evaluate((el) => el.scrollTo(0, el.scrollHeight))
    await expect.poll(() => page.getByRole('textbox', { name: '末项办结率公式', exact: true }).inputValue()).toBe('【倒数第二项件数】÷【第2项事项办理件数】×100')
    expect(app.pageErrors).toEqual([])
  })
})
