// Real keys in 修订模式, in Chromium: typed text is marked as the clerk's insertion in the key's
// own transaction (ProseMirror's handleTextInput), not in a second one. What the clerk sees and
// what undo does must be as before: one growing insertion per run of typing, IME text in it,
// typing after struck text a new insertion, one Ctrl+Z takes the typed run back.
import { describe, expect, it } from 'vitest'
import type { Locator, Page } from 'playwright-core'
import { useApp } from './app'
import { caretAfter, createReportFromHome, typeInSection } from './editor-helpers'

let page: Page
let body: Locator
const app = useApp((a) => {
  page = a.page
})

/** The body paragraph holding `needle`, as text. */
function paragraphWith(needle: string): Promise<string> {
  return body.locator('p').filter({ hasText: needle }).first().evaluate((p) => p.textContent ?? '')
}

const insertions = () => body.locator('ins.review-ins').allTextContents()
const deletions = () => body.locator('del.review-del').allTextContents()

describe('typing in 修订模式', () => {
  it('sets up a report with a written paragraph and turns 修订模式 on', async () => {
    await page.goto(app.url)
    body = await createReportFromHome(page, '丙镇人民政府', '2024')
    await typeInSection(page, /^（一）/, '全镇开展普法宣传活动。')
    await expect.poll(() => paragraphWith('普法宣传')).toContain('全镇开展普法宣传活动。')
    const toggle = page.getByRole('toolbar', { name: '审核' }).getByRole('button', { name: '修订模式' })
    await toggle.click()
    expect(await toggle.getAttribute('aria-pressed')).toBe('true')
  })

  it('keys typed in a row are one insertion, IME text and later keys join it, one undo takes it back', async () => {
    await caretAfter(body, '全镇开展')
    await page.keyboard.type('ab c', { delay: 20 })
    await expect.poll(insertions).toEqual(['ab c'])
    const cdp = await page.context().newCDPSession(page)
    for (const t of ['ri', 'richang']) await cdp.send('Input.imeSetComposition', { text: t, selectionStart: t.length, selectionEnd: t.length })
    await cdp.send('Input.insertText', { text: '日常' })
    await page.keyboard.type('d')
    await expect.poll(insertions).toEqual(['ab c日常d'])
    expect(await body.locator('ins.review-ins').count()).toBe(1)
    expect(await paragraphWith('普法宣传')).toContain('全镇开展ab c日常d普法宣传活动。')
    await cdp.detach()

    await page.keyboard.press('Control+z')
    await expect.poll(insertions).toEqual([])
    expect(await paragraphWith('普法宣传')).toContain('全镇开展普法宣传活动。')
  })

  it('typing right after struck text is a new insertion beside the deletion', async () => {
    await caretAfter(body, '普法宣传')
    await page.keyboard.press('Backspace')
    await page.keyboard.press('Backspace')
    await expect.poll(deletions).toEqual(['宣传'])
    await page.keyboard.type('教育', { delay: 20 })
    await expect.poll(insertions).toEqual(['教育'])
    expect(await deletions()).toEqual(['宣传'])
    expect(await paragraphWith('普法')).toContain('全镇开展普法教育宣传活动。')
  })
})
