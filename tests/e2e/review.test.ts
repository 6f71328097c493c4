// The leader's review on one PC, in the built renderer in Debian's Chromium: the clerk drafts
// and submits, the leader (after the PIN) comments, suggests and returns, the clerk answers and
// resubmits, the leader sees what changed and approves; the text is then locked, the export is
// recorded, and the review copy .docx carries the comment and the tracked change.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import JSZip from 'jszip'
import type { Locator, Page } from 'playwright-core'
import { launchBrowser, serveRenderer, type BrowserSession, type RendererServer } from './harness'
import { caretAfter, createReportFromHome, fillRequiredSections, selectText, typeInSection } from './editor-helpers'

let server: RendererServer
let session: BrowserSession
let page: Page
let body: Locator
let panel: Locator
let review: Locator
const work = mkdtempSync(join(tmpdir(), 'huibao-review-e2e-'))
const PIN = '482915'

beforeAll(async () => {
  server = await serveRenderer()
  session = await launchBrowser()
  page = session.page
  await page.goto(server.url)
  // A complete report (real addressee, every 必写 section written): 送审 checks it first.
  body = await createReportFromHome(page, '甲镇人民政府', '2024', { addressee: '乙县人民政府' })
  await fillRequiredSections(page)
  review = page.getByRole('toolbar', { name: '审核' })
  panel = page.getByRole('region', { name: '批注与修订' })
})

afterAll(async () => {
  await session?.close()
  await server?.close()
  rmSync(work, { recursive: true, force: true })
})

async function statusText(): Promise<string> {
  return (await review.locator('.review-bar__status').textContent()) ?? ''
}

async function roleText(): Promise<string> {
  return (await page.locator('.role-switch__who').textContent()) ?? ''
}

async function switchToLeader(pin = PIN): Promise<void> {
  await page.getByRole('button', { name: '切换到审核人' }).click()
  const dialog = page.getByRole('dialog', { name: '切换到审核人' })
  await dialog.getByRole('textbox', { name: '审核人PIN' }).fill(pin)
  await dialog.getByRole('button', { name: '确定' }).click()
}

async function confirmDialog(title: string, field: string, text: string, button: string): Promise<Locator> {
  const dialog = page.getByRole('dialog', { name: title })
  await dialog.getByRole('textbox', { name: field }).fill(text)
  await dialog.getByRole('button', { name: button, exact: true }).click()
  return dialog
}

async function download(click: () => Promise<void>, name: string): Promise<string> {
  const [dl] = await Promise.all([page.waitForEvent('download'), click()])
  const path = join(work, name)
  await dl.saveAs(path)
  return path
}

async function docText(): Promise<string> {
  return body.evaluate((el) => {
    const clone = el.cloneNode(true) as HTMLElement
    clone.querySelectorAll('.section-number, .section-guidance').forEach((n) => n.remove())
    return clone.textContent ?? ''
  })
}

