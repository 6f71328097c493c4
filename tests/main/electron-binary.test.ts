import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { findElectronBinary } from './electron-binary'

let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'huibao-electron-pkg-'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

describe('findElectronBinary', () => {
  it('reports a missing path.txt (binary never downloaded)', () => {
    expect(findElectronBinary(dir)).toEqual({ reason: `${join(dir, 'path.txt')} is missing` })
  })

  it('reports a path.txt naming a file that is not there', () => {
    writeFileSync(join(dir, 'path.txt'), 'electron')
    expect(findElectronBinary(dir)).toEqual({ reason: `${join(dir, 'dist', 'electron')} does not exist` })
  })

  it('finds the executable path.txt names under dist/', () => {
    writeFileSync(join(dir, 'path.txt'), 'electron\n')
    mkdirSync(join(dir, 'dist'))
    writeFileSync(join(dir, 'dist', 'electron'), '')
    expect(findElectronBinary(dir)).toEqual({ path: join(dir, 'dist', 'electron') })
  })
})
