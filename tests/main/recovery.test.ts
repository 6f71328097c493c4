// Recovery copies in main: validation, 3 generations per report, atomic files, listing that
// survives damaged files, path-safe reads, and the IPC wrapper's payload checks.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  KEEP_GENERATIONS,
  MAX_RECOVERY_CHARS,
  listRecoveryCopies,
  readRecoveryCopy,
  recoveryDir,
  registerRecoveryHandlers,
  writeRecoveryCopy
} from '../../src-main/main/recovery'
import { ipcMain, mainFrame, resetElectronMock } from '../mocks/electron'

let dataDir: string
beforeEach(() => {
  resetElectronMock()
  dataDir = mkdtempSync(join(tmpdir(), 'huibao-recovery-'))
})
afterEach(() => rmSync(dataDir, { recursive: true, force: true }))

const APP = { frame: mainFrame('app://huibao/index.html') }
const ID = '3f2a9c1e-7b4d-4e8a-9f00-123456789abc'

function copyJson(reportId = ID, overrides: Record<string, unknown> = {}, updatedAt = 1_764_000_000_000): string {
  return JSON.stringify({
    format: 'huibao-recovery',
    formatVersion: 1,
    schemaVersion: 2,
    reportId,
    title: '某镇2024年法治政府建设情况的报告𠮷',
    year: 2024,
    updatedAt,
    copiedAt: updatedAt + 5,
    report: { id: reportId, meta: { title: '某镇2024年法治政府建设情况的报告𠮷', year: 2024 }, sectionOrder: ['preamble'] },
    sections: [{ reportId, id: 'preamble', json: { type: 'preamble' } }],
    metricValues: [{ reportId, metricId: 'm1', value: 3, qualifier: '' }],
    ...overrides
  })
}

describe('recovery copies', () => {
  it('writes <recovery>/<reportId>/<stamp>.json atomically with the exact content', async () => {
    const json = copyJson()
    const { fileName } = await writeRecoveryCopy(dataDir, ID, json, Date.UTC(2026, 10, 25, 1, 2, 3, 4))
    expect(fileName).toBe('20261125T010203004Z.json')
    const dir = join(recoveryDir(dataDir), ID)
    expect(readdirSync(dir)).toEqual([fileName])
    expect(readFileSync(join(dir, fileName), 'utf8')).toBe(json)
  })

  it('keeps the 3 newest generations per report, other reports untouched', async () => {
    const other = 'other-report'
    await writeRecoveryCopy(dataDir, other, copyJson(other), 500)
    const names: string[] = []
    for (let i = 0; i < KEEP_GENERATIONS + 2; i++) names.push((await writeRecoveryCopy(dataDir, ID, copyJson(ID, {}, i), 1000 + i)).fileName)
    expect(readdirSync(join(recoveryDir(dataDir), ID)).sort()).toEqual(names.slice(-KEEP_GENERATIONS).sort())
    expect(readdirSync(join(recoveryDir(dataDir), other))).toHaveLength(1)
  })

  it('never overwrites a newer generation when the clock goes back', async () => {
    const first = await writeRecoveryCopy(dataDir, ID, copyJson(), 2000)
    const second = await writeRecoveryCopy(dataDir, ID, copyJson(), 1000)
    expect(second.fileName > first.fileName).toBe(true)
    expect(readdirSync(join(recoveryDir(dataDir), ID))).toHaveLength(2)
  })

  it.each([
    ['not JSON', '{"format":'],
    ['another report inside', copyJson('someone-else')],
    ['a section of another report', copyJson(ID, { sections: [{ reportId: 'x', id: 'preamble', json: { type: 'preamble' } }] })],
    ['a foreign format', copyJson(ID, { format: 'something' })],
    ['no rows', copyJson(ID, { sections: undefined })]
  ])('refuses %s and writes nothing', async (_name, json) => {
    await expect(writeRecoveryCopy(dataDir, ID, json)).rejects.toThrow(/恢复副本/)
    expect(existsSync(join(recoveryDir(dataDir), ID))).toBe(false)
  })

  it('lists copies newest first with title and times, skipping damaged files', async () => {
    await writeRecoveryCopy(dataDir, ID, copyJson(ID, {}, 100), 1000)
    await writeRecoveryCopy(dataDir, 'second', copyJson('second', { title: '第二份' }, 200), 2000)
    mkdirSync(join(recoveryDir(dataDir), 'broken'), { recursive: true })
    writeFileSync(join(recoveryDir(dataDir), 'broken', '20260101T000000000Z.json'), '{"trunc')
    writeFileSync(join(recoveryDir(dataDir), 'stray.txt'), 'x')
    const warn = console.warn
    console.warn = () => {}
    try {
      const list = await listRecoveryCopies(dataDir)
      expect(list.map((c) => [c.reportId, c.title, c.updatedAt, c.copiedAt])).toEqual([
        ['second', '第二份', 200, 205],
        [ID, '某镇2024年法治政府建设情况的报告𠮷', 100, 105]
      ])
      expect(list[0].bytes).toBeGreaterThan(0)
    } finally {
      console.warn = warn
    }
  })

  it('reads a copy back, and refuses names that could leave the folder', async () => {
    const { fileName } = await writeRecoveryCopy(dataDir, ID, copyJson(), 1000)
    expect(await readRecoveryCopy(dataDir, ID, fileName)).toBe(copyJson())
    await expect(readRecoveryCopy(dataDir, '..', fileName)).rejects.toThrow()
    await expect(readRecoveryCopy(dataDir, ID, '../../backups/x.json')).rejects.toThrow()
    await expect(readRecoveryCopy(dataDir, ID, '20990101T000000000Z.json')).rejects.toThrow('找不到这个恢复副本')
  })
})

describe('recovery IPC handlers', () => {
  it('write, list and read through the checked wrapper', async () => {
    registerRecoveryHandlers(dataDir)
    const written = await ipcMain.invoke('recovery:write', APP, { reportId: ID, json: copyJson() })
    expect(written).toMatchObject({ ok: true, value: { fileName: expect.stringMatching(/^\d{8}T\d{9}Z\.json$/) } })
    const list = (await ipcMain.invoke('recovery:list', APP, undefined)) as { ok: true; value: Array<{ fileName: string }> }
    expect(list.value).toHaveLength(1)
    const read = await ipcMain.invoke('recovery:read', APP, { reportId: ID, fileName: list.value[0].fileName })
    expect(read).toEqual({ ok: true, value: copyJson() })
  })

  it.each([
    ['a path as report id', { reportId: '../../evil', json: copyJson() }],
    ['a report id with a separator', { reportId: 'a/b', json: copyJson() }],
    ['json that is not a string', { reportId: ID, json: { a: 1 } }],
    ['an extra field', { reportId: ID, json: copyJson(), path: '/tmp/x' }],
    ['too much text', { reportId: ID, json: 'x'.repeat(MAX_RECOVERY_CHARS + 1) }]
  ])('answers invalid-payload for %s without writing', async (_name, payload) => {
    registerRecoveryHandlers(dataDir)
    expect(await ipcMain.invoke('recovery:write', APP, payload)).toMatchObject({ ok: false, error: { code: 'invalid-payload' } })
    expect(existsSync(recoveryDir(dataDir))).toBe(false)
  })

  it('answers a Chinese failure for a copy that does not validate', async () => {
    registerRecoveryHandlers(dataDir)
    const result = await ipcMain.invoke('recovery:write', APP, { reportId: ID, json: copyJson('another') })
    expect(result).toEqual({ ok: false, error: { code: 'failed', message: '恢复副本内容不完整，没有写入。' } })
  })
})
