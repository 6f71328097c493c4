// The report editor in the built renderer, driven as a clerk would: by role and name.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Locator, Page } from 'playwright-core'
import { launchBrowser, serveRenderer, type BrowserSession, type RendererServer } from './harness'
import { createReportFromHome, shownCount, typeInSection } from './editor-helpers'

let server: RendererServer
let session: BrowserSession
let page: Page
let body: Locator
let outline: Locator
let metrics: Locator

beforeAll(async () => {
  server = await serveRenderer()
  session = await launchBrowser()
  page = session.page
  await page.goto(server.url)
  body = await createReportFromHome(page, '甲镇人民政府')
  outline = page.getByRole('navigation', { name: '大纲' })
  metrics = page.getByRole('region', { name: '指标' })
})

afterAll(async () => {
  await session?.close()
  await server?.close()
})

/** The outline's section buttons, as their accessible names ("一、…"). */
async function outlineNames(): Promise<string[]> {
  return outline.getByRole('listitem').getByRole('button').evaluateAll((els) => els.map((e) => (e.getAttribute('aria-label') ?? '').replace('（必写）', '')))
}

async function goToSection(numberAndTitle: RegExp): Promise<void> {
  await outline.getByRole('button', { name: numberAndTitle }).first().click()
}

/** The first section whose shown number is `number`. */
function sectionNumbered(number: string): Locator {
  return body.locator('section', { has: page.locator('.section-number', { hasText: number }) }).first()
}

async function chipTexts(): Promise<string[]> {
  return body.locator('.metric-chip').allTextContents()
}

/** The document's own text: no numbers, guidance or other decorations. */
async function docText(): Promise<string> {
  return body.evaluate((el) => {
    const clone = el.cloneNode(true) as HTMLElement
    clone.querySelectorAll('.section-number, .section-guidance').forEach((n) => n.remove())
    return clone.textContent ?? ''
  })
}

