// One suite's app: the built renderer served and a fresh browser opened before the suite's
// tests, both closed after (kept apart from harness.ts, which the bench imports outside Vitest).
import { afterAll, beforeAll } from 'vitest'
import type { Page } from 'playwright-core'
import { launchBrowser, serveRenderer, type BrowserSession, type RendererServer } from './harness'

/** One suite's app in a browser: what `useApp` sets up before the suite's tests. */
export interface AppUnderTest {
  /** Base URL of the served renderer, ending in '/'. */
  readonly url: string
  readonly session: BrowserSession
  readonly page: Page
  /** Uncaught errors of the page: a suite ends by expecting none. */
  readonly pageErrors: string[]
  /** The 报告列表 page, loaded and shown. */
  goHome(): Promise<void>
}

/**
 * Serves the built renderer and opens a fresh browser before the suite's tests, closes both
 * after. `ready` runs once the page exists (suites keep a `page` variable of their own).
 */
export function useApp(ready?: (app: AppUnderTest) => void | Promise<void>): AppUnderTest {
  let server: RendererServer | undefined
  let session: BrowserSession | undefined
  const pageErrors: string[] = []
  const need = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('useApp: the app is only there inside tests (after beforeAll)')
    return value
  }
  const app: AppUnderTest = {
    get url() {
      return need(server).url
    },
    get session() {
      return need(session)
    },
    get page() {
      return need(session).page
    },
    pageErrors,
    async goHome() {
      await app.page.goto(`${app.url}#/`)
      await app.page.getByRole('heading', { name: '报告列表', level: 1 }).waitFor()
    }
  }
  beforeAll(async () => {
    server = await serveRenderer()
    session = await launchBrowser()
    session.page.on('pageerror', (e) => pageErrors.push(e.message))
    await ready?.(app)
  })
  afterAll(async () => {
    await session?.close()
    await server?.close()
  })
  return app
}
