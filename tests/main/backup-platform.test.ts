// The platform adapters for backups and recovery copies: Electron passes straight through to
// the bridge; the browser has no disk of its own and says so with null / [].
import { describe, expect, it } from 'vitest'
import type { HuibaoBridge } from '@contract/ipc'
import { createElectronPlatform } from '../../src-renderer/src/platform/electron'
import { createBrowserPlatform } from '../../src-renderer/src/platform/browser'

function recordingBridge() {
  const calls: Array<[string, unknown[]]> = []
  const answer =
    (name: string, value: unknown) =>
    async (...args: unknown[]) => {
      calls.push([name, args])
      return value
    }
  const bridge = {
    getAutoBackupStatus: answer('getAutoBackupStatus', { due: true, reason: 'daily', folder: '/b', lastBackupAt: null, count: 0 }),
    writeAutoBackup: answer('writeAutoBackup', { status: 'written', path: '/b/x.json' }),
    openBackupFile: answer('openBackupFile', { status: 'canceled' }),
    writeRecoveryCopy: answer('writeRecoveryCopy', { fileName: 'f.json' }),
    listRecoveryCopies: answer('listRecoveryCopies', []),
    readRecoveryCopy: answer('readRecoveryCopy', '{"format":"huibao-recovery"}')
  } as unknown as HuibaoBridge
  return { bridge, calls }
}

describe('platform: backups and recovery copies', () => {
  it('Electron passes every call and its arguments to the bridge', async () => {
    const { bridge, calls } = recordingBridge()
    const platform = createElectronPlatform(bridge)
    const data = new Uint8Array([1, 2])
    expect(await platform.getAutoBackupStatus()).toMatchObject({ due: true })
    expect(await platform.writeAutoBackup({ reason: 'before-restore', data })).toEqual({ status: 'written', path: '/b/x.json' })
    expect(await platform.openBackupFile()).toEqual({ status: 'canceled' })
    expect(await platform.writeRecoveryCopy('r1', '{}')).toEqual({ fileName: 'f.json' })
    expect(await platform.listRecoveryCopies()).toEqual([])
    expect(await platform.readRecoveryCopy('r1', 'f.json')).toBe('{"format":"huibao-recovery"}')
    expect(calls).toEqual([
      ['getAutoBackupStatus', []],
      ['writeAutoBackup', [{ reason: 'before-restore', data }]],
      ['openBackupFile', []],
      ['writeRecoveryCopy', ['r1', '{}']],
      ['listRecoveryCopies', []],
      ['readRecoveryCopy', ['r1', 'f.json']]
    ])
  })

  it('the browser has no automatic backups or recovery copies (null / [] / a Chinese refusal)', async () => {
    const platform = createBrowserPlatform({} as Document)
    expect(await platform.getAutoBackupStatus?.()).toBeNull()
    expect(await platform.writeAutoBackup?.({ reason: 'daily', data: new Uint8Array() })).toBeNull()
    expect(await platform.openBackupFile?.()).toBeNull()
    expect(await platform.writeRecoveryCopy?.('r1', '{}')).toBeNull()
    expect(await platform.listRecoveryCopies?.()).toEqual([])
    await expect(platform.readRecoveryCopy!('r1', 'f.json')).rejects.toThrow('浏览器版不保存恢复副本')
  })
})
