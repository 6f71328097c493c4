// Issue 15 in the built renderer: the leader's role counts down and ends after the idle time;
// a PIN older than a minute is asked again before 审核通过; the versions page shows signed
// entries, and reports precisely when the last audit entry is deleted from IndexedDB.
// Playwright's clock stands in for waiting minutes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Locator, Page } from 'playwright-core'
import { launchBrowser, serveRenderer, type BrowserSession, type RendererServer } from './harness'
import { createReportFromHome, fillRequiredSections, typeInSection } from './editor-helpers'

let server: RendererServer
let session: BrowserSession
let page: Page
let review: Locator
let reportId = ''
const PIN = '482915'

beforeAll(async () => {
  server = await serveRenderer()
  session = await launchBrowser()
  page = session.page
  await page.clock.install()
  await page.goto(server.url)
  // A complete report (real addressee, every 必写 section written): 送审 checks it first.
  await createReportFromHome(page, '乙镇人民政府', '2024', { addressee: '丙县人民政府' })
  await fillRequiredSections(page)
  reportId = decodeURIComponent(/#\/reports\/([^/?]+)/.exec(page.url())![1])
  review = page.getByRole('toolbar', { name: '审核' })
})

afterAll(async () => {
  await session?.close()
  await server?.close()
})

const statusText = async () => (await review.locator('.review-bar__status').textContent()) ?? ''
const roleText = async () => (await page.locator('.role-switch__who').textContent()) ?? ''

describe('approval means approved (browser)', () => {
  it('counts down, asks for a stale PIN again before 审核通过, and ends the role after 5 idle minutes', async () => {
    await typeInSection(page, /^（一）/, '梳理权责清单。')
    // 送审 is refused while a cited figure is empty (公文校对 gate): fill the one the text cites.
    const patrols = page.getByRole('region', { name: '指标' }).getByRole('textbox', { name: '日常巡查次数' })
    await patrols.fill('120')
    await patrols.press('Enter')
    await review.getByRole('button', { name: '送审', exact: true }).click()
    const setup = page.getByRole('dialog', { name: '审核设置' })
    await setup.getByRole('textbox', { name: '起草人姓名' }).fill('王小明')
    await setup.getByRole('textbox', { name: '审核人姓名' }).fill('李主任')
    await setup.getByRole('textbox', { name: '审核人PIN' }).fill(PIN)
    await setup.getByRole('textbox', { name: '再次输入PIN' }).fill(PIN)
    expect(await setup.getByRole('spinbutton', { name: '自动退出时间（分钟）' }).inputValue()).toBe('5')
    await setup.getByRole('button', { name: '保存' }).click()
    // Setup hashes the PIN and creates the PIN-wrapped signing key (two PBKDF2 runs) first.
    await expect.poll(statusText, { timeout: 10_000 }).toContain('送审')

    await page.getByRole('button', { name: '切换到审核人' }).click()
    const pinDialog = page.getByRole('dialog', { name: '切换到审核人' })
    await pinDialog.getByRole('textbox', { name: '审核人PIN' }).fill(PIN)
    await pinDialog.getByRole('button', { name: '确定' }).click()
    await expect.poll(roleText, { timeout: 5000 }).toContain('审核人（李主任）')
    const timer = page.getByRole('timer')
    await expect.poll(() => timer.textContent()).toMatch(/^审核人 · [45]:\d\d 后自动退出$/)

    // 61 s later (still within the idle time) the PIN is stale: 审核通过 asks for it again.
    await page.clock.fastForward(61_000)
    await expect.poll(() => timer.textContent()).toMatch(/^审核人 · 3:\d\d 后自动退出$/)
    await review.getByRole('button', { name: '审核通过' }).click()
    const approve = page.getByRole('dialog', { name: '审核通过' })
    await approve.getByRole('textbox', { name: '审核意见' }).fill('同意报送。')
    await approve.getByRole('button', { name: '审核通过', exact: true }).click()
    const confirm = page.getByRole('dialog', { name: '确认审核人身份' })
    await confirm.waitFor()
    await confirm.getByRole('textbox', { name: '审核人PIN' }).fill(PIN)
    await confirm.getByRole('button', { name: '确定' }).click()
    await expect.poll(statusText, { timeout: 5000 }).toContain('审核通过')

    // A key counts as the leader's activity: two idle minutes, then one key restarts the five.
    await page.clock.fastForward('02:00')
    await expect.poll(() => timer.textContent()).toMatch(/^审核人 · [23]:\d\d 后自动退出$/)
    await page.keyboard.press('Shift')
    await expect.poll(() => timer.textContent()).toMatch(/^审核人 · [45]:\d\d 后自动退出$/)

    // No activity for 5 minutes: back to the clerk, with a message saying why.
    await page.clock.fastForward('05:01')
    await expect.poll(roleText).toContain('起草人')
    await expect.poll(() => page.getByText('审核人长时间没有操作，已自动切换回起草人。').count()).toBeGreaterThan(0)
    expect(await page.getByRole('timer').count()).toBe(0)
  })

  it('shows the approval as signed, and names the deleted last entry after IndexedDB is edited', async () => {
    await review.getByRole('button', { name: '版本与比较' }).click()
    const audit = page.getByRole('region', { name: '审核记录' })
    await expect.poll(() => audit.textContent()).toContain('记录完整')
    expect(await audit.getByText('已签名').count()).toBe(1)

    // Someone with access to the profile deletes the newest entry (the approval) directly.
    const deleted = await page.evaluate(
      (id) =>
        new Promise<number>((resolve, reject) => {
          const open = indexedDB.open('huibao')
          open.onerror = () => reject(open.error)
          open.onsuccess = () => {
            const db = open.result
            const tx = db.transaction('auditLog', 'readwrite')
            const store = tx.objectStore('auditLog')
            const range = IDBKeyRange.bound([id, 0], [id, Infinity])
            const cursor = store.openCursor(range, 'prev')
            let seq = 0
            cursor.onsuccess = () => {
              const c = cursor.result
              if (c && seq === 0) {
                seq = (c.value as { seq: number }).seq
                c.delete()
              }
            }
            tx.oncomplete = () => {
              db.close()
              resolve(seq)
            }
            tx.onerror = () => reject(tx.error)
          }
        }),
      reportId
    )
    expect(deleted).toBeGreaterThan(1)
    await page.reload()
    const reloaded = page.getByRole('region', { name: '审核记录' })
    await expect.poll(() => reloaded.textContent(), { timeout: 10_000 }).toContain('审核记录校验失败')
    const findings = await reloaded.getByRole('list', { name: '校验发现的问题' }).textContent()
    expect(findings).toContain(`外部校验文件记录这份报告共有 ${deleted} 条审核记录，现在只剩 ${deleted - 1} 条：最后 1 条记录被删除了。`)
    expect(findings).toContain('报告状态为“审核通过”，但审核记录中最近一次审核操作不是“审核通过”')
  })
})
