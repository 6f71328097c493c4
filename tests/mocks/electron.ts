// The one central Electron mock: every test importing 'electron' gets this file (vitest alias),
// because the Electron binary is not installed here. It is a small, faithful fake — it keeps
// what the app registers (windows and their options, protocol handlers, IPC handlers, menus,
// session hooks, exposed bridges) so tests can drive and inspect it. Tests that need the
// helpers import them from this file directly ('../mocks/electron'); it is the same module.
import { EventEmitter } from 'node:events'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { vi } from 'vitest'

export interface Rectangle {
  x: number
  y: number
  width: number
  height: number
}

// ---------------------------------------------------------------- app

class FakeApp extends EventEmitter {
  isPackaged = false
  name = 'huibao'
  version = '0.1.0'
  ready = false
  singleInstanceLock = true
  sandboxEnabled = false
  quitCalls = 0
  exitCode: number | null = null
  appUserModelId: string | null = null
  paths = new Map<string, string>()
  readonly commandLine = { appendSwitch: vi.fn(), hasSwitch: vi.fn(() => false) }

  constructor() {
    super()
    this.resetPaths()
  }

  resetPaths(): void {
    const base = join(tmpdir(), 'huibao-electron-mock')
    this.paths = new Map([
      ['appData', join(base, 'appData')],
      ['userData', join(base, 'appData', 'huibao')],
      ['documents', join(base, 'Documents')],
      ['temp', tmpdir()],
      ['home', join(base, 'home')]
    ])
  }

  getPath(name: string): string {
    const path = this.paths.get(name)
    if (!path) throw new Error(`Failed to get '${name}' path`)
    return path
  }
  setPath(name: string, path: string): void {
    this.paths.set(name, path)
  }
  getName(): string {
    return this.name
  }
  setName(name: string): void {
    this.name = name
  }
  getVersion(): string {
    return this.version
  }
  setAppUserModelId(id: string): void {
    this.appUserModelId = id
  }
  enableSandbox(): void {
    if (this.ready) throw new Error('app.enableSandbox() can only be called before app is ready')
    this.sandboxEnabled = true
  }
  requestSingleInstanceLock(): boolean {
    return this.singleInstanceLock
  }
  isReady(): boolean {
    return this.ready
  }
  /** Like Electron: 'ready' comes after the main script's synchronous start-up has run. */
  whenReady(): Promise<void> {
    if (this.ready) return Promise.resolve()
    return new Promise((done) => {
      this.once('ready', () => done())
      setImmediate(() => this.becomeReady())
    })
  }
  becomeReady(): void {
    if (this.ready) return
    this.ready = true
    this.emit('ready')
  }
  quit(): void {
    this.quitCalls++
  }
  exit(code = 0): void {
    this.exitCode = code
  }
  focus(): void {}
}

export const app = new FakeApp()

// ---------------------------------------------------------------- webContents / windows

let nextWebContentsId = 1

export interface WindowOpenResponse {
  action: 'allow' | 'deny'
}

/** A navigation-style event as Electron passes it: url plus preventDefault. */
export interface FakeEvent {
  url?: string
  defaultPrevented: boolean
  preventDefault(): void
}

export function fakeEvent(fields: Record<string, unknown> = {}): FakeEvent {
  const event = {
    ...fields,
    defaultPrevented: false,
    preventDefault() {
      event.defaultPrevented = true
    }
  }
  return event
}

export class FakeWebContents extends EventEmitter {
  readonly id = nextWebContentsId++
  url = ''
  windowOpenHandler: ((details: { url: string }) => WindowOpenResponse) | null = null
  readonly sent: Array<{ channel: string; args: unknown[] }> = []
  readonly loadedUrls: string[] = []
  destroyed = false

  setWindowOpenHandler(handler: (details: { url: string }) => WindowOpenResponse): void {
    this.windowOpenHandler = handler
  }
  send(channel: string, ...args: unknown[]): void {
    this.sent.push({ channel, args })
  }
  loadURL(url: string): Promise<void> {
    this.url = url
    this.loadedUrls.push(url)
    return Promise.resolve()
  }
  getURL(): string {
    return this.url
  }
  isDestroyed(): boolean {
    return this.destroyed
  }
  openDevTools(): void {}
}

export class BrowserWindow extends EventEmitter {
  /** Every window ever constructed since the last reset, in order. */
  static created: BrowserWindow[] = []
  static focused: BrowserWindow | null = null

