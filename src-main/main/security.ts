// Defence in depth for the renderer: it may only ever show app:// pages, open no windows,
// get no permissions, attach no webviews and reach no network.
import type { Session, WebContents } from 'electron'
import { APP_ORIGIN, originOf } from './constants'

/** Schemes a page may load resources from. data:/blob: stay in-memory; devtools: is DevTools. */
const LOCAL_SCHEMES = new Set(['app:', 'data:', 'blob:', 'devtools:', 'chrome-extension:'])

/**
 * Whether a request may leave the renderer. Only app:// (and in-memory URLs); in dev, the dev
 * server's http and HMR websocket origin as well. Everything else is cancelled: NO network.
 */
export function isAllowedRequest(rawUrl: string, trusted: readonly string[]): boolean {
  let url: URL
  try {
    url = new URL(rawUrl)
  } catch {
    return false
  }
  if (url.protocol === 'app:') return originOf(rawUrl) === APP_ORIGIN
  if (LOCAL_SCHEMES.has(url.protocol)) return true
  const origin = originOf(rawUrl)
  if (!origin) return false
  // The HMR websocket of the dev server is ws://host:port for http://host:port.
  const asHttp = origin.replace(/^ws(s?):/, 'http$1:')
  return trusted.some((allowed) => allowed !== APP_ORIGIN && (allowed === origin || allowed === asHttp))
}

/** Whether a top-level or frame navigation may proceed. */
export function isAllowedNavigation(rawUrl: string, trusted: readonly string[]): boolean {
  const origin = originOf(rawUrl)
  return origin !== null && trusted.includes(origin)
}

export function hardenSession(session: Session, trusted: readonly string[]): void {
  // Deny every permission except durable storage for our own origin: without it Chromium may
  // evict IndexedDB under disk pressure, and that is where every report lives.
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(permission === 'persistent-storage' && originOf(details.requestingUrl ?? '') === APP_ORIGIN)
  })
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) => {
    return permission === 'persistent-storage' && requestingOrigin === APP_ORIGIN
  })
  session.setDevicePermissionHandler(() => false)
  session.setDisplayMediaRequestHandler((_request, callback) => callback(null))
  session.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !isAllowedRequest(details.url, trusted) })
  })
  // Downloads would write where the user did not choose: saving goes through file:save only.
  session.on('will-download', (event) => event.preventDefault())
}

/** Applied to every WebContents the app ever creates (see app 'web-contents-created'). */
export function hardenWebContents(contents: WebContents, trusted: readonly string[]): void {
  const guardNavigation = (event: { preventDefault(): void }, url: string): void => {
    if (!isAllowedNavigation(url, trusted)) event.preventDefault()
  }
  contents.on('will-navigate', (event) => guardNavigation(event, event.url))
  contents.on('will-frame-navigate', (event) => guardNavigation(event, event.url))
  contents.on('will-redirect', (event) => guardNavigation(event, event.url))
  // No new windows, and no handing links to the OS browser either: the app links nowhere.
  contents.setWindowOpenHandler(() => ({ action: 'deny' }))
  contents.on('will-attach-webview', (event) => event.preventDefault())
}