describe('review on one PC', () => {
  it('clerk drafts and submits (first run asks for the two people and the PIN)', async () => {
    await typeInSection(page, /^（一）/, '梳理权责清单并向社会公开。')
    const patrols = page.getByRole('region', { name: '指标' }).getByRole('textbox', { name: '日常巡查次数' })
    await patrols.fill('120')
    await patrols.press('Enter')
    expect(await statusText()).toContain('草稿')
    expect(await roleText()).toContain('起草人')

    await review.getByRole('button', { name: '送审', exact: true }).click()
    const setup = page.getByRole('dialog', { name: '审核设置' })
    await setup.getByRole('textbox', { name: '起草人姓名' }).fill('王小明')
    await setup.getByRole('textbox', { name: '审核人姓名' }).fill('李主任')
    await setup.getByRole('textbox', { name: '审核人PIN' }).fill(PIN)
    await setup.getByRole('textbox', { name: '再次输入PIN' }).fill('482916')
    await setup.getByRole('button', { name: '保存' }).click()
    expect(await setup.getByRole('alert').textContent()).toContain('不一致')
    await setup.getByRole('textbox', { name: '再次输入PIN' }).fill(PIN)
    await setup.getByRole('button', { name: '保存' }).click()
    // Setup hashes the PIN and creates the PIN-wrapped signing key (two PBKDF2 runs) first.
    await expect.poll(statusText, { timeout: 10_000 }).toContain('送审')
    expect(await roleText()).toContain('王小明')
    // The clerk waits while the leader reviews.
    expect(await body.getAttribute('contenteditable')).toBe('false')
  })

  it('refuses a wrong PIN and stays the clerk', async () => {
    await switchToLeader('000000')
    const dialog = page.getByRole('dialog', { name: '切换到审核人' })
    await expect.poll(() => dialog.getByRole('alert').textContent()).toContain('PIN不正确')
    expect(await roleText()).toContain('起草人')
    expect(await review.getByRole('button', { name: '审核通过' }).count()).toBe(0)
    await dialog.getByRole('button', { name: '取消' }).click()
  })

  it('leader comments, suggests an edit, exports the review copy and returns', async () => {
    await switchToLeader()
    await expect.poll(roleText, { timeout: 5000 }).toContain('审核人（李主任）')

    await selectText(page, body, '权责清单')
    await review.getByRole('button', { name: '批注', exact: true }).click()
    await panel.getByRole('textbox', { name: '批注内容' }).fill('请写明清单涉及多少项事项。')
    await panel.getByRole('button', { name: '添加批注' }).click()
    await expect.poll(() => body.locator('.review-comment').textContent()).toBe('权责清单')
    await expect.poll(() => panel.getByRole('article').count()).toBe(1)

    // While submitted, the leader's typing is a suggestion.
    await caretAfter(body, '向社会公开')
    await page.keyboard.type('并动态更新')
    await expect.poll(() => body.locator('ins.review-ins').textContent()).toBe('并动态更新')
    expect(await body.locator('ins.review-ins').getAttribute('data-author')).toBe('李主任')
    await expect.poll(() => panel.getByRole('list', { name: '修订建议' }).getByRole('listitem').count()).toBe(1)

    const docx = await download(() => review.getByRole('button', { name: '导出审核稿' }).click(), 'review.docx')
    const zip = await JSZip.loadAsync(readFileSync(docx))
    const document = await zip.file('word/document.xml')!.async('string')
    const comments = await zip.file('word/comments.xml')!.async('string')
    expect(document).toMatch(/<w:ins [^>]*w:author="李主任"[^>]*>[\s\S]*?并动态更新[\s\S]*?<\/w:ins>/)
    expect(document).toMatch(/<w:commentRangeStart w:id="0"\/>[\s\S]*?权责清单[\s\S]*?<w:commentRangeEnd w:id="0"\/>/)
    expect(comments).toContain('请写明清单涉及多少项事项。')
    // LibreOffice opens it and keeps the text.
    execFileSync('soffice', ['--headless', '--convert-to', 'pdf', '--outdir', work, docx], { timeout: 120_000, stdio: 'ignore', env: { ...process.env, HOME: work } })
    const pdf = join(work, 'review.pdf')
    expect(existsSync(pdf)).toBe(true)
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, '')
    expect(text).toContain('权责清单')

    await review.getByRole('button', { name: '退回修改' }).click()
    const dialog = page.getByRole('dialog', { name: '退回修改' })
    await dialog.getByRole('button', { name: '退回', exact: true }).click()
    expect(await dialog.getByRole('alert').textContent()).toContain('审核意见')
    await confirmDialog('退回修改', '审核意见', '请补充清单事项数量，巡查次数再核实。', '退回')
    await expect.poll(statusText).toContain('退回修改')
  })

  it('clerk replies, accepts the suggestion, updates a figure and resubmits', async () => {
    await page.getByRole('button', { name: '切换到起草人' }).click()
    await expect.poll(roleText).toContain('起草人')
    await expect.poll(() => page.getByRole('note', { name: '审核状态' }).textContent()).toContain('请补充清单事项数量')

    const thread = panel.getByRole('article').first()
    await thread.getByRole('textbox', { name: '回复' }).fill('已补充，共37项。')
    await thread.getByRole('button', { name: '回复', exact: true }).click()
    await expect.poll(() => thread.textContent()).toContain('已补充，共37项。')

    // Chinese input through an IME in 修订模式: the composed text is one insertion by the clerk.
    await review.getByRole('button', { name: '修订模式' }).click()
    expect(await review.getByRole('button', { name: '修订模式' }).getAttribute('aria-pressed')).toBe('true')
    await caretAfter(body, '梳理')
    const cdp = await page.context().newCDPSession(page)
    for (const t of ['b', 'bi', 'bing', '并']) await cdp.send('Input.imeSetComposition', { text: t, selectionStart: t.length, selectionEnd: t.length })
    await cdp.send('Input.insertText', { text: '并' })
    for (const t of ['q', 'qie', '且']) await cdp.send('Input.imeSetComposition', { text: t, selectionStart: t.length, selectionEnd: t.length })
    await cdp.send('Input.insertText', { text: '且' })
    await expect.poll(() => body.locator('ins.review-ins[data-author="王小明"]').allTextContents()).toEqual(['并且'])
    await panel.getByRole('button', { name: '拒绝：并且' }).click()
    await expect.poll(() => body.locator('ins.review-ins[data-author="王小明"]').count()).toBe(0)

    // Enter in 修订模式 is a suggested paragraph split (分段): the paragraph stays one, with the
    // clerk's inserted break, until it is accepted.
    const paragraphs = await body.locator('p').count()
    await caretAfter(body, '权责清单')
    await page.keyboard.press('Enter')
    await expect.poll(() => body.locator('ins.review-ins[data-author="王小明"] br').count()).toBe(1)
    expect(await body.locator('p').count()).toBe(paragraphs)
    // The open review panel follows the document once idle (EditorView syncView).
    await expect.poll(() => panel.getByRole('button', { name: '王小明 建议分段：分段' }).count()).toBe(1)
    await panel.getByRole('button', { name: '接受：分段' }).click()
    await expect.poll(() => body.locator('p').count()).toBe(paragraphs + 1)
    expect(await body.locator('ins.review-ins br').count()).toBe(0)
    expect(await body.locator('p').filter({ hasText: '梳理权责清单' }).textContent()).toBe('梳理权责清单')
    await review.getByRole('button', { name: '修订模式' }).click()

    // A comment whose text is then deleted stays listed, marked 原文已删除; resolving it closes it.
    await typeInSection(page, /^（二）/, '另附说明。')
    await selectText(page, body, '另附说明')
    await review.getByRole('button', { name: '批注', exact: true }).click()
    await panel.getByRole('textbox', { name: '批注内容' }).fill('这句是否保留？')
    await panel.getByRole('button', { name: '添加批注' }).click()
    await expect.poll(() => panel.getByRole('article').count()).toBe(2)
    await selectText(page, body, '另附说明')
    await page.keyboard.press('Backspace')
    await page.keyboard.press('Delete')
    const orphan = panel.getByRole('article', { name: '批注：这句是否保留？' })
    await expect.poll(() => orphan.textContent()).toContain('原文已删除')
    expect(await orphan.textContent()).toContain('另附说明')
    await orphan.getByRole('button', { name: '解决' }).click()
    await expect.poll(() => panel.getByRole('article').count()).toBe(1)

    await panel.getByRole('button', { name: '接受：并动态更新' }).click()
    await expect.poll(() => body.locator('ins.review-ins').count()).toBe(0)
    expect(await docText()).toContain('梳理权责清单并向社会公开并动态更新。')

    const patrols = page.getByRole('region', { name: '指标' }).getByRole('textbox', { name: '日常巡查次数' })
    await patrols.fill('126')
    await patrols.press('Enter')
    await review.getByRole('button', { name: '送审', exact: true }).click()
    await expect.poll(statusText, { timeout: 10_000 }).toContain('送审')
  })

  it('leader sees only what changed since the last review', async () => {
    await switchToLeader()
    await expect.poll(roleText, { timeout: 5000 }).toContain('审核人')
    // The banner offers it in the editor too; here it goes through the versions page.
    expect(await page.getByRole('note', { name: '审核状态' }).getByRole('button', { name: '查看自上次审核以来的修改' }).count()).toBe(1)
    await review.getByRole('button', { name: '版本与比较' }).click()
    await page.getByRole('heading', { name: '版本与比较' }).waitFor()
    await page.getByRole('region', { name: '比较版本' }).getByRole('button', { name: '查看自上次审核以来的修改' }).click()
    await page.getByRole('heading', { name: '版本比较' }).waitFor()
    const metricsChanged = page.getByRole('region', { name: '指标变化' })
    await expect.poll(() => metricsChanged.textContent()).toMatch(/日常巡查次数\s*120次\s*→\s*126次/)
    const textChanges = page.getByRole('region', { name: '正文变化' })
    expect(await textChanges.locator('ins').allTextContents()).toContain('并动态更新')
    // Only the changed section is listed, not the untouched ones.
    const blocks = await textChanges.getByRole('article').count()
    expect(blocks).toBe(1)
    await page.getByRole('button', { name: '返回编辑' }).click()
    await body.waitFor()
  })

  it('approval is refused while a suggestion is pending, then approved; editing is refused', async () => {
    await expect.poll(statusText, { timeout: 10_000 }).toContain('送审')
    await caretAfter(body, '动态更新')
    await page.keyboard.type('，每季度复核')
    await expect.poll(() => body.locator('ins.review-ins').count()).toBe(1)
    await review.getByRole('button', { name: '审核通过' }).click()
    const dialog = page.getByRole('dialog', { name: '审核通过' })
    await dialog.getByRole('button', { name: '审核通过', exact: true }).click()
    await expect.poll(() => dialog.getByRole('alert').textContent()).toContain('修订建议未处理')
    await dialog.getByRole('button', { name: '取消' }).click()

    await review.getByRole('button', { name: '批注与修订' }).click()
    if (!(await panel.isVisible())) await review.getByRole('button', { name: '批注与修订' }).click()
    await panel.getByRole('button', { name: '全部拒绝' }).click()
    await expect.poll(() => body.locator('ins.review-ins').count()).toBe(0)

    await review.getByRole('button', { name: '审核通过' }).click()
    await confirmDialog('审核通过', '审核意见', '同意报送。', '审核通过')
    await expect.poll(statusText).toContain('审核通过')
    await expect.poll(() => page.getByRole('note', { name: '审核状态' }).textContent()).toContain('正文已锁定')

    expect(await body.getAttribute('contenteditable')).toBe('false')
    const before = await docText()
    await body.click()
    await page.keyboard.type('不应出现')
    expect(await docText()).toBe(before)
  })

  it('export is recorded (已报送) with the file hash, in an intact audit trail', async () => {
    const file = await download(() => page.getByRole('button', { name: '导出Word' }).click(), 'approved.docx')
    await expect.poll(statusText, { timeout: 10_000 }).toContain('已报送')
    const zip = await JSZip.loadAsync(readFileSync(file))
    const document = await zip.file('word/document.xml')!.async('string')
    expect(document).not.toMatch(/<w:(ins|del|commentRangeStart)\b/)
    expect(zip.file('word/comments.xml')).toBeNull()

    await review.getByRole('button', { name: '版本与比较' }).click()
    const audit = page.getByRole('region', { name: '审核记录' })
    await expect.poll(() => audit.textContent(), { timeout: 10_000 }).toContain('记录完整')
    const entries = await audit.getByRole('listitem').allTextContents()
    expect(entries.map((e) => e.match(/送审|导出审核稿|退回修改|审核通过|报送导出/)?.[0])).toEqual(['送审', '导出审核稿', '退回修改', '送审', '审核通过', '报送导出'])
    const { createHash } = await import('node:crypto')
    const sha = createHash('sha256').update(readFileSync(file)).digest('hex')
    expect(entries.at(-1)).toContain(sha.slice(0, 16))

    await page.getByRole('button', { name: '返回编辑' }).click()
    await page.getByRole('button', { name: '返回列表' }).click()
    const row = page.getByRole('row').filter({ hasText: '甲镇人民政府' })
    await expect.poll(() => row.textContent()).toContain('已报送')
    // The open-comment counts are loaded after the rows.
    await expect.poll(() => row.textContent(), { timeout: 10_000 }).toContain('1 条批注')
  })
})