  readonly options: Record<string, any>
  readonly webContents = new FakeWebContents()
  bounds: Rectangle
  visible: boolean
  maximized = false
  minimized = false
  destroyed = false
  focusCount = 0

  constructor(options: Record<string, any> = {}) {
    super()
    this.options = structuredClone(options)
    this.bounds = { x: options.x ?? 0, y: options.y ?? 0, width: options.width ?? 800, height: options.height ?? 600 }
    this.visible = options.show !== false
    BrowserWindow.created.push(this)
    app.emit('browser-window-created', {}, this)
    app.emit('web-contents-created', {}, this.webContents)
  }

  static getAllWindows(): BrowserWindow[] {
    return BrowserWindow.created.filter((w) => !w.destroyed)
  }
  static getFocusedWindow(): BrowserWindow | null {
    return BrowserWindow.focused && !BrowserWindow.focused.destroyed ? BrowserWindow.focused : null
  }
  static fromWebContents(contents: unknown): BrowserWindow | null {
    return BrowserWindow.created.find((w) => w.webContents === contents) ?? null
  }

  loadURL(url: string): Promise<void> {
    return this.webContents.loadURL(url)
  }
  show(): void {
    this.visible = true
  }
  focus(): void {
    this.focusCount++
    BrowserWindow.focused = this
  }
  restore(): void {
    this.minimized = false
  }
  minimize(): void {
    this.minimized = true
  }
  isMinimized(): boolean {
    return this.minimized
  }
  maximize(): void {
    this.maximized = true
    this.emit('maximize')
  }
  unmaximize(): void {
    this.maximized = false
    this.emit('unmaximize')
  }
  isMaximized(): boolean {
    return this.maximized
  }
  getBounds(): Rectangle {
    return { ...this.bounds }
  }
  getNormalBounds(): Rectangle {
    return { ...this.bounds }
  }
  setBounds(bounds: Partial<Rectangle>): void {
    this.bounds = { ...this.bounds, ...bounds }
    this.emit('resize')
    this.emit('move')
  }
  isDestroyed(): boolean {
    return this.destroyed
  }
  close(): void {
    if (this.destroyed) return
    const event = fakeEvent()
    this.emit('close', event)
    // As in Electron: a prevented 'close' leaves the window open.
    if (event.defaultPrevented) return
    this.destroyed = true
    this.webContents.destroyed = true
    this.emit('closed')
  }
}

// ---------------------------------------------------------------- protocol

export interface CustomScheme {
  scheme: string
  privileges?: Record<string, boolean>
}

export const protocol = {
  privilegedSchemes: [] as CustomScheme[],
  /** Whether registerSchemesAsPrivileged happened after 'ready' (Electron ignores that). */
  registeredAfterReady: false,
  handlers: new Map<string, (request: Request) => Response | Promise<Response>>(),
  registerSchemesAsPrivileged(schemes: CustomScheme[]): void {
    if (app.ready) protocol.registeredAfterReady = true
    protocol.privilegedSchemes.push(...structuredClone(schemes))
  },
  handle(scheme: string, handler: (request: Request) => Response | Promise<Response>): void {
    if (!app.ready) throw new Error('protocol.handle() must be called after app is ready')
    if (protocol.handlers.has(scheme)) throw new Error(`The scheme has been handled: ${scheme}`)
    protocol.handlers.set(scheme, handler)
  },
  unhandle(scheme: string): void {
    protocol.handlers.delete(scheme)
  },
  isProtocolHandled(scheme: string): boolean {
    return protocol.handlers.has(scheme)
  },
  /** Test helper: what Chromium would do for a request to `url`. */
  async fetch(url: string, init?: RequestInit): Promise<Response> {
    const scheme = new URL(url).protocol.slice(0, -1)
    const handler = protocol.handlers.get(scheme)
    if (!handler) throw new Error(`no handler for ${scheme}:`)
    return handler(new Request(url, init))
  }
}

// ---------------------------------------------------------------- IPC (main side)

export interface FakeFrame {
  url: string
  parent: FakeFrame | null
  origin?: string
}

type InvokeHandler = (event: any, ...args: unknown[]) => unknown

