// Table 三 of the 政府信息公开 report filled like a spreadsheet in the built renderer: Enter,
// arrows and Tab move between cells; a block copied from Excel (tabs, CRLF, a full-width digit,
// a thousands separator, the sheet's own 总计 column and an empty heading line) is pasted through
// the clipboard into the focused cell; a bad value is refused on its own; 其余填0 fills the rest;
// every stored cell and every computed total is checked, also after a reload.
import { beforeAll, describe, expect, it } from 'vitest'
import type { Locator, Page } from 'playwright-core'
import { GOV_DISCLOSURE_TEMPLATE as T } from '@core/templates'
import { metricTableCellId } from '@core/metric-tables'
import { useApp } from './app'

let page: Page

const t3 = T.tables!.find((t) => t.id === 'disclosure.t3')!
const COLS = ['natural', 'business', 'research', 'nonprofit', 'legalService', 'otherOrg'] as const
const label = (row: string, col: string) => T.metrics.find((m) => m.id === metricTableCellId(t3.id, row, col))!.label

const app = useApp((a) => {
  page = a.page
})

beforeAll(async () => {
  await app.session.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app.url.replace(/\/$/, '') })
})

async function openTable(): Promise<Locator> {
  await page.getByRole('region', { name: '指标' }).getByRole('button', { name: `填写表格：${t3.title}` }).click()
  const dialog = page.getByRole('dialog', { name: t3.title })
  await dialog.waitFor()
  return dialog
}

const focusedLabel = () => page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? null)

/** Puts text on the system clipboard and pastes it with Ctrl+V into the focused cell. */
async function paste(text: string): Promise<void> {
  await page.evaluate((t) => navigator.clipboard.writeText(t), text)
  await page.keyboard.press('Control+V')
}

