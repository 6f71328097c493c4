// The preload's backup and recovery functions: each calls its own channel with exactly the
// request, and none of them hands out anything generic.
import { beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { HuibaoBridge } from '@contract/ipc'
import { contextBridge, ipcRenderer, resetElectronMock } from '../mocks/electron'

let bridge: HuibaoBridge

beforeAll(async () => {
  resetElectronMock()
  await import('../../src-main/preload/index')
  bridge = contextBridge.exposed.get('huibao') as HuibaoBridge
})
beforeEach(() => {
  ipcRenderer.invocations.length = 0
  ipcRenderer.responses.clear()
})

const ok = (value: unknown) => ({ ok: true, value })

describe('preload: backups and recovery copies', () => {
  it.each([
    ['getAutoBackupStatus', 'backup:status', [], undefined],
    ['writeAutoBackup', 'backup:write-auto', [{ reason: 'daily', data: new Uint8Array([1]) }], { reason: 'daily', data: new Uint8Array([1]) }],
    ['openBackupFile', 'backup:open', [], undefined],
    ['writeRecoveryCopy', 'recovery:write', ['r1', '{"a":"中文"}'], { reportId: 'r1', json: '{"a":"中文"}' }],
    ['listRecoveryCopies', 'recovery:list', [], undefined],
    ['readRecoveryCopy', 'recovery:read', ['r1', '20261125T010203004Z.json'], { reportId: 'r1', fileName: '20261125T010203004Z.json' }]
  ] as const)('%s invokes %s with the request and resolves the value', async (name, channel, args, request) => {
    ipcRenderer.responses.set(channel, ok('answer'))
    const fn = bridge[name] as (...a: unknown[]) => Promise<unknown>
    await expect(fn(...args)).resolves.toBe('answer')
    expect(ipcRenderer.invocations).toEqual([{ channel, args: [request] }])
  })

  it('turns a failure into an Error carrying the Chinese message', async () => {
    ipcRenderer.responses.set('recovery:write', { ok: false, error: { code: 'failed', message: '恢复副本内容不完整，没有写入。' } })
    await expect(bridge.writeRecoveryCopy('r1', '{}')).rejects.toThrow('恢复副本内容不完整，没有写入。')
  })
})
