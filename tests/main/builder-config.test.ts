// The installer cannot be built here (no Electron download), so the config is checked through
// electron-builder's own loader and JSON-schema validation, then asserted field by field.
import { resolve } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import type { Configuration } from 'app-builder-lib'
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config'
import { DebugLogger } from 'builder-util'

const ROOT = resolve(__dirname, '../..')
let config: Configuration

type Target = { target: string; arch?: string[] }
const targets = (value: unknown): Target[] => (value as Target[]) ?? []

beforeAll(async () => {
  config = await getConfig(ROOT, null, null)
  await validateConfiguration(config, new DebugLogger(false))
})

describe('electron-builder config', () => {
  it('identifies the app as cn.huibao.app, 汇报', () => {
    expect(config.appId).toBe('cn.huibao.app')
    expect(config.productName).toBe('汇报')
  })

  it('packs only the built out/** into an asar', () => {
    expect(config.asar).toBe(true)
    // The validator normalises the list into one file set.
    const sets = config.files as Array<{ from?: string; filter: string[] }>
    expect(sets).toHaveLength(1)
    expect(sets[0].from).toBeUndefined()
    expect(sets[0].filter.filter((pattern) => !pattern.startsWith('!'))).toEqual(['out/**'])
  })

  it('builds a per-user Windows x64 NSIS installer in Chinese that keeps user data', () => {
    expect(targets(config.win?.target)).toEqual([{ target: 'nsis', arch: ['x64'] }])
    expect(config.nsis?.perMachine).toBe(false)
    expect(config.nsis?.oneClick).toBe(false)
    expect(config.nsis?.installerLanguages).toEqual(['zh_CN'])
    expect(config.nsis?.deleteAppDataOnUninstall).toBe(false)
  })

  it('builds deb and AppImage for Linux x64 and arm64', () => {
    const linux = targets(config.linux?.target)
    expect(linux.map((t) => t.target).sort()).toEqual(['AppImage', 'deb'])
    for (const target of linux) expect(target.arch?.sort()).toEqual(['arm64', 'x64'])
    // The deb build refuses to run without a maintainer.
    expect(config.linux?.maintainer).toMatch(/<.+@.+>/)
  })

  it('burns the security fuses the Electron checklist recommends', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false
    })
  })
})
