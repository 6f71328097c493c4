import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import {
  APP_ORIGIN,
  DATA_DIR_NAME,
  LAST_VERSION_FILE,
  WINDOW_STATE_FILE,
  devRendererUrl,
  resolveUserDataPath,
  trustedOrigins
} from '../../src-main/main/constants'
import { boot, freshProfile, type Booted } from './app-helpers'
import { app, BrowserWindow, dialog, ipcMain, mainFrame, Menu, protocol } from '../mocks/electron'

let booted: Booted | null = null
afterEach(() => {
  booted?.cleanup()
  booted = null
})

describe('profile location', () => {
  it('is pinned to <appData>/Huibao whatever the product name', () => {
    expect(resolveUserDataPath('/home/li/.config', {}, [])).toBe(join('/home/li/.config', 'Huibao'))
  })

  it('can be redirected with HUIBAO_USER_DATA or --user-data-dir=', () => {
    expect(resolveUserDataPath('/cfg', { HUIBAO_USER_DATA: '/tmp/try' }, [])).toBe('/tmp/try')
    expect(resolveUserDataPath('/cfg', {}, ['electron', '.', '--user-data-dir=/tmp/other'])).toBe('/tmp/other')
    expect(resolveUserDataPath('/cfg', {}, ['electron', '--user-data-dir=rel'])).toBe(resolve('rel'))
  })

  it('is set before ready, with the app name pinned, and app files in a sub-folder', async () => {
    booted = await boot()
    expect(app.getName()).toBe('Huibao')
    expect(app.getPath('userData')).toBe(booted.profile)
    expect(DATA_DIR_NAME).not.toBe('databases')
    const dataDir = join(booted.profile, DATA_DIR_NAME)
    expect(JSON.parse(readFileSync(join(dataDir, LAST_VERSION_FILE), 'utf8'))).toEqual({ version: app.getVersion() })
  })
})

describe('start-up', () => {
  it('registers app:// before ready, serves it after, and loads the app origin', async () => {
    booted = await boot()
    expect(protocol.privilegedSchemes.map((s) => s.scheme)).toEqual(['app'])
    expect(protocol.registeredAfterReady).toBe(false)
    expect(protocol.isProtocolHandled('app')).toBe(true)
    expect(booted.window!.webContents.loadedUrls).toEqual([`${APP_ORIGIN}/index.html`])
    expect(booted.window!.options.webPreferences.preload).toBe('/opt/huibao/resources/app.asar/out/preload/index.js')
  })

  it('registers the IPC handlers and the menu', async () => {
    booted = await boot()
    const channels = [...ipcMain.handlers.keys()]
    expect(channels).toEqual(expect.arrayContaining(['app:info', 'file:save']))
    // Data safety: automatic backups and recovery copies are served from start-up on.
    expect(channels).toEqual(
      expect.arrayContaining(['backup:status', 'backup:write-auto', 'backup:open', 'recovery:write', 'recovery:list', 'recovery:read'])
    )
    const info = await ipcMain.invoke('app:info', { frame: mainFrame('app://huibao/index.html') }, undefined)
    expect(info).toMatchObject({ ok: true, value: { dataPath: booted.profile } })
    expect(Menu.getApplicationMenu()).not.toBeNull()
  })

  it('loads the dev server URL only when ELECTRON_RENDERER_URL is set and unpackaged', async () => {
    booted = await boot(undefined, () => {
      process.env.ELECTRON_RENDERER_URL = 'http://localhost:5173/'
    })
    expect(booted.window!.webContents.loadedUrls).toEqual(['http://localhost:5173/'])
    expect(devRendererUrl(true, { ELECTRON_RENDERER_URL: 'http://localhost:5173/' })).toBeNull()
    expect(trustedOrigins(true, { ELECTRON_RENDERER_URL: 'http://localhost:5173/' })).toEqual([APP_ORIGIN])
    expect(devRendererUrl(false, { ELECTRON_RENDERER_URL: 'javascript:alert(1)' })).toBeNull()
  })

  it('restores the saved window state', async () => {
    const profile = freshProfile()
    mkdirSync(join(profile, DATA_DIR_NAME), { recursive: true })
    const saved = { x: 30, y: 40, width: 1000, height: 700, maximized: true }
    writeFileSync(join(profile, DATA_DIR_NAME, WINDOW_STATE_FILE), JSON.stringify(saved))
    booted = await boot(profile)
    expect(booted.window!.bounds).toEqual({ x: 30, y: 40, width: 1000, height: 700 })
    expect(booted.window!.maximized).toBe(true)
  })
})

describe('single instance', () => {
  it('a second launch quits without a window', async () => {
    booted = await boot(undefined, () => {
      app.singleInstanceLock = false
    })
    expect(booted.window).toBeNull()
    expect(app.quitCalls).toBe(1)
    expect(BrowserWindow.created).toEqual([])
  })

  it('the first instance restores and focuses its window when a second one starts', async () => {
    booted = await boot()
    const window = booted.window!
    window.minimize()
    app.emit('second-instance', {}, ['huibao'], '/')
    expect(window.isMinimized()).toBe(false)
    expect(window.focusCount).toBe(1)
    expect(BrowserWindow.created).toHaveLength(1)
  })
})

describe('downgrade guard', () => {
  it('explains in Chinese and quits before any window when an older version starts', async () => {
    const profile = freshProfile()
    const dataDir = join(profile, DATA_DIR_NAME)
    mkdirSync(dataDir, { recursive: true })
    writeFileSync(join(dataDir, LAST_VERSION_FILE), JSON.stringify({ version: '9.0.0' }))
    booted = await boot(profile, () => {
      app.version = '1.0.0'
    })
    expect(booted.window).toBeNull()
    expect(BrowserWindow.created).toEqual([])
    expect(app.exitCode).not.toBeNull()
    const options = dialog.showMessageBoxSync.mock.calls[0][0] as { message: string; detail: string }
    expect(options.message).toContain('9.0.0')
    expect(options.message).toContain('1.0.0')
    // The newer version's record stays: the data still belongs to 9.0.0.
    expect(JSON.parse(readFileSync(join(dataDir, LAST_VERSION_FILE), 'utf8'))).toEqual({ version: '9.0.0' })
    expect(existsSync(join(dataDir, WINDOW_STATE_FILE))).toBe(false)
  })

  it('starts normally after an upgrade and records the new version', async () => {
    const profile = freshProfile()
    const dataDir = join(profile, DATA_DIR_NAME)
    mkdirSync(dataDir, { recursive: true })
    writeFileSync(join(dataDir, LAST_VERSION_FILE), JSON.stringify({ version: '0.9.0' }))
    booted = await boot(profile, () => {
      app.version = '0.10.0'
    })
    expect(booted.window).not.toBeNull()
    expect(JSON.parse(readFileSync(join(dataDir, LAST_VERSION_FILE), 'utf8'))).toEqual({ version: '0.10.0' })
  })
})
