// Typing after the caret jumps far on a long report (Ctrl+End, Ctrl+Home, outline clicks, Page
// Down) lands where the clerk expects and is what gets saved. Sections off screen are skipped by
// `content-visibility: auto`; with it Chromium's own Ctrl+End stopped at the start of the last
// section's title, so the next words went into that heading. Every check reads the document
// as saved: after 已保存 the page is reloaded and the text comes back from the database.
import { describe, expect, it } from 'vitest'
import type { Locator, Page } from 'playwright-core'
import { useApp } from './app'
import { seedReport } from './pdf-helpers'
import { generateLargeReport } from '../fixtures/large-report'
import type { SectionJSON } from '@core/report'

let page: Page
let body: Locator

const loaded = generateLargeReport({ pages: 30, seed: 23 })
const sections = loaded.doc.content.filter((b): b is SectionJSON => b.type === 'section')
const titleOf = (s: SectionJSON) => s.content[0].content?.map((n) => (n.type === 'text' ? n.text : '')).join('') ?? ''

async function openReport(): Promise<void> {
  await page.goto('about:blank')
  await page.goto(`${app.url}#/reports/${encodeURIComponent(loaded.report.id)}`)
  body = page.getByRole('textbox', { name: '报告正文' })
  await body.waitFor()
}

/** Every block (the preamble, each section) as [title or first paragraph, …paragraphs], widgets left out; from the DOM's text, on screen or not. */
function blocks(): Promise<string[][]> {
  return page.evaluate(() => {
    const el = document.querySelector('[aria-label="报告正文"]') as HTMLElement
    return Array.from(el.querySelectorAll(':scope > .report-preamble, :scope > .report-chapter > section')).map((block) =>
      Array.from(block.querySelectorAll(':scope > .report-section__title, :scope > p')).map((b) => {
        const clone = b.cloneNode(true) as HTMLElement
        clone.querySelectorAll('[contenteditable="false"]').forEach((n) => n.remove())
        return clone.textContent ?? ''
      })
    )
  })
}

/** Waits for 已保存, reloads, and returns the blocks as they came back from the database. */
async function saved(): Promise<string[][]> {
  await expect.poll(() => page.getByRole('status').filter({ hasText: /^已保存/ }).count(), { timeout: 10_000 }).toBe(1)
  await openReport()
  return blocks()
}

/** Where `token` is in the blocks: [block, child, offset in the child's text]; it must be there exactly once. */
function find(all: string[][], token: string): [number, number, number] {
  const hits: Array<[number, number, number]> = []
  all.forEach((children, b) => children.forEach((text, c) => text.includes(token) && hits.push([b, c, text.indexOf(token)])))
  expect(hits, `${token} once in the saved document`).toHaveLength(1)
  return hits[0]
}

const app = useApp(async (a) => {
  page = a.page
  await a.goHome()
  await seedReport(page, loaded)
  await openReport()
})

