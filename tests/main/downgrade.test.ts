import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { LAST_VERSION_FILE } from '../../src-main/main/constants'
import { checkVersion, compareVersions, downgradeMessage, recordVersion } from '../../src-main/main/downgrade'

describe('compareVersions (semver 2.0.0 precedence)', () => {
  // Each list is strictly increasing, as in the semver spec's examples.
  const ascending = [
    '0.9.9',
    '0.10.0',
    '1.0.0-alpha',
    '1.0.0-alpha.1',
    '1.0.0-alpha.beta',
    '1.0.0-beta',
    '1.0.0-beta.2',
    '1.0.0-beta.11',
    '1.0.0-rc.1',
    '1.0.0',
    '1.2.0',
    '1.10.0',
    '2.0.0'
  ]

  it('orders versions numerically, not as strings, with pre-releases first', () => {
    for (let i = 0; i < ascending.length; i++) {
      for (let j = 0; j < ascending.length; j++) {
        expect(compareVersions(ascending[i], ascending[j]), `${ascending[i]} vs ${ascending[j]}`).toBe(Math.sign(i - j))
      }
    }
  })

  it('ignores build metadata and a leading v', () => {
    expect(compareVersions('1.2.3+build.5', '1.2.3')).toBe(0)
    expect(compareVersions('v1.2.3', '1.2.3')).toBe(0)
  })

  it('rejects what is not a version', () => {
    expect(() => compareVersions('1.2', '1.2.0')).toThrow()
    expect(() => compareVersions('latest', '1.2.0')).toThrow()
  })
})

describe('downgrade check', () => {
  let dataDir: string
  beforeEach(() => {
    dataDir = join(mkdtempSync(join(tmpdir(), 'huibao-downgrade-')), 'huibao-data')
  })
  afterEach(() => rmSync(join(dataDir, '..'), { recursive: true, force: true }))

  it('is fine on first run and remembers the version', async () => {
    expect(checkVersion(dataDir, '0.1.0')).toEqual({ kind: 'ok', previous: null })
    await recordVersion(dataDir, '0.1.0')
    expect(JSON.parse(readFileSync(join(dataDir, LAST_VERSION_FILE), 'utf8'))).toEqual({ version: '0.1.0' })
  })

  it('accepts the same and newer versions', async () => {
    await recordVersion(dataDir, '1.2.0')
    expect(checkVersion(dataDir, '1.2.0')).toEqual({ kind: 'ok', previous: '1.2.0' })
    expect(checkVersion(dataDir, '1.10.0')).toEqual({ kind: 'ok', previous: '1.2.0' })
  })

  it('detects an older version, including 1.9 after 1.10 and a pre-release after its release', async () => {
    await recordVersion(dataDir, '1.10.0')
    expect(checkVersion(dataDir, '1.9.0')).toEqual({ kind: 'downgrade', previous: '1.10.0', current: '1.9.0' })
    await recordVersion(dataDir, '2.0.0')
    expect(checkVersion(dataDir, '2.0.0-rc.1').kind).toBe('downgrade')
  })

  it('treats an unreadable record as a first run', () => {
    mkdirSync(dataDir, { recursive: true })
    writeFileSync(join(dataDir, LAST_VERSION_FILE), '{not json')
    expect(checkVersion(dataDir, '0.1.0')).toEqual({ kind: 'ok', previous: null })
    writeFileSync(join(dataDir, LAST_VERSION_FILE), JSON.stringify({ version: 'banana' }))
    expect(checkVersion(dataDir, '0.1.0')).toEqual({ kind: 'ok', previous: null })
  })

  it('explains in Chinese which versions are involved and what to do', () => {
    const text = downgradeMessage({ kind: 'downgrade', previous: '1.10.0', current: '1.9.0' })
    expect(text.message).toContain('1.10.0')
    expect(text.message).toContain('1.9.0')
    expect(text.detail).toMatch(/数据不会被改动/)
    expect(text.detail).toMatch(/请安装 1\.10\.0 或更新的版本/)
  })
})
