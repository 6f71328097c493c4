// Names and places that must never change once a user has data: IndexedDB is keyed by the
// renderer origin, and Electron keys the whole profile by the userData folder.
import { isAbsolute, join, resolve } from 'node:path'

export const APP_SCHEME = 'app'
export const APP_HOST = 'huibao'
/** The renderer origin, fixed forever: changing it would make every report invisible. */
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`

/** Pinned so a productName change (汇报 → …) can't move the profile and orphan the data. */
export const APP_NAME = 'Huibao'
export const APP_USER_MODEL_ID = 'cn.huibao.app'
export const WINDOW_TITLE = '汇报'

/**
 * The app's own files live in a sub-folder of userData: Chromium owns the root (and a folder
 * called `databases`), so nothing of ours may collide with its names.
 */
export const DATA_DIR_NAME = 'huibao-data'
export const WINDOW_STATE_FILE = 'window-state.json'
export const LAST_VERSION_FILE = 'last-run-version.json'

/**
 * Where the profile lives. HUIBAO_USER_DATA or --user-data-dir= select a throw-away profile
 * for tests and try-outs; otherwise `<appData>/Huibao`, independent of productName.
 */
export function resolveUserDataPath(
  appDataPath: string,
  env: NodeJS.ProcessEnv = process.env,
  argv: readonly string[] = process.argv
): string {
  const fromEnv = env.HUIBAO_USER_DATA?.trim()
  if (fromEnv) return absolute(fromEnv)
  const flag = argv.find((arg) => arg.startsWith('--user-data-dir='))
  const fromFlag = flag?.slice('--user-data-dir='.length).trim()
  if (fromFlag) return absolute(fromFlag)
  return join(appDataPath, APP_NAME)
}

function absolute(path: string): string {
  return isAbsolute(path) ? path : resolve(path)
}

export function resolveDataDir(userDataPath: string): string {
  return join(userDataPath, DATA_DIR_NAME)
}

/**
 * The electron-vite dev server URL, honoured only for an unpackaged app: a packaged build must
 * never be talked into loading (and trusting) an arbitrary http origin via the environment.
 */
export function devRendererUrl(isPackaged: boolean, env: NodeJS.ProcessEnv = process.env): string | null {
  if (isPackaged) return null
  const raw = env.ELECTRON_RENDERER_URL?.trim()
  if (!raw) return null
  try {
    const url = new URL(raw)
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null
  } catch {
    return null
  }
}

/**
 * scheme://host[:port] of a URL. Node's URL reports origin 'null' for non-special schemes such
 * as app:, while Chromium (scheme registered as standard) reports app://huibao — so build it.
 */
export function originOf(rawUrl: string): string | null {
  try {
    const url = new URL(rawUrl)
    if (!url.host) return null
    return `${url.protocol}//${url.host}`
  } catch {
    return null
  }
}

/** Origins whose pages may call IPC and be navigated to: the app, plus the dev server in dev. */
export function trustedOrigins(isPackaged: boolean, env: NodeJS.ProcessEnv = process.env): string[] {
  const dev = devRendererUrl(isPackaged, env)
  const devOrigin = dev ? originOf(dev) : null
  return devOrigin ? [APP_ORIGIN, devOrigin] : [APP_ORIGIN]
}
