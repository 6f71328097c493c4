// Finds the Electron executable the way its own index.js does — path.txt names it inside
// dist/ — but without loading that module, which in Electron 45 would start a lazy download.
import { existsSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'

export const ELECTRON_PACKAGE_DIR = resolve(__dirname, '../../node_modules/electron')

export function findElectronBinary(dir = ELECTRON_PACKAGE_DIR): { path: string } | { reason: string } {
  const pathFile = join(dir, 'path.txt')
  if (!existsSync(pathFile)) return { reason: `${pathFile} is missing` }
  const relativePath = readFileSync(pathFile, 'utf8').trim()
  if (!relativePath) return { reason: `${pathFile} is empty` }
  const executable = join(dir, 'dist', relativePath)
  if (!existsSync(executable)) return { reason: `${executable} does not exist` }
  return { path: executable }
}
