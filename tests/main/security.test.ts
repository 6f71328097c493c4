// Fails if any code path creates an unsafe window, exposes more than named functions, lets the
// page navigate, open windows, gain permissions, attach webviews, or reach the network.
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { boot, type Booted } from './app-helpers'
import { BrowserWindow, contextBridge, fakeEvent, ipcRenderer, resetElectronMock, session, shell } from '../mocks/electron'

const SRC_MAIN = resolve(__dirname, '../../src-main')

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : []
  })
}

/** The security invariants of a window, as recorded by the mock. */
function assertLockedDown(window: BrowserWindow): void {
  const prefs = window.options.webPreferences ?? {}
  expect(prefs.nodeIntegration, 'nodeIntegration').toBe(false)
  expect(prefs.nodeIntegrationInWorker, 'nodeIntegrationInWorker').toBe(false)
  expect(prefs.nodeIntegrationInSubFrames ?? false, 'nodeIntegrationInSubFrames').toBe(false)
  expect(prefs.contextIsolation, 'contextIsolation').toBe(true)
  expect(prefs.sandbox, 'sandbox').toBe(true)
  expect(prefs.webSecurity, 'webSecurity').toBe(true)
  expect(prefs.webviewTag ?? false, 'webviewTag').toBe(false)
  expect(prefs.allowRunningInsecureContent ?? false, 'allowRunningInsecureContent').toBe(false)
  expect(prefs.experimentalFeatures ?? false, 'experimentalFeatures').toBe(false)
}

let booted: Booted | null = null
afterEach(() => {
  booted?.cleanup()
  booted = null
})

