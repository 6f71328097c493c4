// Chooses the platform once: Electron when the preload bridge is present, else the browser.
// This module (with electron.ts) is the only renderer code that may read window.huibao.
import type { BridgeGlobal } from '@contract/ipc'
import type { Platform } from './platform'
import { createBrowserPlatform } from './browser'
import { createElectronPlatform } from './electron'

export type { Platform, SaveFileOptions } from './platform'

let current: Platform | null = null

export function getPlatform(): Platform {
  if (!current) {
    const bridge = (globalThis as typeof globalThis & BridgeGlobal).huibao
    current = bridge ? createElectronPlatform(bridge) : createBrowserPlatform()
  }
  return current
}

/** Tests substitute a fake platform (e.g. to capture saved bytes). */
export function setPlatform(platform: Platform | null): void {
  current = platform
}
