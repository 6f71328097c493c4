// The real desktop app, end to end: launch Electron on out/ with a throw-away profile, create
// a report, export Word through the native save path. Runs only where the Electron binary is
// installed; detection reads node_modules/electron/path.txt and never require('electron'),
// which in Electron 45 would start a lazy download.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import JSZip from 'jszip'
import { _electron } from 'playwright-core'
import { findElectronBinary } from './electron-binary'

const ROOT = resolve(__dirname, '../..')
const found = findElectronBinary()
const runOrSkip = 'path' in found ? it : it.skip
const title = 'path' in found ? 'creates a report and exports Word in the real app' : `Electron binary not installed: ${found.reason}`
// Say why in the run's output too: the default reporter does not print skipped tests' titles.
if (!('path' in found)) console.warn(`[skipped] ${title}`)

describe('Electron app (real binary)', () => {
  runOrSkip(title, async () => {
    if (!('path' in found)) return
    if (!existsSync(join(ROOT, 'out/main/index.js'))) throw new Error('out/ is missing: run `npx electron-vite build` first')
    const profile = mkdtempSync(join(tmpdir(), 'huibao-e2e-profile-'))
    const target = join(profile, 'exported.docx')
    // A fresh profile, and never the dev server: this must be the packaged-style app:// load.
    const env: Record<string, string> = { HUIBAO_USER_DATA: profile }
    for (const [key, value] of Object.entries(process.env)) {
      if (value !== undefined && key !== 'ELECTRON_RENDERER_URL' && key !== 'HUIBAO_USER_DATA') env[key] = value
    }
    const electronApp = await _electron.launch({ executablePath: found.path, args: [ROOT], env })
    try {
      // The native dialog cannot be clicked by a test: answer it from main.
      await electronApp.evaluate(({ dialog }, path) => {
        dialog.showSaveDialog = (async () => ({ canceled: false, filePath: path })) as typeof dialog.showSaveDialog
      }, target)
      const page = await electronApp.firstWindow()
      expect(page.url()).toBe('app://huibao/index.html')
      expect(await page.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined')

      await page.getByRole('button', { name: '新建报告' }).click()
      const dialog = page.getByRole('dialog', { name: '新建报告' })
      await dialog.getByRole('textbox', { name: '发文机关', exact: true }).fill('测试镇人民政府')
      await dialog.getByRole('spinbutton', { name: '年度' }).or(dialog.getByRole('textbox', { name: '年度' })).fill('2024')
      await dialog.getByRole('button', { name: '创建' }).click()
      await page.getByRole('textbox', { name: '报告正文' }).waitFor()

      await page.getByRole('button', { name: '导出Word' }).click()
      // Empty figures make the app ask first (导出前检查); export anyway.
      const anyway = page.getByRole('button', { name: '仍然导出' })
      await expect
        .poll(
          async () => {
            if (await anyway.isVisible()) await anyway.click()
            return existsSync(target)
          },
          { timeout: 30_000 }
        )
        .toBe(true)
      const zip = await JSZip.loadAsync(readFileSync(target))
      const xml = await zip.file('word/document.xml')!.async('string')
      expect(xml.replace(/<[^>]+>/g, '')).toContain('测试镇人民政府')
    } finally {
      await electronApp.close()
      rmSync(profile, { recursive: true, force: true })
    }
  })
})
