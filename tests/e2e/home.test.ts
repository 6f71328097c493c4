// The home page as a clerk uses it, in the built renderer: create, list, rename, duplicate,
// delete with undo, recycle bin with a confirmed purge, and persistence across a reload.
// Controls are found by role and accessible name only (docs/UI-CONTRACT.md).
import { beforeAll, describe, expect, it } from 'vitest'
import type { Locator, Page } from 'playwright-core'
import { builtInTemplate } from '@core/templates'
import { useApp } from './app'

let page: Page

const app = useApp((a) => {
  page = a.page
})

beforeAll(async () => {
  await page.setViewportSize({ width: 1366, height: 768 })
})

const ORGAN = '梁洼镇人民政府'
const COMPOSED_TITLE = '梁洼镇人民政府关于2024年法治政府建设情况的报告'
const RENAMED = '梁洼镇2024年法治政府建设情况报告（修改稿）'
const COPY = `${RENAMED}（副本）`

/** The list row whose title cell is exactly `title` (titles of copies contain the original's). */
function rowFor(title: string): Locator {
  return page.getByRole('row').filter({ has: page.getByRole('cell', { name: title, exact: true }) })
}

async function cellTexts(row: Locator): Promise<string[]> {
  return (await row.getByRole('cell').allInnerTexts()).map((t) => t.trim())
}

