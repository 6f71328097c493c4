// End-to-end harness: serves the BUILT renderer (out/renderer, from `npm run build`) over
// loopback and drives it in Debian's Chromium. The same bundle Electron loads from app://.
import { createServer, type Server } from 'node:http'
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { extname, join, normalize, resolve, sep } from 'node:path'
import type { AddressInfo } from 'node:net'
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'

export const RENDERER_DIR = process.env.HUIBAO_RENDERER_DIR ?? resolve(__dirname, '../../out/renderer')
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf'
}

export interface RendererServer {
  url: string
  close(): Promise<void>
}

export async function serveRenderer(root = RENDERER_DIR): Promise<RendererServer> {
  if (!existsSync(join(root, 'index.html'))) {
    throw new Error(`${root}/index.html is missing: run \`npm run build\` before the e2e tests`)
  }
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)
    const file = normalize(join(root, path === '/' ? 'index.html' : path))
    if (!file.startsWith(root + sep) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end()
      return
    }
    res.writeHead(200, { 'content-type': MIME[extname(file)] ?? 'application/octet-stream' })
    res.end(readFileSync(file))
  })
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise<void>((ok) => server.close(() => ok()))
  }
}

export interface BrowserSession {
  browser: Browser
  context: BrowserContext
  page: Page
  /** Profile directory: IndexedDB survives reloads and new pages within the session. */
  profileDir: string
  close(): Promise<void>
}

/** A fresh, throw-away Chromium profile with downloads enabled. */
export async function launchBrowser(): Promise<BrowserSession> {
  const profileDir = mkdtempSync(join(tmpdir(), 'huibao-e2e-'))
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--lang=zh-CN'
    ]
  })
  const context = await browser.newContext({ acceptDownloads: true, locale: 'zh-CN', viewport: { width: 1400, height: 900 } })
  const page = await context.newPage()
  return {
    browser,
    context,
    page,
    profileDir,
    async close() {
      await browser.close()
      rmSync(profileDir, { recursive: true, force: true })
    }
  }
}
