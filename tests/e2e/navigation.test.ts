// Navigating a long report as a clerk does: outline clicks bring the heading to the upper third
// of the page with the caret where the text goes, paste in a heading lands after it, outline
// entries can be told apart, and leaving the editor releases it.
import { describe, expect, it } from 'vitest'
import type { Locator, Page } from 'playwright-core'
import { useApp } from './app'
import { seedReport } from './pdf-helpers'
import { shownCount } from './editor-helpers'
import { generateLargeReport } from '../fixtures/large-report'
import type { SectionJSON } from '@core/report'

let page: Page
let body: Locator
let outline: Locator

const loaded = generateLargeReport({ pages: 20, seed: 11 })
const sections = loaded.doc.content.filter((b): b is SectionJSON => b.type === 'section')
// A section with a heading only: the outline must give it a paragraph to write in.
const bare = sections[Math.floor(sections.length * 0.6)]
bare.content = [bare.content[0]]
const titleOf = (s: SectionJSON) => s.content[0].content?.map((n) => (n.type === 'text' ? n.text : '')).join('') ?? ''

async function openReport(): Promise<void> {
  await page.goto(`${app.url}#/reports/${encodeURIComponent(loaded.report.id)}`)
  body = page.getByRole('textbox', { name: '报告正文' })
  await body.waitFor()
  outline = page.getByRole('navigation', { name: '大纲' })
}

/** The heading's top relative to the editor's scroll box, as a fraction of its visible height. */
function headingPlace(sectionId: string): Promise<number> {
  return page.evaluate((id) => {
    const scroller = document.querySelector('.editor-paper-scroll') as HTMLElement
    const title = document.querySelector(`section[data-section-id="${id}"] .report-section__title`) as HTMLElement
    return (title.getBoundingClientRect().top - scroller.getBoundingClientRect().top) / scroller.clientHeight
  }, sectionId)
}

/** The text of the section's blocks: [title, first paragraph, …], decorations left out. */
function sectionTexts(sectionId: string): Promise<string[]> {
  return page.evaluate((id) => {
    const section = document.querySelector(`section[data-section-id="${id}"]`) as HTMLElement
    return Array.from(section.querySelectorAll(':scope > .report-section__title, :scope > p')).map((el) => {
      const clone = el.cloneNode(true) as HTMLElement
      clone.querySelectorAll('[contenteditable="false"]').forEach((n) => n.remove())
      return clone.textContent ?? ''
    })
  }, sectionId)
}

function outlineButton(s: SectionJSON): Locator {
  return outline.locator(`button[title$="${titleOf(s)}"]`).first()
}

const app = useApp(async (a) => {
  page = a.page
  await a.goHome()
  await seedReport(page, loaded)
  await openReport()
})

describe('outline navigation on a long report', () => {
  it('the first click after opening scrolls the heading into the upper third and types into its first paragraph', async () => {
    const target = sections[Math.floor(sections.length * 0.8)]
    await outlineButton(target).click()
    await expect.poll(() => headingPlace(target.attrs.id)).toBeGreaterThanOrEqual(0)
    await expect.poll(() => headingPlace(target.attrs.id)).toBeLessThan(1 / 3)
    const before = await sectionTexts(target.attrs.id)
    const count = (label: '全文' | '本节') => () => shownCount(page, label)
    await expect.poll(count('本节')).toBeGreaterThan(0)
    const [sectionBefore, totalBefore] = [await count('本节')(), await count('全文')()]
    await page.keyboard.type('甲乙')
    const after = await sectionTexts(target.attrs.id)
    expect(after[0]).toBe(before[0])
    expect(after[1]).toBe(`甲乙${before[1]}`)
    // The counts follow the typed characters (updated from the changed section, after the keys).
    await expect.poll(count('本节')).toBe(sectionBefore + 2)
    await expect.poll(count('全文')).toBe(totalBefore + 2)
  })

  it('a later click on a section far above does the same', async () => {
    const target = sections[3]
    await outlineButton(target).click()
    await expect.poll(() => headingPlace(target.attrs.id)).toBeGreaterThanOrEqual(0)
    await expect.poll(() => headingPlace(target.attrs.id)).toBeLessThan(1 / 3)
  })

  it('a section with a heading only gets an empty paragraph for the caret', async () => {
    expect(await sectionTexts(bare.attrs.id)).toEqual([expect.any(String)])
    await outlineButton(bare).click()
    await expect.poll(() => sectionTexts(bare.attrs.id)).toHaveLength(2)
    await page.keyboard.type('丙丁')
    expect(await sectionTexts(bare.attrs.id)).toEqual([titleOf(bare), '丙丁'])
  })

  it('paste with the caret in a heading puts the paragraphs after the heading', async () => {
    const target = sections[5]
    const title = titleOf(target)
    const before = await sectionTexts(target.attrs.id)
    // page.evaluate rather than locator.evaluate: an element handle would keep this editor's
    // DOM reachable from the test side, which the memory test below must not see.
    await page.evaluate(async (needle) => {
      const el = document.querySelector('[aria-label="报告正文"]') as HTMLElement
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT)
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const i = node.textContent!.indexOf(needle)
        if (i < 0) continue
        el.focus()
        window.getSelection()!.collapse(node, i + needle.length)
        break
      }
      await new Promise((resolve) => setTimeout(resolve, 100))
      const data = new DataTransfer()
      data.setData('text/html', '<p>第一段粘贴的文字。</p><p>第二段粘贴的文字。</p>')
      data.setData('text/plain', '第一段粘贴的文字。\n第二段粘贴的文字。')
      el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }))
    }, title)
    await expect.poll(() => sectionTexts(target.attrs.id)).toEqual([before[0], '第一段粘贴的文字。', '第二段粘贴的文字。', ...before.slice(1)])
  })
})