describe('home: report list', () => {
  it('creates a report through the dialog with a composed title and opens the editor', async () => {
    await app.goHome()
    await page.getByRole('button', { name: '新建报告' }).click()
    const dialog = page.getByRole('dialog', { name: '新建报告' })
    await dialog.waitFor()

    expect(await dialog.getByRole('combobox', { name: '报告模板' }).count()).toBe(1)
    await dialog.getByRole('textbox', { name: '发文机关', exact: true }).fill(ORGAN)
    await dialog.getByRole('textbox', { name: '年度' }).fill('2024')
    const title = dialog.getByRole('textbox', { name: '标题' })
    await expect.poll(() => title.inputValue()).toBe(COMPOSED_TITLE)
    // The date follows the year until the clerk changes it.
    expect(await dialog.getByRole('textbox', { name: '成文日期' }).inputValue()).toMatch(/^2025年/)

    // A joint organ joins the title; removing it restores the single-organ title.
    await dialog.getByRole('button', { name: '添加联合发文机关' }).click()
    await dialog.getByRole('textbox', { name: '联合发文机关' }).fill('中共梁洼镇委员会')
    // The Party committee typed second still leads the title (党委在前), as the help line says.
    await expect.poll(() => title.inputValue()).toMatch(/^中共梁洼镇委员会 梁洼镇人民政府关于/)
    expect(await dialog.getByText('联合发文时党委在前').count()).toBe(1)
    await dialog.getByRole('button', { name: '移除联合发文机关' }).click()
    await expect.poll(() => title.inputValue()).toBe(COMPOSED_TITLE)

    await dialog.getByRole('textbox', { name: '主送机关' }).fill('中共鲁山县委、鲁山县人民政府')
    await dialog.getByRole('button', { name: '创建' }).click()
    await page.waitForURL(/#\/reports\/[^/]+$/)
    await dialog.waitFor({ state: 'hidden' })
  })

  it('lists the new report with 年度, 模板, 状态 and 最后编辑', async () => {
    await app.goHome()
    const row = rowFor(COMPOSED_TITLE)
    await row.waitFor()
    const cells = await cellTexts(row)
    expect(cells[0]).toBe(COMPOSED_TITLE)
    expect(cells[1]).toBe('2024')
    expect(cells[2]).toBe(builtInTemplate('rule-of-law-annual')?.name)
    expect(cells[3]).toBe('草稿')
    expect(cells[4]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/)
    expect(await page.getByRole('columnheader').allInnerTexts()).toEqual(
      expect.arrayContaining(['标题', '年度', '模板', '状态', '最后编辑'])
    )
  })

  it('prefills the organ used last time and keeps a hand-edited title', async () => {
    await page.getByRole('button', { name: '新建报告' }).click()
    const dialog = page.getByRole('dialog', { name: '新建报告' })
    await dialog.waitFor()
    await expect.poll(() => dialog.getByRole('textbox', { name: '发文机关', exact: true }).inputValue()).toBe(ORGAN)
    expect(await dialog.getByRole('textbox', { name: '主送机关' }).inputValue()).toBe('中共鲁山县委、鲁山县人民政府')

    // A title edited by hand stays the clerk's when the year changes, until they ask for the composed one.
    const title = dialog.getByRole('textbox', { name: '标题' })
    await title.fill('我自己写的标题')
    await dialog.getByRole('textbox', { name: '年度' }).fill('2023')
    await expect.poll(() => dialog.getByRole('textbox', { name: '成文日期' }).inputValue()).toMatch(/^2024年/)
    expect(await title.inputValue()).toBe('我自己写的标题')
    await dialog.getByRole('button', { name: '恢复自动标题' }).click()
    await expect.poll(() => title.inputValue()).toBe(COMPOSED_TITLE.replace('2024', '2023'))
    await dialog.getByRole('button', { name: '取消' }).click()
    await dialog.waitFor({ state: 'hidden' })
  })

  it('refuses an empty organ with a Chinese message', async () => {
    await page.getByRole('button', { name: '新建报告' }).click()
    const dialog = page.getByRole('dialog', { name: '新建报告' })
    await dialog.waitFor()
    await dialog.getByRole('textbox', { name: '发文机关', exact: true }).fill('')
    await dialog.getByRole('textbox', { name: '年度' }).fill('24')
    await dialog.getByRole('button', { name: '创建' }).click()
    await dialog.getByText('请填写发文机关').waitFor()
    await dialog.getByText('请输入四位数的年份').waitFor()
    await dialog.getByRole('button', { name: '取消' }).click()
    await dialog.waitFor({ state: 'hidden' })
    expect(await page.getByRole('row').count()).toBe(2) // header + the one report
  })

  it('refuses a title longer than the title block holds, saying the limit (issue 15.5)', async () => {
    await page.getByRole('button', { name: '新建报告' }).click()
    const dialog = page.getByRole('dialog', { name: '新建报告' })
    await dialog.waitFor()
    await dialog.getByText('最多 3 行').waitFor()
    await dialog.getByRole('textbox', { name: '标题' }).fill('关于全面推进乡村振兴战略实施情况的报告'.repeat(7))
    await dialog.getByRole('button', { name: '创建' }).click()
    await dialog.getByText(/标题过长：二号字标题每行最多 20 字，最多 3 行/).waitFor()
    await dialog.getByRole('button', { name: '取消' }).click()
    await dialog.waitFor({ state: 'hidden' })
    expect(await page.getByRole('row').count()).toBe(2) // header + the one report
  })

  it('renames, refusing an empty title', async () => {
    await rowFor(COMPOSED_TITLE).getByRole('button', { name: '重命名' }).click()
    const dialog = page.getByRole('dialog', { name: '重命名报告' })
    await dialog.waitFor()
    const field = dialog.getByRole('textbox', { name: '标题' })
    expect(await field.inputValue()).toBe(COMPOSED_TITLE)
    await field.fill('')
    await dialog.getByRole('button', { name: '确定' }).click()
    await dialog.getByText('标题不能为空').waitFor()
    await field.fill(RENAMED)
    await dialog.getByRole('button', { name: '确定' }).click()
    await dialog.waitFor({ state: 'hidden' })
    await rowFor(RENAMED).waitFor()
    expect(await rowFor(COMPOSED_TITLE).count()).toBe(0)
  })

  it('duplicates as a draft titled （副本）', async () => {
    await rowFor(RENAMED).getByRole('button', { name: '复制' }).click()
    const copy = rowFor(COPY)
    await copy.waitFor()
    expect((await cellTexts(copy))[3]).toBe('草稿')
    expect(await rowFor(RENAMED).count()).toBe(1)
  })

  it('deletes to the recycle bin, and 撤销 brings the report back', async () => {
    await rowFor(COPY).getByRole('button', { name: '删除' }).click()
    await rowFor(COPY).waitFor({ state: 'detached' })
    await page.getByRole('button', { name: '撤销' }).click()
    await rowFor(COPY).waitFor()
    expect(await rowFor(RENAMED).count()).toBe(1)
  })

  it('deletes again, and 彻底删除 in the recycle bin asks before destroying', async () => {
    await rowFor(COPY).getByRole('button', { name: '删除' }).click()
    await rowFor(COPY).waitFor({ state: 'detached' })

    await page.getByRole('button', { name: '回收站' }).click()
    await page.getByRole('heading', { name: '回收站', level: 1 }).waitFor()
    const binned = rowFor(COPY)
    await binned.waitFor()
    expect((await cellTexts(binned))[2]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/)
    expect(await rowFor(RENAMED).count()).toBe(0)

    // Cancelling the confirmation keeps the report.
    await binned.getByRole('button', { name: '彻底删除' }).click()
    let confirm = page.getByRole('dialog').filter({ has: page.getByRole('button', { name: '确定删除' }) })
    await confirm.waitFor()
    await confirm.getByRole('button', { name: '取消' }).click()
    await confirm.waitFor({ state: 'hidden' })
    expect(await binned.count()).toBe(1)

    await binned.getByRole('button', { name: '彻底删除' }).click()
    confirm = page.getByRole('dialog').filter({ has: page.getByRole('button', { name: '确定删除' }) })
    await confirm.waitFor()
    await confirm.getByRole('button', { name: '确定删除' }).click()
    await binned.waitFor({ state: 'detached' })
    await page.getByText('回收站是空的').waitFor()

    await page.getByRole('button', { name: '返回报告列表' }).click()
    await rowFor(RENAMED).waitFor()
    expect(await rowFor(COPY).count()).toBe(0)
  })

  it('keeps the list across a reload', async () => {
    await page.reload()
    await page.getByRole('heading', { name: '报告列表', level: 1 }).waitFor()
    await rowFor(RENAMED).waitFor()
    expect(await rowFor(COPY).count()).toBe(0)
    expect(await page.getByRole('row').count()).toBe(2)
    expect(app.pageErrors).toEqual([])
  })
})

describe('startup', () => {
  it('shows a Chinese error page instead of a blank window when IndexedDB cannot be opened', async () => {
    const context = await app.session.browser.newContext({ locale: 'zh-CN' })
    try {
      // Every open request fails, as when the profile's database is locked or corrupt.
      await context.addInitScript(() => {
        IDBFactory.prototype.open = function () {
          throw new DOMException('simulated failure', 'UnknownError')
        }
      })
      const broken = await context.newPage()
      await broken.goto(app.url)
      const alert = broken.getByRole('alert')
      await alert.waitFor()
      const text = await alert.innerText()
      expect(text).toContain('无法打开本地数据库')
      expect(text).toContain('请关闭其他汇报窗口后重试')
      expect(await broken.getByRole('button', { name: '重试' }).count()).toBe(1)
      expect(await broken.getByRole('heading', { name: '报告列表' }).count()).toBe(0)
    } finally {
      await context.close()
    }
  })
})