describe('typing after a caret jump on a long report', () => {
  it('Ctrl+End: at the end of the last paragraph, the last heading untouched', async () => {
    const before = await blocks()
    await body.click()
    await page.keyboard.press('Control+End')
    await page.keyboard.type('尾部记号')
    const after = await saved()
    const last = after.length - 1
    const [b, c, at] = find(after, '尾部记号')
    expect([b, c]).toEqual([last, after[last].length - 1])
    expect(at).toBe(before[last][c].length)
    expect(after[last][0]).toBe(before[last][0])
  })

  it('Ctrl+Home: at the start of the first paragraph', async () => {
    await body.click()
    await page.keyboard.press('Control+End')
    await page.keyboard.press('Control+Home')
    await page.keyboard.type('开头记号')
    expect(find(await saved(), '开头记号')).toEqual([0, 0, 0])
  })

  it('an outline click far down: at the start of that section’s first paragraph, and End keeps typing in it', async () => {
    const target = sections[Math.floor(sections.length * 0.9)]
    const index = loaded.doc.content.indexOf(target)
    const before = await blocks()
    await page.getByRole('navigation', { name: '大纲' }).locator(`button[title$="${titleOf(target)}"]`).first().click()
    await page.keyboard.type('跳转记号')
    await page.keyboard.press('End')
    await page.keyboard.type('段尾记号')
    const after = await saved()
    expect(find(after, '跳转记号')).toEqual([index, 1, 0])
    const [b, c] = find(after, '段尾记号')
    expect([b, c]).toEqual([index, 1])
    // End goes to the end of the visual line, which is the paragraph's end only for a short one.
    expect(after[index][1].startsWith(`跳转记号${before[index][1].slice(0, 4)}`)).toBe(true)
    expect(after[index][0]).toBe(before[index][0])
  })

  it('Page Down from the top: in the body text the caret reached, never lost', async () => {
    await body.click()
    await page.keyboard.press('Control+Home')
    for (let i = 0; i < 6; i++) await page.keyboard.press('PageDown')
    await page.keyboard.type('翻页记号')
    const [b] = find(await saved(), '翻页记号')
    expect(b).toBeGreaterThan(0)
  })

  it('Ctrl+End twice in a row after typing elsewhere still ends at the last paragraph', async () => {
    const target = sections[2]
    await page.getByRole('navigation', { name: '大纲' }).locator(`button[title$="${titleOf(target)}"]`).first().click()
    await page.keyboard.type('中间')
    await page.keyboard.press('Control+End')
    await page.keyboard.press('Control+End')
    await page.keyboard.type('再到末尾')
    const after = await saved()
    const last = after.length - 1
    expect(find(after, '再到末尾').slice(0, 2)).toEqual([last, after[last].length - 1])
    expect(after[last][after[last].length - 1].endsWith('尾部记号再到末尾')).toBe(true)
  })

  it('new lines made at the bottom of the window keep the caret in view, and only the text scrolls', async () => {
    // editor/scroll-caret.ts scrolls the scroll containers alone (ProseMirror walked every ancestor).
    const scroller = page.locator('.editor-paper-scroll')
    // Where the caret's line starts (the caret's paragraph: after Enter it is empty and one line).
    const caretInView = () =>
      page.evaluate(() => {
        const node = window.getSelection()!.focusNode
        const el = (node?.nodeType === 1 ? node : node?.parentElement) as Element
        const r = el.closest('p')!.getBoundingClientRect()
        const box = document.querySelector('.editor-paper-scroll')!.getBoundingClientRect()
        return { lineTop: Math.round(r.top), lineBottom: Math.round(r.top + 20), top: Math.round(box.top), bottom: Math.round(box.bottom), windowY: window.scrollY }
      })
    await body.click()
    await page.keyboard.press('Control+Home')
    // The last paragraph fully visible near the scroller's bottom edge: its end, then new lines.
    const target = await page.evaluate(() => {
      const box = document.querySelector('.editor-paper-scroll')!.getBoundingClientRect()
      const ps = Array.from(document.querySelectorAll('.report-body p')).filter((p) => {
        const r = p.getBoundingClientRect()
        return r.bottom < box.bottom - 4 && r.top > box.top
      })
      const r = ps[ps.length - 1].getBoundingClientRect()
      return { x: r.right - 4, y: r.bottom - 8 }
    })
    await page.mouse.click(target.x, target.y)
    await page.keyboard.press('End')
    const start = await scroller.evaluate((el) => el.scrollTop)
    // Enter is ProseMirror's own (Chromium's typing reveals the caret by itself; a split does not).
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press('Enter')
      const at = await caretInView()
      expect(at.lineTop, `line ${i}: caret below the scroller's top`).toBeGreaterThanOrEqual(at.top)
      expect(at.lineBottom, `line ${i}: caret above the scroller's bottom`).toBeLessThanOrEqual(at.bottom)
      expect(at.windowY).toBe(0)
    }
    expect(await scroller.evaluate((el) => el.scrollTop)).toBeGreaterThan(start)
    await page.keyboard.type('新行记号')
    const after = await saved()
    const [b, c, at] = find(after, '新行记号')
    expect(at).toBe(0)
    expect(after[b].slice(c - 11, c + 1)).toEqual(Array(12).fill('').map((_, i) => (i === 11 ? '新行记号' : '')))
  })
})