describe('report editor', () => {
  it('shows the template outline with numbers and types into two sections', async () => {
    const names = await outlineNames()
    expect(names[0]).toMatch(/^一、2024年度推进法治政府建设的主要举措和成效/)
    expect(names[1]).toMatch(/^（一）/)
    await typeInSection(page, /^（一）/, '梳理权责清单并公开。')
    await typeInSection(page, /^四、/, '明年继续完善制度。')
    const text = await docText()
    expect(text).toContain('梳理权责清单并公开。')
    expect(text).toContain('明年继续完善制度。')
    await expect.poll(() => page.getByText(/^全文 \d+ 字$/).textContent()).toMatch(/^全文 \d+ 字$/)
    // The counts follow typing once it pauses (COUNTS_EVERY_MS), so wait for them. Cursor is in
    // 四、: its title plus the sentence.
    await expect.poll(() => shownCount(page, '本节')).toBeGreaterThan('明年继续完善制度。'.length)
  })

  it('renumbers at once on outline operations, and undo restores', async () => {
    const before = await outlineNames()
    await goToSection(/^五、其他/)
    await page.getByRole('button', { name: '上移', exact: true }).click()
    // The outline follows the document a frame later (composables/editor-derived.ts).
    await expect.poll(outlineNames).toContain('四、其他需要报告的情况')
    const moved = await outlineNames()
    expect(moved.length).toBe(before.length)
    expect(moved).toContain('四、其他需要报告的情况')
    expect(moved.some((n) => n.startsWith('五、') && n.includes('主要安排'))).toBe(true)

    await goToSection(/^（一）依法全面履行政府职能/)
    await page.getByRole('button', { name: '提升层级' }).click()
    await expect.poll(async () => (await outlineNames())[1]).toBe('二、依法全面履行政府职能')
    const promoted = await outlineNames()
    expect(promoted[1]).toBe('二、依法全面履行政府职能')
    expect(promoted[2]).toMatch(/^（一）/)
    expect(promoted.some((n) => n.startsWith('三、') && n.includes('存在的不足'))).toBe(true)

    await page.getByRole('button', { name: '添加章节' }).click()
    await page.keyboard.type('新增一节')
    await expect.poll(outlineNames).toContain('三、新增一节')
    await page.getByRole('button', { name: '删除章节' }).click()
    await expect.poll(async () => (await outlineNames()).length).toBe(promoted.length)

    // Undo walks back through delete, typing, add and promote to the moved outline; one more
    // undo reverts the move itself.
    const undo = page.getByRole('button', { name: '撤销' })
    // The outline is redrawn in the frame after each undo: read it only once that frame is past,
    // or a stale read clicks once too often and walks past the move.
    const settledNames = async () => {
      await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))))
      return outlineNames()
    }
    for (let i = 0; i < 6 && JSON.stringify(await settledNames()) !== JSON.stringify(moved); i++) await undo.click()
    expect(await outlineNames()).toEqual(moved)
    await undo.click()
    await expect.poll(outlineNames).toEqual(before)
    await page.getByRole('button', { name: '重做' }).click()
    await expect.poll(outlineNames).toEqual(moved)
  })

  it('inserts chips from the picker and from "#", and fills the metric into every chip', async () => {
    await typeInSection(page, /^（二）/, '全年开展日常巡查')
    await page.getByRole('button', { name: '插入指标' }).click()
    const picker = page.getByRole('dialog', { name: '插入指标' })
    await picker.getByRole('textbox', { name: '搜索指标' }).fill('巡查')
    await picker.getByRole('button', { name: '日常巡查次数' }).click()
    await picker.waitFor({ state: 'hidden' })
    await expect.poll(() => body.evaluate((el) => el.contains(document.activeElement))).toBe(true)
    await page.keyboard.type('，其中夜间巡查')
    await page.keyboard.type('#巡查')
    const list = page.getByRole('listbox', { name: '指标' })
    await expect.poll(() => list.getByRole('option').first().textContent()).toContain('日常巡查次数')
    await page.keyboard.press('Enter')
    await expect.poll(() => list.count()).toBe(0)
    await page.keyboard.type('。')

    await expect.poll(chipTexts).toEqual(['【未填：日常巡查次数】', '【未填：日常巡查次数】'])
    expect(await body.locator('.metric-chip--empty').count()).toBe(2)
    await expect.poll(() => metrics.getByText('文中引用 2 处').count()).toBe(1)

    const input = metrics.getByRole('textbox', { name: '日常巡查次数' })
    await input.fill('120')
    await input.press('Enter')
    await metrics.getByRole('combobox', { name: '日常巡查次数修饰词' }).selectOption({ label: '余' })
    await expect.poll(chipTexts).toEqual(['120余次', '120余次'])
    expect(await body.locator('.metric-chip--empty').count()).toBe(0)
    expect(await docText()).toContain('全年开展日常巡查120余次，其中夜间巡查120余次。')
  })

  it('rejects invalid metric input with a Chinese message and keeps the previous value', async () => {
    const input = metrics.getByRole('textbox', { name: '日常巡查次数' })
    await input.fill('一百多')
    await input.press('Enter')
    const message = metrics.getByRole('alert')
    await expect.poll(() => message.count()).toBe(1)
    expect(await message.textContent()).toMatch(/[\u4e00-\u9fff]/)
    expect(await input.getAttribute('aria-invalid')).toBe('true')
    expect(await chipTexts()).toEqual(['120余次', '120余次'])
    await input.fill('120')
    await input.press('Enter')
    await expect.poll(() => message.count()).toBe(0)
  })

  it('deletes a chip with one Backspace and undo brings it back', async () => {
    // Click just after the paragraph's last character (End only reaches a wrapped line's end).
    const para = sectionNumbered('（二）').locator('p').first()
    const end = await para.evaluate((p) => {
      const range = document.createRange()
      range.selectNodeContents(p)
      range.collapse(false)
      const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT)
      let last: Text | null = null
      while (walker.nextNode()) last = walker.currentNode as Text
      range.setStart(last!, last!.length - 1)
      range.setEnd(last!, last!.length)
      const r = range.getBoundingClientRect()
      return { x: r.right - 1, y: r.top + r.height / 2 }
    })
    await page.mouse.click(end.x, end.y)
    await page.keyboard.press('ArrowLeft') // before the final "。"
    await page.keyboard.press('Backspace')
    await expect.poll(chipTexts).toEqual(['120余次'])
    await page.keyboard.press('Control+z')
    await expect.poll(chipTexts).toEqual(['120余次', '120余次'])
  })

  it('finds and replaces across the report', async () => {
    await body.click()
    await page.keyboard.press('Control+f')
    const find = page.getByRole('textbox', { name: '查找' })
    await find.fill('巡查')
    await expect.poll(() => page.getByText(/^共 \d+ 处$/).textContent()).toBe('共 2 处')
    await page.getByRole('textbox', { name: '替换为' }).fill('检查')
    await page.getByRole('button', { name: '全部替换' }).click()
    await expect.poll(docText).toContain('全年开展日常检查120余次，其中夜间检查120余次。')
    await expect.poll(() => page.getByText(/^共 \d+ 处$/).textContent()).toBe('共 0 处')
    await page.getByRole('button', { name: '关闭' }).click()
    expect(await page.getByRole('textbox', { name: '查找' }).count()).toBe(0)
  })

  it('pastes Word HTML as clean paragraphs with bold kept', async () => {
    await typeInSection(page, /^（三）/, '')
    const wordHtml =
      `<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><style>p.MsoNormal{mso-style-parent:"";font-family:仿宋_GB2312}</style></head><body>` +
      `<!--StartFragment--><p class=MsoNormal style='text-indent:32.0pt'><span style='font-family:仿宋_GB2312;mso-bidi-font-size:16pt'>集体讨论决定重大事项<span lang=EN-US>9</span>件,全部经过合法性审查<o:p></o:p></span></p>` +
      `<p class=MsoNormal><b><span style='font-family:黑体'>二是</span></b><span>规范决策程序<a name="_GoBack"></a>[bookmark: _GoBack]</span></p><!--EndFragment--></body></html>`
    await body.evaluate((el, html) => {
      const data = new DataTransfer()
      data.setData('text/html', html)
      data.setData('text/plain', '集体讨论决定重大事项9件,全部经过合法性审查\n二是规范决策程序')
      el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }))
    }, wordHtml)
    const section = sectionNumbered('（三）')
    await expect.poll(() => section.locator('p').allTextContents()).toEqual(['集体讨论决定重大事项9件，全部经过合法性审查', '二是规范决策程序'])
    expect(await section.locator('strong').allTextContents()).toEqual(['二是'])
    const html = await section.innerHTML()
    expect(html).not.toMatch(/mso|仿宋_GB2312|GoBack|bookmark/)
  })

  it('commits IME composition exactly once', async () => {
    await typeInSection(page, /^（四）/, '')
    const cdp = await session.context.newCDPSession(page)
    await cdp.send('Input.imeSetComposition', { text: 'gong', selectionStart: 4, selectionEnd: 4 })
    await cdp.send('Input.imeSetComposition', { text: '公开', selectionStart: 2, selectionEnd: 2 })
    await cdp.send('Input.insertText', { text: '公开' })
    await cdp.send('Input.imeSetComposition', { text: 'tiao', selectionStart: 4, selectionEnd: 4 })
    await cdp.send('Input.insertText', { text: '条目' })
    await cdp.detach()
    const section = sectionNumbered('（四）')
    await expect.poll(() => section.locator('p').first().textContent()).toBe('公开条目')
    expect(await docText()).not.toContain('gong')
  })

  it('opens the "#" listbox with IME-typed filter text', async () => {
    const section = sectionNumbered('（四）')
    await page.keyboard.type('共')
    await page.keyboard.type('#')
    const cdp = await session.context.newCDPSession(page)
    await cdp.send('Input.imeSetComposition', { text: 'gongkai', selectionStart: 7, selectionEnd: 7 })
    await cdp.send('Input.insertText', { text: '公开' })
    await cdp.detach()
    const list = page.getByRole('listbox', { name: '指标' })
    await expect.poll(() => list.getByRole('option').allTextContents()).toEqual([expect.stringContaining('公开政务信息')])
    await page.keyboard.press('Enter')
    await expect.poll(() => section.locator('.metric-chip').count()).toBe(1)
    expect(await section.locator('p').first().textContent()).toMatch(/^公开条目共【未填：公开政务信息[^】]*】$/)
  })

  it('checks before export (导出前检查 lists what must be fixed) and leads back to the check panel', async () => {
    await page.getByRole('button', { name: '导出Word' }).click()
    const check = page.getByRole('dialog', { name: '导出前检查' })
    await check.waitFor()
    const listed = check.getByRole('list', { name: '必须修改' })
    // The empty chip cited in the text is listed by its metric; one that is not cited is not.
    expect(await listed.getByRole('listitem').filter({ hasText: '公开政务信息' }).count()).toBeGreaterThan(0)
    expect(await listed.getByRole('listitem').filter({ hasText: '日常巡查次数' }).count()).toBe(0)
    await check.getByRole('button', { name: '返回修改' }).click()
    await check.waitFor({ state: 'hidden' })
    const results = page.getByRole('region', { name: '检查结果' })
    await results.waitFor()
    const chipItem = results.getByRole('listitem').filter({ hasText: '公开政务信息' }).first()
    expect(await chipItem.textContent()).toContain('必须修改')
    // 定位 selects the chip in the text.
    await chipItem.getByRole('button', { name: /^定位/ }).click()
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? '')).toBe('报告正文')
    await results.getByRole('button', { name: '关闭检查结果' }).click()
    await body.click()
  })

  it('undoes across sections in order', async () => {
    await typeInSection(page, /^（五）/, '营商甲')
    await page.waitForTimeout(700) // separate undo groups (history groups typing within 500 ms)
    await typeInSection(page, /^（六）/, '监督乙')
    await page.keyboard.press('Control+z')
    await expect.poll(docText).not.toContain('监督乙')
    expect(await docText()).toContain('营商甲')
    await page.keyboard.press('Control+z')
    await expect.poll(docText).not.toContain('营商甲')
    await page.keyboard.press('Control+y')
    await expect.poll(docText).toContain('营商甲')
  })

  it('saves and restores everything after a reload', async () => {
    const status = page.getByRole('status')
    await expect.poll(() => status.textContent(), { timeout: 5000 }).toMatch(/^已保存 \d{2}:\d{2}$/)
    const text = await docText()
    const names = await outlineNames()
    // View state, not content: the caret's block class (editor/caret-block.ts; the caret is not
    // restored), and the height a chapter reserves off screen, estimated from its text when it was
    // drawn (editor/schema.ts, Chapter).
    const content = async () =>
      (await body.innerHTML()).replaceAll(' report-block--caret', '').replace(/ style="contain-intrinsic-size: auto \d+px;"/g, '')
    const html = await content()
    const chips = await chipTexts()
    await page.reload()
    await body.waitFor()
    await expect.poll(docText).toBe(text)
    expect(await outlineNames()).toEqual(names)
    expect(await content()).toBe(html)
    expect(await chipTexts()).toEqual(chips)
    expect(chips.filter((c) => c === '120余次')).toHaveLength(2)
    expect(await metrics.getByRole('textbox', { name: '日常巡查次数' }).inputValue()).toBe('120')
    expect(await status.textContent()).toMatch(/^已保存/)
  })
})