describe('Table 三 like a spreadsheet', () => {
  it('moves with Enter/arrows/Tab, pastes an Excel block cell by cell, refuses a bad cell, fills the rest with 0, totals add up', async () => {
    await app.goHome()
    await page.getByRole('button', { name: '新建报告' }).click()
    const create = page.getByRole('dialog', { name: '新建报告' })
    await create.getByRole('combobox', { name: '报告模板' }).click({ force: true })
    await page.getByRole('option', { name: T.name, exact: true }).click()
    await create.getByRole('textbox', { name: '发文机关', exact: true }).fill('甲镇人民政府')
    await create.getByRole('textbox', { name: '年度' }).fill('2024')
    await create.getByRole('button', { name: '创建' }).click()
    await page.getByRole('textbox', { name: '报告正文' }).waitFor()

    let dialog = await openTable()
    const input = (row: string, col: string) => dialog.getByRole('textbox', { name: label(row, col), exact: true })
    const total = (row: string, col: string) => dialog.getByLabel(`${label(row, col)}（自动计算）`, { exact: true })

    // ---- moving: typing 5, Enter, 6 puts 5 and 6 in two cells, one under the other ----
    await input('received', 'natural').click()
    await page.keyboard.type('5')
    await page.keyboard.press('Enter')
    expect(await focusedLabel()).toBe(label('carriedIn', 'natural'))
    await page.keyboard.type('6')
    await page.keyboard.press('Enter')
    // The heading row 三、本年度办理结果 has no cells: Enter goes on to （一）予以公开.
    expect(await focusedLabel()).toBe(label('disclosed', 'natural'))
    await expect.poll(() => input('received', 'natural').inputValue()).toBe('5')
    await expect.poll(() => input('carriedIn', 'natural').inputValue()).toBe('6')
    await expect.poll(() => total('received', 'total').textContent()).toBe('5')
    await page.keyboard.press('ArrowUp')
    expect(await focusedLabel()).toBe(label('carriedIn', 'natural'))
    await page.keyboard.press('ArrowDown')
    await page.keyboard.press('ArrowUp')
    expect(await focusedLabel()).toBe(label('carriedIn', 'natural'))
    // Focus selects the cell's text; the first → only moves the caret to its end, the next leaves.
    await page.keyboard.press('ArrowRight')
    expect(await focusedLabel()).toBe(label('carriedIn', 'natural'))
    await page.keyboard.press('ArrowRight')
    expect(await focusedLabel()).toBe(label('carriedIn', 'business'))
    await page.keyboard.press('ArrowLeft')
    expect(await focusedLabel()).toBe(label('carriedIn', 'natural'))
    await page.keyboard.press('Tab')
    expect(await focusedLabel()).toBe(label('carriedIn', 'business'))
    await page.keyboard.press('Shift+Tab')
    expect(await focusedLabel()).toBe(label('carriedIn', 'natural'))
    // Tab from the last applicant column skips the computed 总计 and wraps to the next row.
    await input('received', 'otherOrg').click()
    await page.keyboard.press('Tab')
    expect(await focusedLabel()).toBe(label('carriedIn', 'natural'))

    // ---- paste a block copied from Excel: rows 一、二、(三、heading), （一）, （二）, with the sheet's 总计 ----
    const block = [
      ['１２', '3', '0', '1', '0', '2', '18'],
      ['1', '0', '0', '0', '0', '0', '1'],
      ['', '', '', '', '', '', ''],
      ['1,024', '2', '0', '1', '0', '1', '1028'],
      ['2', '1', '0', '0', '0', '0', '999']
    ]
    await input('received', 'natural').click()
    await paste(block.map((r) => r.join('\t')).join('\r\n') + '\r\n')
    const result = dialog.getByRole('status', { name: '粘贴结果' })
    await expect.poll(() => result.textContent(), { timeout: 10_000 }).toContain('已填入 24 格')
    expect(await result.textContent()).toContain('4 个合计格由系统自动计算')

    // ---- a row pasted where one cell is not a number: that cell is refused, the rest filled ----
    await input('refused.stateSecret', 'natural').click()
    await paste('0\t无\t0\n')
    await expect.poll(() => result.textContent()).toContain('已填入 2 格；1 格未填入')
    const refusals = dialog.getByRole('list', { name: '未填入的数字' })
    expect(await refusals.textContent()).toContain(`${label('refused.stateSecret', 'business')}：“无”未填入：请输入整数`)
    expect(await input('refused.stateSecret', 'business').inputValue()).toBe('')

    // Expected stored values: the pasted ones; every other input empty until 其余填0.
    const expected = new Map<string, string>()
    const rowsPasted = ['received', 'carriedIn', null, 'disclosed', 'partly'] as const
    const ascii = (s: string) => s.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0)).replace(/,/g, '')
    rowsPasted.forEach((row, i) => {
      if (row) COLS.forEach((col, j) => expected.set(`${row}|${col}`, ascii(block[i][j])))
    })
    expected.set('refused.stateSecret|natural', '0')
    expected.set('refused.stateSecret|research', '0')
    const inputRows = t3.rows.filter((r) => !r.heading && r.key !== 'handledTotal').map((r) => r.key)
    expect(inputRows).toHaveLength(24)
    for (const row of inputRows) for (const col of COLS) expect(await input(row, col).inputValue(), `${row}/${col}`).toBe(expected.get(`${row}|${col}`) ?? '')
    // 310 never appears: each pasted number sits in its own cell.
    expect(await input('received', 'natural').inputValue()).toBe('12')

    // Totals computed from what was stored; the sheet's stale 999 was not used.
    await expect.poll(() => total('received', 'total').textContent()).toBe('18')
    expect(await total('partly', 'total').textContent()).toBe('3')
    expect(await total('disclosed', 'total').textContent()).toBe('1028')

    // ---- 其余填0: the empty inputs become 0, nothing typed is touched ----
    const status = dialog.getByRole('toolbar', { name: '表格操作' }).getByRole('status')
    expect(await status.textContent()).toMatch(/尚有 \d+ 格未填写/)
    await dialog.getByRole('button', { name: '其余填0' }).click()
    await expect.poll(() => status.textContent(), { timeout: 10_000 }).toBe('所有格都已填写')
    for (const row of inputRows) for (const col of COLS) if (!expected.has(`${row}|${col}`)) expected.set(`${row}|${col}`, '0')

    const checkAll = async (): Promise<void> => {
      const num = (row: string, col: string) => Number(expected.get(`${row}|${col}`) ?? '0')
      for (const row of inputRows) {
        for (const col of COLS) expect(await input(row, col).inputValue(), `${row}/${col}`).toBe(expected.get(`${row}|${col}`))
        expect(await total(row, 'total').textContent(), `${row}/总计`).toBe(String(COLS.reduce((s, c) => s + num(row, c), 0)))
      }
      // （七）总计: （一）…（六）, i.e. every input row between 三、 and （七）. By hand: only （一）（二） and 1.属于国家秘密 hold numbers.
      const handled: Record<string, number> = { natural: 1026, business: 3, research: 0, nonprofit: 1, legalService: 0, otherOrg: 1 }
      for (const col of COLS) expect(await total('handledTotal', col).textContent(), `（七）总计/${col}`).toBe(String(handled[col]))
      expect(await total('handledTotal', 'total').textContent()).toBe('1031')
      expect(await total('carriedOut', 'total').textContent()).toBe('0')
    }
    await checkAll()

    // ---- stored, not just shown: after a reload the same figures come back ----
    await page.keyboard.press('Escape')
    await dialog.waitFor({ state: 'hidden' })
    await page.reload()
    await page.getByRole('textbox', { name: '报告正文' }).waitFor()
    dialog = await openTable()
    await checkAll()

    // ---- a cell's chip from the dialog: 插入 puts it in the text and closes the dialog ----
    await input('received', 'natural').click()
    await dialog.getByRole('group', { name: '当前格' }).getByRole('button', { name: `插入${label('received', 'natural')}`, exact: true }).click()
    await dialog.waitFor({ state: 'hidden' })
    const chip = page.getByRole('textbox', { name: '报告正文' }).locator(`.metric-chip[data-metric-id="${metricTableCellId(t3.id, 'received', 'natural')}"]`)
    await expect.poll(() => chip.count()).toBe(1)
    expect(await chip.textContent()).toBe('12件')
    expect(app.pageErrors).toEqual([])
  })
  it('linked to last year: every cell shows last year’s value, and the focused cell offers 插入同比', async () => {
    // Next year's report from the 2024 one filled above.
    await app.goHome()
    await page.getByRole('button', { name: '新建报告' }).click()
    const create = page.getByRole('dialog', { name: '新建报告' })
    await create.getByRole('combobox', { name: '报告模板' }).click({ force: true })
    await page.getByRole('option', { name: T.name, exact: true }).click()
    await create.getByRole('textbox', { name: '发文机关', exact: true }).fill('甲镇人民政府')
    await create.getByRole('textbox', { name: '年度' }).fill('2025')
    await create.getByRole('checkbox', { name: /以去年报告为底稿/ }).waitFor({ state: 'attached' })
    await create.getByText(/以去年报告为底稿/).click()
    await create.getByRole('button', { name: '创建' }).click()
    await page.getByRole('textbox', { name: '报告正文' }).waitFor()

    const dialog = await openTable()
    const input = (row: string, col: string) => dialog.getByRole('textbox', { name: label(row, col), exact: true })
    const cell = (row: string, col: string) => dialog.locator('td').filter({ has: page.getByRole('textbox', { name: label(row, col), exact: true }) })
    // Last year's figures, this year's cells empty.
    expect(await input('received', 'natural').inputValue()).toBe('')
    expect(await cell('received', 'natural').textContent()).toContain('去年 12')
    expect(await cell('disclosed', 'natural').textContent()).toContain('去年 1024')
    expect(await cell('carriedOut', 'otherOrg').textContent()).toContain('去年 0')
    await input('received', 'natural').click()
    await page.keyboard.type('15')
    await page.keyboard.press('Enter')
    await input('received', 'natural').click()
    const current = dialog.getByRole('group', { name: '当前格' })
    await expect.poll(() => current.textContent()).toContain('去年：12 · 同比增长25%')
    await current.getByRole('button', { name: `插入${label('received', 'natural')}同比`, exact: true }).click()
    await dialog.waitFor({ state: 'hidden' })
    const chip = page.getByRole('textbox', { name: '报告正文' }).locator(`.metric-chip--yoy[data-metric-id="${metricTableCellId(t3.id, 'received', 'natural')}"]`)
    await expect.poll(() => chip.textContent()).toBe('同比增长25%')
    expect(app.pageErrors).toEqual([])
  })
})
