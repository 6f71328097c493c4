// Boots the real main-process start-up against the central Electron mock, in a temp profile.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startApp } from '../../src-main/main/app'
import { app, BrowserWindow, resetElectronMock } from '../mocks/electron'

export interface Booted {
  profile: string
  window: BrowserWindow | null
  cleanup(): void
}

export function freshProfile(): string {
  return mkdtempSync(join(tmpdir(), 'huibao-profile-'))
}

/** Resets the mock, points HUIBAO_USER_DATA at `profile` and runs start-up to the first window. */
export async function boot(profile = freshProfile(), prepare?: () => void): Promise<Booted> {
  resetElectronMock()
  process.env.HUIBAO_USER_DATA = profile
  prepare?.()
  const started = startApp({ mainDir: '/opt/huibao/resources/app.asar/out/main' })
  const window = (await started.ready) as unknown as BrowserWindow | null
  return {
    profile,
    window,
    cleanup() {
      delete process.env.HUIBAO_USER_DATA
      delete process.env.ELECTRON_RENDERER_URL
      // The window's last state is written on close without being awaited (window-state.ts): a
      // write landing mid-removal left a file behind (ENOTEMPTY on the fresh-clone CI). Retry.
      rmSync(profile, { recursive: true, force: true, maxRetries: 5, retryDelay: 50 })
    }
  }
}

export { app, BrowserWindow }