export const ipcMain = {
  handlers: new Map<string, InvokeHandler>(),
  handle(channel: string, handler: InvokeHandler): void {
    if (ipcMain.handlers.has(channel)) {
      throw new Error(`Attempted to register a second handler for '${channel}'`)
    }
    ipcMain.handlers.set(channel, handler)
  },
  removeHandler(channel: string): void {
    ipcMain.handlers.delete(channel)
  },
  on: vi.fn(),
  /** Test helper: invoke a registered handler as a renderer frame would. */
  async invoke(channel: string, sender: { frame: FakeFrame | null; webContents?: FakeWebContents }, ...args: unknown[]) {
    const handler = ipcMain.handlers.get(channel)
    if (!handler) throw new Error(`No handler registered for '${channel}'`)
    const event = { senderFrame: sender.frame, sender: sender.webContents ?? new FakeWebContents(), processId: 1, frameId: 1 }
    return handler(event, ...args)
  }
}

export function mainFrame(url: string): FakeFrame {
  return { url, parent: null }
}

export function subFrame(url: string, parentUrl = 'app://huibao/index.html'): FakeFrame {
  return { url, parent: mainFrame(parentUrl) }
}

// ---------------------------------------------------------------- dialog / shell / menu / screen

export const dialog = {
  showSaveDialog: vi.fn(async (..._args: unknown[]) => ({ canceled: true, filePath: '' }) as { canceled: boolean; filePath: string }),
  showOpenDialog: vi.fn(async (..._args: unknown[]) => ({ canceled: true, filePaths: [] as string[] })),
  showMessageBox: vi.fn(async (..._args: unknown[]) => ({ response: 0, checkboxChecked: false })),
  showMessageBoxSync: vi.fn((..._args: unknown[]) => 0),
  showErrorBox: vi.fn((_title: string, _content: string) => {})
}

export const shell = {
  openExternal: vi.fn(async (_url: string) => {}),
  openPath: vi.fn(async (_path: string) => ''),
  showItemInFolder: vi.fn((_path: string) => {})
}

export interface MenuItemOptions {
  label?: string
  role?: string
  type?: string
  accelerator?: string
  click?: (...args: unknown[]) => void
  submenu?: MenuItemOptions[]
}

export class Menu {
  static applicationMenu: Menu | null = null
  constructor(readonly template: MenuItemOptions[]) {}
  static buildFromTemplate(template: MenuItemOptions[]): Menu {
    for (const item of template.flatMap(function flat(i): MenuItemOptions[] {
      return [i, ...(i.submenu ?? []).flatMap(flat)]
    })) {
      // Electron throws on items that can do nothing; keep the fake as strict.
      if (item.type !== 'separator' && !item.label && !item.role) throw new Error('menu item without label or role')
    }
    return new Menu(template)
  }
  static setApplicationMenu(menu: Menu | null): void {
    Menu.applicationMenu = menu
  }
  static getApplicationMenu(): Menu | null {
    return Menu.applicationMenu
  }
}

export interface Display {
  id: number
  bounds: Rectangle
  workArea: Rectangle
}

export const screen = {
  displays: [] as Display[],
  getAllDisplays(): Display[] {
    return screen.displays
  },
  getPrimaryDisplay(): Display {
    return screen.displays[0]
  }
}

function defaultDisplays(): Display[] {
  return [
    { id: 1, bounds: { x: 0, y: 0, width: 1920, height: 1080 }, workArea: { x: 0, y: 0, width: 1920, height: 1040 } }
  ]
}

// ---------------------------------------------------------------- session

type PermissionRequestHandler = (
  contents: unknown,
  permission: string,
  callback: (granted: boolean) => void,
  details: { requestingUrl?: string }
) => void
type PermissionCheckHandler = (contents: unknown, permission: string, origin: string, details: unknown) => boolean
type BeforeRequestListener = (details: { url: string }, callback: (response: { cancel?: boolean }) => void) => void

