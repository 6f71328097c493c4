import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import {
  CONTENT_SECURITY_POLICY,
  createAppProtocolHandler,
  installAppProtocol,
  registerAppScheme,
  resolveRequestPath
} from '../../src-main/main/protocol'
import { app, protocol, resetElectronMock } from '../mocks/electron'

// A fake out/renderer next to a "secret" sibling the handler must never serve.
let base: string
let root: string
const INDEX = '<!doctype html><title>汇报</title>'
const SCRIPT = 'console.log("app")'

beforeAll(() => {
  base = mkdtempSync(join(tmpdir(), 'huibao-protocol-'))
  root = join(base, 'renderer')
  mkdirSync(join(root, 'assets'), { recursive: true })
  writeFileSync(join(root, 'index.html'), INDEX)
  writeFileSync(join(root, 'assets', 'index-abc.js'), SCRIPT)
  writeFileSync(join(root, 'assets', 'style.css'), 'body{}')
  writeFileSync(join(root, 'assets', 'font.woff2'), new Uint8Array([1, 2, 3]))
  writeFileSync(join(root, 'assets', 'tool.exe'), 'MZ')
  writeFileSync(join(root, 'assets', 'noext'), 'x')
  writeFileSync(join(base, 'secret.txt'), 'TOP SECRET')
  writeFileSync(join(base, 'renderer-evil.js'), 'evil')
})
afterAll(() => rmSync(base, { recursive: true, force: true }))

const get = (url: string, method = 'GET') => createAppProtocolHandler(root)(new Request(url, { method }))

describe('app:// scheme registration', () => {
  beforeEach(() => resetElectronMock())

  it('registers app as a privileged standard, secure, fetch-capable scheme', () => {
    registerAppScheme()
    expect(protocol.privilegedSchemes).toHaveLength(1)
    expect(protocol.privilegedSchemes[0]).toMatchObject({
      scheme: 'app',
      privileges: { standard: true, secure: true, supportFetchAPI: true }
    })
    expect(protocol.registeredAfterReady).toBe(false)
  })

  it('installs the handler for app: once ready', async () => {
    await app.whenReady()
    installAppProtocol(root)
    const response = await protocol.fetch('app://huibao/index.html')
    expect(await response.text()).toBe(INDEX)
  })
})

describe('app:// handler', () => {
  it('serves index.html for / and by name, as HTML', async () => {
    for (const url of ['app://huibao/', 'app://huibao/index.html', 'app://huibao']) {
      const response = await get(url)
      expect(response.status, url).toBe(200)
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8')
      expect(await response.text()).toBe(INDEX)
    }
  })

  it('serves assets with their MIME types', async () => {
    const js = await get('app://huibao/assets/index-abc.js')
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
    expect(await js.text()).toBe(SCRIPT)
    expect((await get('app://huibao/assets/style.css')).headers.get('content-type')).toBe('text/css; charset=utf-8')
    const font = await get('app://huibao/assets/font.woff2')
    expect(font.headers.get('content-type')).toBe('font/woff2')
    expect(new Uint8Array(await font.arrayBuffer())).toEqual(new Uint8Array([1, 2, 3]))
  })

  it.each([
    'app://huibao/../secret.txt',
    'app://huibao/%2e%2e/secret.txt',
    'app://huibao/%2E%2E/%2E%2E/secret.txt',
    'app://huibao/assets/..%2f..%2fsecret.txt',
    'app://huibao/..%2fsecret.txt',
    'app://huibao/..%5csecret.txt',
    'app://huibao/%2e%2e%2fsecret.txt',
    'app://huibao/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
    'app://huibao/..%2frenderer-evil.js',
    'app://huibao/%2fetc%2fpasswd',
    'app://huibao//etc/passwd',
    'app://huibao/index.html%00.js',
    'app://huibao/%E0%A4%A'
  ])('refuses traversal and malformed path %s', async (url) => {
    const response = await get(url)
    expect(response.status).toBeGreaterThanOrEqual(400)
    const body = await response.text()
    expect(body).not.toContain('SECRET')
    expect(body).not.toContain('evil')
    expect(body).not.toContain('root:')
  })

  it('never resolves a request to a path outside the root', () => {
    expect(resolveRequestPath(root, 'app://huibao/..%2f..%2fsecret.txt')).toBeNull()
    expect(resolveRequestPath(root, 'app://huibao/..%2frenderer-evil.js')).toBeNull()
    expect(resolveRequestPath(root, 'app://huibao/assets/style.css')).toBe(join(root, 'assets', 'style.css'))
  })

  it.each(['app://evil/index.html', 'app://huibao.evil/index.html', 'app://huibao:8080/index.html', 'file:///etc/passwd', 'http://huibao/index.html'])(
    'refuses other hosts and schemes: %s',
    async (url) => {
      expect((await get(url)).status).toBe(404)
    }
  )

  it('refuses unknown file types instead of guessing', async () => {
    expect((await get('app://huibao/assets/tool.exe')).status).toBe(403)
    expect((await get('app://huibao/assets/noext')).status).toBe(403)
  })

  it('answers 404 for missing files and directories, 405 for writes', async () => {
    expect((await get('app://huibao/missing.js')).status).toBe(404)
    expect((await get('app://huibao/assets')).status).toBe(403)
    expect((await get('app://huibao/index.html', 'POST')).status).toBe(405)
  })

  it('sends the strict CSP (no remote origin, no eval) and nosniff on every response', async () => {
    const urls = ['app://huibao/', 'app://huibao/assets/index-abc.js', 'app://huibao/missing.js', 'app://huibao/assets/tool.exe', 'app://evil/', 'app://huibao/%2e%2e/secret.txt']
    for (const url of urls) {
      const headers = (await get(url)).headers
      expect(headers.get('content-security-policy'), url).toBe(CONTENT_SECURITY_POLICY)
      expect(headers.get('x-content-type-options'), url).toBe('nosniff')
    }
    const directives = new Map(
      CONTENT_SECURITY_POLICY.split(';').map((part) => {
        const [name, ...values] = part.trim().split(/\s+/)
        return [name, values] as const
      })
    )
    expect(directives.get('default-src')).toEqual(["'self'"])
    expect(directives.get('script-src')).toEqual(["'self'"])
    expect(directives.get('style-src')).toEqual(["'self'", "'unsafe-inline'"])
    expect(directives.get('img-src')).toEqual(["'self'", 'data:', 'blob:'])
    expect(directives.get('font-src')).toEqual(["'self'", 'data:'])
    expect(directives.get('connect-src')).toEqual(["'self'"])
    for (const name of ['object-src', 'base-uri', 'form-action', 'frame-ancestors']) {
      expect(directives.get(name), name).toEqual(["'none'"])
    }
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|https?:|\*/)
  })
})
