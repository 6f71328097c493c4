import { describe, expect, it } from 'vitest'
import type { HuibaoBridge, MenuCommand, SaveFileRequest } from '@contract/ipc'
import { createElectronPlatform } from '../../src-renderer/src/platform/electron'

function fakeBridge() {
  const saved: SaveFileRequest[] = []
  const listeners: Array<(command: MenuCommand) => void> = []
  const bridge: HuibaoBridge = {
    saveFile: async (request) => {
      saved.push(request)
      if (request.suggestedName === 'fail.docx') throw new Error('无法保存文件：磁盘空间不足。')
      return { status: 'saved', path: `/docs/${request.suggestedName}` }
    },
    getAppInfo: async () => ({ version: '0.1.0', dataPath: '/profile', platform: 'linux' }),
    openFile: async (request) => (request.purpose === 'import-word' ? { status: 'opened', name: '旧报告.docx', data: new Uint8Array([1, 2]) } : { status: 'canceled' }),
    onMenuCommand: (listener) => {
      listeners.push(listener)
      return () => listeners.splice(listeners.indexOf(listener), 1)
    },
    // Backup and recovery functions are exercised in tests/main/backup-platform.test.ts.
    getAutoBackupStatus: async () => ({ due: false, reason: null, folder: '/b', lastBackupAt: null, count: 0 }),
    writeAutoBackup: async () => ({ status: 'not-due' }),
    openBackupFile: async () => ({ status: 'canceled' }),
    writeRecoveryCopy: async () => ({ fileName: 'x.json' }),
    listRecoveryCopies: async () => [],
    readRecoveryCopy: async () => '{}',
    // PDF functions are exercised in tests/main/pdf.test.ts.
    printToPdf: async (request) => ({ status: 'saved', path: `/docs/${request.suggestedName}`, sha256: 'ab'.repeat(32) }),
    printReady: async () => {},
    // Anchor and session-lock functions: tests/main/trust.test.ts.
    readAuditAnchor: async () => null,
    writeAuditAnchor: async () => {},
    onSessionLock: () => () => {},
    // The close handshake: tests/main/close-guard.test.ts and preload.test.ts.
    onWindowClosing: () => () => {}
  }
  return { bridge, saved, listeners }
}

describe('createElectronPlatform', () => {
  it('opens a Word file for import through the bridge (named function, fixed purpose)', async () => {
    const platform = createElectronPlatform(fakeBridge().bridge)
    expect(await platform.openWordFile()).toEqual({ status: 'opened', name: '旧报告.docx', data: new Uint8Array([1, 2]) })
  })

  it('is the electron platform and saves through the bridge (bytes untouched, no mimeType)', async () => {
    const { bridge, saved } = fakeBridge()
    const platform = createElectronPlatform(bridge)
    expect(platform.kind).toBe('electron')
    const data = new Uint8Array([9, 8, 7])
    const filters = [{ name: 'Word 文档', extensions: ['docx'] }]
    const result = await platform.saveFile({ suggestedName: 'a.docx', data, mimeType: 'application/x', filters })
    expect(result).toEqual({ status: 'saved', path: '/docs/a.docx' })
    expect(saved).toEqual([{ suggestedName: 'a.docx', data, filters }])
    expect(saved[0].data).toBe(data)
  })

  it('passes the bridge error (Chinese message) through', async () => {
    const platform = createElectronPlatform(fakeBridge().bridge)
    await expect(
      platform.saveFile({ suggestedName: 'fail.docx', data: new Uint8Array(), mimeType: 'x', filters: [] })
    ).rejects.toThrow('无法保存文件：磁盘空间不足。')
  })

  it('answers app info and relays menu commands', async () => {
    const { bridge, listeners } = fakeBridge()
    const platform = createElectronPlatform(bridge)
    expect(await platform.getAppInfo()).toEqual({ version: '0.1.0', dataPath: '/profile', platform: 'linux' })
    const got: MenuCommand[] = []
    const off = platform.onMenuCommand((command) => got.push(command))
    listeners.forEach((listener) => listener('export-word'))
    off()
    expect(got).toEqual(['export-word'])
    expect(listeners).toEqual([])
  })
})
