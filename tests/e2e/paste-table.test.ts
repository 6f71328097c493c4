// Pasting a block of figures from Excel into the report body, as the clerk does: the clipboard
// carries Excel's HTML table and its tab-separated text; the report gets one table with the
// same cells (named "导入的表格"), and one Ctrl+Z takes it out again.
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Locator, Page } from 'playwright-core'
import { launchBrowser, serveRenderer, type BrowserSession, type RendererServer } from './harness'
import { createReportFromHome, typeInSection } from './editor-helpers'

const EXCEL_HTML = readFileSync(resolve(__dirname, '../fixtures/paste/excel.html'), 'utf8')
const EXCEL_TEXT = readFileSync(resolve(__dirname, '../fixtures/paste/excel.txt'), 'utf8').replace(/\n/g, '\r\n')

let server: RendererServer
let session: BrowserSession
let page: Page
let body: Locator

beforeAll(async () => {
  server = await serveRenderer()
  session = await launchBrowser()
  page = session.page
  await page.goto(server.url)
  body = await createReportFromHome(page, '甲镇人民政府')
})

afterAll(async () => {
  await session?.close()
  await server?.close()
})

async function paste(html: string | null, text: string): Promise<void> {
  await body.evaluate(
    (el, { html, text }) => {
      const data = new DataTransfer()
      if (html !== null) data.setData('text/html', html)
      data.setData('text/plain', text)
      el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }))
    },
    { html, text }
  )
}

/** Each row of the named table as its cells' text. */
function tableRows(table: Locator): Promise<string[][]> {
  return table.evaluate((t) => Array.from(t.querySelectorAll('tr'), (tr) => Array.from(tr.querySelectorAll('td'), (td) => td.textContent ?? '')))
}

const ROWS = [
  ['事项\n类别', '办理件数', '涉及金额（万元）'],
  ['行政复议', '14', '2,316.4'],
  ['行政应诉', '3', ''],
  ['合计', '17', '2,316.4']
]

describe('pasting a table from Excel', () => {
  it('puts one table with the same cells into the section; one Ctrl+Z removes it', async () => {
    await typeInSection(page, /^（一）/, '本节原有文字。')
    // The caret goes to the next section's (empty) first paragraph: a separate undo step from the typing.
    await typeInSection(page, /^（二）/, '')
    await paste(EXCEL_HTML, EXCEL_TEXT)
    const tables = body.getByRole('table', { name: '导入的表格' })
    await expect.poll(() => tables.count()).toBe(1)
    expect(await tableRows(tables.first())).toEqual(ROWS)
    // Not loose paragraphs: no cell text outside the table.
    expect(await body.locator('p', { hasText: '行政复议' }).count()).toBe(0)

    await page.keyboard.press('Control+z')
    await expect.poll(() => tables.count()).toBe(0)
    expect(await body.locator('p', { hasText: '本节原有文字。' }).count()).toBe(1)
  })

  it('puts a table pasted with the caret in a heading after the heading, from the text alone', async () => {
    await page.getByRole('navigation', { name: '大纲' }).getByRole('button', { name: /^（三）/ }).first().click()
    // The outline puts the caret in the first body paragraph; ArrowUp goes into the heading.
    await page.keyboard.press('ArrowUp')
    const heading = body.locator('[data-section-title]').filter({ has: page.locator('.section-number', { hasText: '（三）' }) })
    const headingText = await heading.textContent()
    await expect.poll(() => heading.evaluate((h) => h.contains(window.getSelection()!.anchorNode))).toBe(true)
    await paste(null, EXCEL_TEXT)
    const table = body.getByRole('table', { name: '导入的表格' })
    await expect.poll(() => table.count()).toBe(1)
    expect(await tableRows(table.first())).toEqual(ROWS)
    expect(await heading.textContent()).toBe(headingText)
    // The table is the section's first block after its heading (decorations aside).
    const blocks = await heading.evaluate((h) =>
      Array.from(h.parentElement!.children)
        .filter((c) => c.matches('[data-section-title], table, p'))
        .map((c) => c.getAttribute('aria-label') ?? c.tagName)
    )
    expect(blocks.slice(0, 2)).toEqual(['DIV', '导入的表格'])
    // As the README says: a click selects the (read-only) table and Delete removes it.
    await table.first().click()
    await page.keyboard.press('Delete')
    await expect.poll(() => table.count()).toBe(0)
  })

  it('in 修订模式 refuses the table with a message and changes nothing', async () => {
    const toggle = page.getByRole('toolbar', { name: '审核' }).getByRole('button', { name: '修订模式' })
    await toggle.click()
    expect(await toggle.getAttribute('aria-pressed')).toBe('true')
    await typeInSection(page, /^（一）/, '')
    const before = await body.evaluate((el) => el.textContent)
    const tables = await body.getByRole('table', { name: '导入的表格' }).count()
    await paste(EXCEL_HTML, EXCEL_TEXT)
    await expect.poll(() => page.getByText(/修订模式下不能粘贴或插入表格/).count()).toBeGreaterThan(0)
    expect(await body.getByRole('table', { name: '导入的表格' }).count()).toBe(tables)
    expect(await body.evaluate((el) => el.textContent)).toBe(before)
    expect(await body.locator('ins.review-ins').count()).toBe(0)
    await toggle.click()
  })
})
