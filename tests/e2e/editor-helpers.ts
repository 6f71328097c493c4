// What several e2e tests do to the editor as a user would: create a report from the home page,
// type into a section found through the outline, select text or place the caret.
import { expect } from 'vitest'
import type { Locator, Page } from 'playwright-core'

/**
 * 新建报告 with the given organ and year (other fields as offered, the addressee too unless
 * given: the template's offer has ×× in it); resolves to the editor body.
 */
export async function createReportFromHome(page: Page, organ: string, year = '2024', options: { addressee?: string } = {}): Promise<Locator> {
  await page.getByRole('button', { name: '新建报告' }).click()
  const dialog = page.getByRole('dialog', { name: '新建报告' })
  await dialog.getByRole('textbox', { name: '发文机关', exact: true }).fill(organ)
  await dialog.getByRole('textbox', { name: '年度' }).fill(year)
  if (options.addressee) await dialog.getByRole('textbox', { name: '主送机关' }).fill(options.addressee)
  await dialog.getByRole('button', { name: '创建' }).click()
  const body = page.getByRole('textbox', { name: '报告正文' })
  await body.waitFor()
  return body
}

/** Clicks the section in the outline, then types at the end of its first body paragraph. */
export async function typeInSection(page: Page, numberAndTitle: RegExp, text: string): Promise<void> {
  await page.getByRole('navigation', { name: '大纲' }).getByRole('button', { name: numberAndTitle }).first().click()
  // The outline puts the caret at the start of the first body paragraph.
  await page.keyboard.press('End')
  await page.keyboard.type(text)
}

/** Selects `needle` in the body through the DOM selection, as a mouse drag would. */
export async function selectText(page: Page, body: Locator, needle: string): Promise<void> {
  await body.evaluate((el, n) => {
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT)
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const i = node.textContent!.indexOf(n)
      if (i < 0) continue
      const range = document.createRange()
      range.setStart(node, i)
      range.setEnd(node, i + n.length)
      ;(el as HTMLElement).focus()
      const sel = window.getSelection()!
      sel.removeAllRanges()
      sel.addRange(range)
      return
    }
    throw new Error(`text not found: ${n}`)
  }, needle)
  await expect.poll(() => page.evaluate(() => window.getSelection()?.toString())).toBe(needle)
}

/** Caret right after `needle`, once ProseMirror has taken the DOM selection. */
export async function caretAfter(body: Locator, needle: string): Promise<void> {
  await body.evaluate(async (el, n) => {
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT)
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const i = node.textContent!.indexOf(n)
      if (i < 0) continue
      ;(el as HTMLElement).focus()
      // ProseMirror reads the DOM selection on the (async) selectionchange event: wait for it and
      // a frame, or a key pressed right after could act on the old selection under load.
      const changed = new Promise<void>((resolve) => {
        document.addEventListener('selectionchange', () => resolve(), { once: true })
        setTimeout(resolve, 500) // already there: no event comes
      })
      window.getSelection()!.collapse(node, i + n.length)
      await changed
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))
      return
    }
    throw new Error(`text not found: ${n}`)
  }, needle)
}

/**
 * Writes a sentence into every 必写 section (outline names carry "（必写）"), so the report can
 * be submitted: 送审 is refused while 公文校对 finds 必须修改 items.
 */
export async function fillRequiredSections(page: Page, text = '本节情况已如实填写。'): Promise<void> {
  const outline = page.getByRole('navigation', { name: '大纲' })
  const names = await outline.getByRole('button', { name: /（必写）/ }).evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''))
  for (const name of names) {
    // An outline click puts the caret in the section's first body paragraph (made if missing).
    await outline.getByRole('button', { name, exact: true }).first().click()
    await page.keyboard.press('End')
    await page.keyboard.type(text)
  }
}

/** The figure the editor's footer shows for 全文 or 本节 (N 字); it follows typing once it pauses. */
export async function shownCount(page: Page, label: '全文' | '本节'): Promise<number> {
  return Number(/\d+/.exec((await page.getByText(new RegExp(`^${label} \\d+ 字$`)).textContent()) ?? '')?.[0])
}