describe('outline entries', () => {
  it('show the full title on hover and read differently where the titles differ', async () => {
    const entries = await outline.getByRole('listitem').getByRole('button').evaluateAll((els) =>
      els.map((e) => ({ tip: e.getAttribute('title') ?? '', shown: e.querySelector('.outline__title')?.textContent ?? '' }))
    )
    expect(entries.length).toBe(sections.length)
    for (const [i, s] of sections.entries()) expect(entries[i].tip.endsWith(titleOf(s))).toBe(true)
    // Titles that differ never read the same, even when shortened.
    const byShown = new Map<string, Set<string>>()
    for (const [i, s] of sections.entries()) byShown.set(entries[i].shown, (byShown.get(entries[i].shown) ?? new Set()).add(titleOf(s)))
    const clashes = [...byShown].filter(([, titles]) => titles.size > 1)
    expect(clashes).toEqual([])
    // Some titles are long enough to be shortened (otherwise this proves nothing).
    expect(entries.some((e) => e.shown.includes('…'))).toBe(true)
  })

  it('show every label whole inside its entry (no clip per entry: nothing cut off or drawn over the next)', async () => {
    const boxes = await outline.getByRole('listitem').getByRole('button').evaluateAll((els) =>
      els.map((e) => {
        const b = e.getBoundingClientRect()
        const t = e.querySelector('.outline__title')!.getBoundingClientRect()
        const tag = e.querySelector('.outline__required')?.getBoundingClientRect()
        return { left: b.left, right: b.right, top: b.top, bottom: b.bottom, tLeft: t.left, tRight: t.right, tTop: t.top, tBottom: t.bottom, tagLeft: tag?.left }
      })
    )
    expect(boxes.length).toBe(sections.length)
    for (const [i, b] of boxes.entries()) {
      expect(b.tLeft, `entry ${i}`).toBeGreaterThanOrEqual(b.left)
      expect(b.tRight, `entry ${i}`).toBeLessThanOrEqual(b.right)
      expect(b.tTop, `entry ${i}`).toBeGreaterThanOrEqual(b.top)
      expect(b.tBottom, `entry ${i}`).toBeLessThanOrEqual(b.bottom)
      if (b.tagLeft !== undefined) expect(b.tRight, `entry ${i}: title before its 必写 tag`).toBeLessThanOrEqual(b.tagLeft)
    }
  })
})

describe('leaving the editor', () => {
  it('releases the editor DOM: no detached editor after 5 open/leave cycles', async () => {
    for (let i = 0; i < 5; i++) {
      await openReport()
      await page.getByRole('button', { name: '返回列表' }).first().click()
      await page.getByRole('heading', { name: '报告列表' }).waitFor()
    }
    const cdp = await page.context().newCDPSession(page)
    await cdp.send('HeapProfiler.enable')
    await cdp.send('HeapProfiler.collectGarbage')
    await cdp.send('HeapProfiler.collectGarbage')
    const proto = await cdp.send('Runtime.evaluate', { expression: 'HTMLDivElement.prototype' })
    const found = await cdp.send('Runtime.queryObjects', { prototypeObjectId: proto.result.objectId! })
    const counted = await cdp.send('Runtime.callFunctionOn', {
      objectId: found.objects.objectId!,
      functionDeclaration: 'function () { return this.filter((d) => d.classList.contains("ProseMirror")).map((d) => d.isConnected) }',
      returnByValue: true
    })
    await cdp.detach()
    const editors = counted.result.value as boolean[]
    expect(editors.filter((connected) => !connected)).toEqual([])
    // The probe does see editors: open one and it is counted as connected.
    await openReport()
    const cdp2 = await page.context().newCDPSession(page)
    const proto2 = await cdp2.send('Runtime.evaluate', { expression: 'HTMLDivElement.prototype' })
    const found2 = await cdp2.send('Runtime.queryObjects', { prototypeObjectId: proto2.result.objectId! })
    const live = await cdp2.send('Runtime.callFunctionOn', {
      objectId: found2.objects.objectId!,
      functionDeclaration: 'function () { return this.filter((d) => d.classList.contains("ProseMirror") && d.isConnected).length }',
      returnByValue: true
    })
    await cdp2.detach()
    expect(live.result.value).toBe(1)
  })
})