class FakeSession extends EventEmitter {
  permissionRequestHandler: PermissionRequestHandler | null = null
  permissionCheckHandler: PermissionCheckHandler | null = null
  devicePermissionHandler: ((details: unknown) => boolean) | null = null
  displayMediaRequestHandler: ((request: unknown, callback: (streams: unknown) => void) => void) | null = null
  beforeRequest: BeforeRequestListener | null = null
  readonly webRequest = {
    onBeforeRequest: (filterOrListener: unknown, maybeListener?: BeforeRequestListener) => {
      this.beforeRequest = (maybeListener ?? filterOrListener) as BeforeRequestListener
    }
  }
  setPermissionRequestHandler(handler: PermissionRequestHandler | null): void {
    this.permissionRequestHandler = handler
  }
  setPermissionCheckHandler(handler: PermissionCheckHandler | null): void {
    this.permissionCheckHandler = handler
  }
  setDevicePermissionHandler(handler: ((details: unknown) => boolean) | null): void {
    this.devicePermissionHandler = handler
  }
  setDisplayMediaRequestHandler(handler: ((request: unknown, callback: (streams: unknown) => void) => void) | null): void {
    this.displayMediaRequestHandler = handler
  }
  /** How often main asked for DOM storage (localStorage) to be written to disk. */
  storageFlushes = 0
  flushStorageData(): void {
    this.storageFlushes += 1
  }
  /** Test helper: would Chromium let this request through? */
  async requestAllowed(url: string): Promise<boolean> {
    if (!this.beforeRequest) return true
    return new Promise((done) => this.beforeRequest!({ url }, (response) => done(!response.cancel)))
  }
  /** Test helper: ask the permission request handler. */
  async requestPermission(permission: string, requestingUrl: string): Promise<boolean> {
    if (!this.permissionRequestHandler) return true
    return new Promise((done) => this.permissionRequestHandler!(null, permission, done, { requestingUrl }))
  }
}

export const session = {
  defaultSession: new FakeSession()
}

// ---------------------------------------------------------------- preload side

export const contextBridge = {
  exposed: new Map<string, unknown>(),
  exposeInMainWorld(key: string, api: unknown): void {
    if (contextBridge.exposed.has(key)) throw new Error(`Cannot bind an API on top of an existing property: ${key}`)
    contextBridge.exposed.set(key, api)
  }
}

class FakeIpcRenderer extends EventEmitter {
  readonly invocations: Array<{ channel: string; args: unknown[] }> = []
  /** What main answers per channel; a function gets the invoke arguments. */
  readonly responses = new Map<string, unknown>()
  readonly sent: Array<{ channel: string; args: unknown[] }> = []

  async invoke(channel: string, ...args: unknown[]): Promise<unknown> {
    this.invocations.push({ channel, args })
    const response = this.responses.get(channel)
    return typeof response === 'function' ? response(...args) : response
  }
  send(channel: string, ...args: unknown[]): void {
    this.sent.push({ channel, args })
  }
  /** Test helper: main sends an event to this renderer. */
  emitFromMain(channel: string, ...args: unknown[]): void {
    this.emit(channel, { sender: this }, ...args)
  }
}

export const ipcRenderer = new FakeIpcRenderer()

// ---------------------------------------------------------------- powerMonitor

/** The OS power events; tests emit 'lock-screen', 'suspend' … themselves. */
export const powerMonitor = new EventEmitter()

// ---------------------------------------------------------------- reset

/** Puts the whole fake back to a freshly started, not-yet-ready Electron. */
export function resetElectronMock(): void {
  app.removeAllListeners()
  app.isPackaged = false
  app.name = 'huibao'
  app.version = '0.1.0'
  app.ready = false
  app.singleInstanceLock = true
  app.sandboxEnabled = false
  app.quitCalls = 0
  app.exitCode = null
  app.appUserModelId = null
  app.resetPaths()
  BrowserWindow.created = []
  BrowserWindow.focused = null
  protocol.privilegedSchemes = []
  protocol.registeredAfterReady = false
  protocol.handlers.clear()
  ipcMain.handlers.clear()
  for (const fn of [...Object.values(dialog), ...Object.values(shell)]) fn.mockClear()
  dialog.showSaveDialog.mockImplementation(async () => ({ canceled: true, filePath: '' }))
  dialog.showMessageBoxSync.mockImplementation(() => 0)
  Menu.applicationMenu = null
  screen.displays = defaultDisplays()
  session.defaultSession = new FakeSession()
  contextBridge.exposed.clear()
  ipcRenderer.removeAllListeners()
  ipcRenderer.invocations.length = 0
  ipcRenderer.sent.length = 0
  ipcRenderer.responses.clear()
  powerMonitor.removeAllListeners()
}

resetElectronMock()

export default {
  app,
  BrowserWindow,
  contextBridge,
  dialog,
  ipcMain,
  ipcRenderer,
  Menu,
  powerMonitor,
  protocol,
  screen,
  session,
  shell
}
