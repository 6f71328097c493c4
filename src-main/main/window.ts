// The ONE place a BrowserWindow is configured. Every window goes through createWindowOptions,
// and the security test checks both the options and that no other `new BrowserWindow` exists.
import { BrowserWindow, type BrowserWindowConstructorOptions } from 'electron'
import { WINDOW_TITLE } from './constants'

export interface WindowBounds {
  x?: number
  y?: number
  width: number
  height: number
}

export const DEFAULT_BOUNDS: WindowBounds = { width: 1280, height: 860 }
export const MIN_WIDTH = 900
export const MIN_HEIGHT = 600

export function createWindowOptions(
  preloadPath: string,
  bounds: WindowBounds = DEFAULT_BOUNDS
): BrowserWindowConstructorOptions {
  return {
    ...bounds,
    minWidth: MIN_WIDTH,
    minHeight: MIN_HEIGHT,
    title: WINDOW_TITLE,
    // Shown on ready-to-show so the clerk never sees a white flash.
    show: false,
    backgroundColor: '#ffffff',
    autoHideMenuBar: false,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      // No cloud spell-check dictionaries: the app makes no network requests.
      spellcheck: false,
      navigateOnDragDrop: false,
      safeDialogs: true
    }
  }
}

export function createMainWindow(preloadPath: string, bounds?: WindowBounds): BrowserWindow {
  const window = new BrowserWindow(createWindowOptions(preloadPath, bounds))
  window.once('ready-to-show', () => window.show())
  // Keep the app's title: the page's <title> may change, the taskbar name should not.
  window.on('page-title-updated', (event) => event.preventDefault())
  return window
}

/**
 * The hidden window the PDF is printed from: same locked-down options, A4-sized, never shown.
 * Not tracked, no menu: it lives only while main prints it.
 */
export function createPrintWindow(preloadPath: string): BrowserWindow {
  return new BrowserWindow({ ...createWindowOptions(preloadPath, { width: 794, height: 1123 }), minWidth: 0, minHeight: 0, show: false })
}
