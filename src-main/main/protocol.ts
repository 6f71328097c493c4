// app://huibao serves the built renderer from disk. A privileged, standard, secure scheme gives
// the page a stable origin (IndexedDB lives there) without the extra powers file:// carries.
import { protocol } from 'electron'
import { readFile, stat } from 'node:fs/promises'
import { extname, resolve, sep } from 'node:path'
import { APP_HOST, APP_SCHEME } from './constants'

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  // Element Plus positions popovers with inline style attributes.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'"
].join('; ')

/** Only these types are served; anything else is refused rather than sniffed. */
export const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm'
}

/** Must run before app 'ready': Chromium reads the scheme list once at start-up. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true }
    }
  ])
}

function securityHeaders(contentType?: string): Headers {
  const headers = new Headers({
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-cache'
  })
  if (contentType) headers.set('Content-Type', contentType)
  return headers
}

function refuse(status: number, text: string): Response {
  return new Response(text, { status, headers: securityHeaders('text/plain; charset=utf-8') })
}

/**
 * Maps a request URL to a file inside `root`, or null. Decodes first and then checks the
 * normalised absolute path, so `..`, `%2e%2e`, `..%2f` and `%5c` tricks all land in the same check.
 */
export function resolveRequestPath(root: string, rawUrl: string): string | null {
  let url: URL
  try {
    url = new URL(rawUrl)
  } catch {
    return null
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return null
  let pathname: string
  try {
    pathname = decodeURIComponent(url.pathname)
  } catch {
    return null
  }
  if (pathname.includes('\0')) return null
  if (pathname === '' || pathname === '/') pathname = '/index.html'
  const base = resolve(root)
  // Leading separators stripped: resolve() would otherwise treat the path as absolute.
  const file = resolve(base, pathname.replace(/^[/\\]+/, ''))
  if (!file.startsWith(base + sep)) return null
  return file
}

export function createAppProtocolHandler(root: string): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return refuse(405, 'Method Not Allowed')
    const file = resolveRequestPath(root, request.url)
    if (!file) return refuse(404, 'Not Found')
    const type = MIME_TYPES[extname(file).toLowerCase()]
    if (!type) return refuse(403, 'Forbidden')
    try {
      const info = await stat(file)
      if (!info.isFile()) return refuse(404, 'Not Found')
      const body = request.method === 'HEAD' ? null : await readFile(file)
      return new Response(body, { status: 200, headers: securityHeaders(type) })
    } catch {
      return refuse(404, 'Not Found')
    }
  }
}

/** Must run after app 'ready'. */
export function installAppProtocol(root: string): void {
  protocol.handle(APP_SCHEME, createAppProtocolHandler(root))
}
