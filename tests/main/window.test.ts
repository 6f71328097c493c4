import { describe, expect, it } from 'vitest'
import { createWindowOptions, createMainWindow, DEFAULT_BOUNDS } from '../../src-main/main/window'
import { BrowserWindow, resetElectronMock } from '../mocks/electron'

describe('window options factory', () => {
  it('locks the renderer down and names the window 汇报', () => {
    const options = createWindowOptions('/app/out/preload/index.js')
    expect(options.title).toBe('汇报')
    expect(options.webPreferences).toMatchObject({
      preload: '/app/out/preload/index.js',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false
    })
  })

  it('uses the given bounds, else the defaults', () => {
    expect(createWindowOptions('/p.js', { x: 10, y: 20, width: 1000, height: 700 })).toMatchObject({
      x: 10,
      y: 20,
      width: 1000,
      height: 700
    })
    expect(createWindowOptions('/p.js')).toMatchObject(DEFAULT_BOUNDS)
  })

  it('creates a hidden window that shows itself once ready and keeps its title', () => {
    resetElectronMock()
    const window = createMainWindow('/p.js') as unknown as BrowserWindow
    expect(BrowserWindow.created).toEqual([window])
    expect(window.visible).toBe(false)
    window.emit('ready-to-show')
    expect(window.visible).toBe(true)
    let prevented = false
    window.emit('page-title-updated', { preventDefault: () => (prevented = true) }, 'Other')
    expect(prevented).toBe(true)
  })
})
