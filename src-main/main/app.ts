// Start-up order matters: profile path, scheme privileges and the single-instance lock must be
// settled before 'ready'; the downgrade check must run before any page can open IndexedDB.
import { app, BrowserWindow, dialog, screen, session } from 'electron'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import {
  APP_ENTRY_URL,
  APP_NAME,
  APP_USER_MODEL_ID,
  WINDOW_STATE_FILE,
  devRendererUrl,
  resolveDataDir,
  resolveUserDataPath,
  trustedOrigins
} from './constants'
import { checkVersion, downgradeMessage, recordVersion } from './downgrade'
import { registerBackupHandlers } from './backup'
import { appInfo, registerFileHandlers } from './files'
import { installMenu } from './menu'
import { registerPdfHandlers } from './pdf'
import { installAppProtocol, registerAppScheme } from './protocol'
import { registerRecoveryHandlers } from './recovery'
import { registerAnchorHandlers } from './anchor'
import { installSessionLock } from './power'
import { guardWindowClose, registerCloseGuardHandlers } from './close-guard'
import { hardenSession, hardenWebContents } from './security'
import { createMainWindow } from './window'
import { clampToDisplays, loadWindowState, trackWindowState } from './window-state'

export interface AppPaths {
  /** out/main — where the bundled main script lives. */
  mainDir: string
}

export interface StartedApp {
  /** Resolves once the window exists (or the app decided to quit). */
  ready: Promise<BrowserWindow | null>
}

export function startApp({ mainDir }: AppPaths): StartedApp {
  const userData = resolveUserDataPath(app.getPath('appData'))
  app.setName(APP_NAME)
  app.setPath('userData', userData)
  if (process.platform === 'win32') app.setAppUserModelId(APP_USER_MODEL_ID)
  const dataDir = resolveDataDir(userData)
  const trusted = trustedOrigins(app.isPackaged)
  const devUrl = devRendererUrl(app.isPackaged)

  registerAppScheme()
  app.enableSandbox()

  if (!app.requestSingleInstanceLock()) {
    // Another Huibao already owns this profile: it gets focused (see 'second-instance').
    app.quit()
    return { ready: Promise.resolve(null) }
  }

  let mainWindow: BrowserWindow | null = null
  app.on('second-instance', () => {
    if (!mainWindow || mainWindow.isDestroyed()) return
    if (mainWindow.isMinimized()) mainWindow.restore()
    mainWindow.show()
    mainWindow.focus()
  })
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, trusted))
  app.on('window-all-closed', () => app.quit())

  const ready = app.whenReady().then(async () => {
    const check = checkVersion(dataDir, app.getVersion())
    if (check.kind === 'downgrade') {
      dialog.showMessageBoxSync({ type: 'error', buttons: ['退出'], noLink: true, ...downgradeMessage(check) })
      app.exit(1)
      return null
    }
    mkdirSync(dataDir, { recursive: true })
    await recordVersion(dataDir, app.getVersion())

    installAppProtocol(join(mainDir, '../renderer'))
    hardenSession(session.defaultSession, trusted)
    registerFileHandlers(userData)
    registerPdfHandlers({ preloadPath: join(mainDir, '../preload/index.js'), entryUrl: devUrl ?? APP_ENTRY_URL })
    // The previous run's version lets main see an upgrade: a backup is due before the new
    // renderer opens (and possibly upgrades) the database.
    registerBackupHandlers({ dataDir, currentVersion: app.getVersion(), previousRunVersion: check.previous })
    registerRecoveryHandlers(dataDir)
    registerAnchorHandlers(dataDir)
    registerCloseGuardHandlers()
    installSessionLock()
    installMenu(appInfo(userData), devUrl !== null)

    const stateFile = join(dataDir, WINDOW_STATE_FILE)
    const bounds = clampToDisplays(
      loadWindowState(stateFile),
      screen.getAllDisplays().map((display) => display.workArea),
      screen.getPrimaryDisplay().workArea
    )
    const { maximized, ...rect } = bounds
    mainWindow = createMainWindow(join(mainDir, '../preload/index.js'), rect)
    if (maximized) mainWindow.maximize()
    trackWindowState(mainWindow, stateFile)
    guardWindowClose(mainWindow)
    mainWindow.on('closed', () => {
      // The editor records edits still unsaved when the window goes (its last autosave may not
      // commit) in localStorage; Chromium writes that to disk lazily, so write it now.
      session.defaultSession.flushStorageData()
      mainWindow = null
    })
    // A failed load is logged, not fatal: the window stays and the clerk can retry via reload.
    mainWindow.loadURL(devUrl ?? APP_ENTRY_URL).catch((error) => console.error('[window] load failed:', error))
    return mainWindow
  })
  ready.catch((error) => {
    dialog.showErrorBox('汇报无法启动', `启动时出错，请重新打开程序。\n\n${String(error)}`)
    app.exit(1)
  })
  return { ready }
}