describe('every BrowserWindow is locked down', () => {
  it('on a normal start, a second launch and a dev-server start', async () => {
    booted = await boot()
    const { app } = await import('../mocks/electron')
    app.emit('second-instance', {}, [], '/')
    const normal = [...BrowserWindow.created]
    booted.cleanup()

    booted = await boot(undefined, () => {
      process.env.ELECTRON_RENDERER_URL = 'http://localhost:5173/'
    })
    const all = [...normal, ...BrowserWindow.created]
    expect(all.length).toBeGreaterThanOrEqual(2)
    for (const window of all) assertLockedDown(window)
  })

  it('the sandbox is enabled for every renderer', async () => {
    booted = await boot()
    const { app } = await import('../mocks/electron')
    expect(app.sandboxEnabled).toBe(true)
  })

  it('no source file creates a window outside the one factory, or weakens it', () => {
    const files = sourceFiles(SRC_MAIN)
    expect(files.length).toBeGreaterThan(5)
    const creators = files.filter((file) => /new\s+BrowserWindow\s*\(/.test(readFileSync(file, 'utf8')))
    expect(creators.map((file) => relative(SRC_MAIN, file))).toEqual([join('main', 'window.ts')])
    const weakening = /(nodeIntegration\w*|webviewTag|allowRunningInsecureContent|experimentalFeatures)\s*:\s*true|(contextIsolation|sandbox|webSecurity)\s*:\s*false|enableRemoteModule|shell\.openExternal|openExternal\(/
    for (const file of files) {
      expect(readFileSync(file, 'utf8'), relative(SRC_MAIN, file)).not.toMatch(weakening)
    }
  })
})

describe('the preload exposes named functions only', () => {
  it('exposes no ipcRenderer, no object and no non-function', async () => {
    resetElectronMock()
    await import('../../src-main/preload/index')
    expect([...contextBridge.exposed.keys()]).toEqual(['huibao'])
    const api = contextBridge.exposed.get('huibao') as Record<string, unknown>
    expect(api).not.toBe(ipcRenderer)
    for (const [name, value] of Object.entries(api)) {
      expect(typeof value, name).toBe('function')
      expect(value, name).not.toBe(ipcRenderer.invoke)
      expect(value, name).not.toBe(ipcRenderer.send)
      expect(value, name).not.toBe(ipcRenderer.on)
    }
  })
})

describe('the session makes no network requests and grants nothing', () => {
  it.each([
    'https://cdn.example.com/vue.js',
    'http://127.0.0.1:8080/',
    'http://localhost:5173/',
    'ws://localhost:5173/',
    'wss://example.com/socket',
    'ftp://example.com/file',
    'file:///etc/passwd',
    'app://evil/index.html'
  ])('cancels %s', async (url) => {
    booted = await boot()
    expect(await session.defaultSession.requestAllowed(url)).toBe(false)
  })

  it.each(['app://huibao/index.html', 'app://huibao/assets/index.js', 'data:image/png;base64,AAAA', 'blob:app://huibao/1234'])(
    'lets %s through',
    async (url) => {
      booted = await boot()
      expect(await session.defaultSession.requestAllowed(url)).toBe(true)
    }
  )

  it('lets the dev server (and its HMR socket) through only in dev', async () => {
    booted = await boot(undefined, () => {
      process.env.ELECTRON_RENDERER_URL = 'http://localhost:5173/'
    })
    expect(await session.defaultSession.requestAllowed('http://localhost:5173/src/main.ts')).toBe(true)
    expect(await session.defaultSession.requestAllowed('ws://localhost:5173/')).toBe(true)
    expect(await session.defaultSession.requestAllowed('http://localhost:5174/')).toBe(false)
    expect(await session.defaultSession.requestAllowed('https://example.com/')).toBe(false)
  })

  it('denies every permission; only durable storage for the app itself', async () => {
    booted = await boot()
    const ses = session.defaultSession
    for (const permission of ['media', 'geolocation', 'notifications', 'openExternal', 'clipboard-read', 'fullscreen', 'midi']) {
      expect(await ses.requestPermission(permission, 'app://huibao/index.html'), permission).toBe(false)
      expect(ses.permissionCheckHandler!(null, permission, 'app://huibao', {}), permission).toBe(false)
    }
    expect(await ses.requestPermission('persistent-storage', 'app://huibao/index.html')).toBe(true)
    expect(await ses.requestPermission('persistent-storage', 'https://evil.example/')).toBe(false)
    expect(ses.devicePermissionHandler!({})).toBe(false)
  })
})

describe('web contents cannot leave the app', () => {
  it('blocks navigation, redirects and frames to other origins', async () => {
    booted = await boot()
    const contents = booted.window!.webContents
    for (const name of ['will-navigate', 'will-frame-navigate', 'will-redirect']) {
      for (const url of ['https://evil.example/', 'file:///etc/passwd', 'app://evil/', 'http://localhost:5173/']) {
        const event = fakeEvent({ url })
        contents.emit(name, event, url)
        expect(event.defaultPrevented, `${name} ${url}`).toBe(true)
      }
      const inside = fakeEvent({ url: 'app://huibao/index.html#/editor/1' })
      contents.emit(name, inside, inside.url)
      expect(inside.defaultPrevented, `${name} inside`).toBe(false)
    }
  })

  it('denies window.open without opening anything externally', async () => {
    booted = await boot()
    const contents = booted.window!.webContents
    expect(contents.windowOpenHandler!({ url: 'https://example.com/' })).toEqual({ action: 'deny' })
    expect(contents.windowOpenHandler!({ url: 'app://huibao/index.html' })).toEqual({ action: 'deny' })
    expect(shell.openExternal).not.toHaveBeenCalled()
  })

  it('prevents attaching a webview', async () => {
    booted = await boot()
    const event = fakeEvent()
    booted.window!.webContents.emit('will-attach-webview', event, {}, {})
    expect(event.defaultPrevented).toBe(true)
  })

  it('applies to web contents created later too', async () => {
    booted = await boot()
    const { FakeWebContents, app } = await import('../mocks/electron')
    const later = new FakeWebContents()
    app.emit('web-contents-created', {}, later)
    expect(later.windowOpenHandler!({ url: 'https://x.example/' })).toEqual({ action: 'deny' })
    const event = fakeEvent({ url: 'https://x.example/' })
    later.emit('will-navigate', event, event.url)
    expect(event.defaultPrevented).toBe(true)
  })
})
